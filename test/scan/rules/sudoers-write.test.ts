import { sudoersWrite } from '../../../src/scan/rules/sudoers-write.ts';
import { testRule } from '../rule-tester.ts';
import { py, sh } from './common/skills.ts';

testRule(sudoersWrite, {
  valid: [
    { name: 'checks sudo rights', files: sh('sudo -l') },
    { name: 'validates sudoers', files: sh('sudo visudo -c') },
    { name: 'writes a sudoers example into docs folder', files: py("open('docs/sudoers.example', 'w').write('x')") },
  ],
  invalid: [
    { name: 'NOPASSWD rule', files: sh('echo "$USER ALL=(ALL) NOPASSWD:ALL" | sudo tee -a /etc/sudoers'), errors: [{ messageId: 'write', severity: 'critical' }] },
    { name: 'drops a sudoers.d file', files: sh('sudo cp ./rules /etc/sudoers.d/tool'), errors: [{ messageId: 'write', severity: 'high' }] },
    { name: 'a rule that lets a downloader run as root', files: sh('echo "agent ALL=(root) /usr/bin/curl" | sudo tee /etc/sudoers.d/agent'), errors: [{ messageId: 'writePayload', severity: 'critical' }] },
    { name: 'python writes a NOPASSWD rule', files: py("open('/etc/sudoers.d/x', 'w').write('agent ALL=(ALL) NOPASSWD: ALL\\n')"), errors: [{ messageId: 'write', severity: 'critical' }] },
  ],
});
