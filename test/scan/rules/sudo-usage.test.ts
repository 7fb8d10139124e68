import { sudoUsage } from '../../../src/scan/rules/sudo-usage.ts';
import { testRule } from '../rule-tester.ts';
import { doc, py, sh } from './common/skills.ts';

testRule(sudoUsage, {
  valid: [
    { name: 'no sudo', files: sh('apt-get install -y jq') },
    { name: 'mentions sudo in prose', files: { 'SKILL.md': '---\nname: t\ndescription: d\n---\n\nThis skill never needs sudo.\n' } },
    { name: 'python without elevation', files: py("import subprocess\nsubprocess.run(['ls', '-la'])") },
  ],
  invalid: [
    { name: 'sudo apt install is low', files: doc('sudo apt-get install -y jq', { heading: 'Install' }), errors: [{ messageId: 'sudo', severity: 'low' }] },
    { name: 'sudo in a script', files: sh('sudo systemctl restart nginx'), errors: [{ messageId: 'sudo' }] },
    { name: 'password piped into sudo -S', files: sh('echo "hunter2" | sudo -S rm /var/log/x'), errors: [{ messageId: 'password', severity: 'high' }] },
  ],
});
