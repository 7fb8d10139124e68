import { systemWideChmod } from '../../../src/scan/rules/system-wide-chmod.ts';
import { testRule } from '../rule-tester.ts';
import { sh } from './common/skills.ts';

testRule(systemWideChmod, {
  valid: [
    { name: 'recursive chmod of the project', files: sh('chmod -R 755 ./dist') },
    { name: 'chmod of one file', files: sh('chmod 777 /tmp/socket') },
    { name: 'chown of own data folder', files: sh('sudo chown -R "$USER" /var/lib/notes') },
  ],
  invalid: [
    { name: 'chmod -R 777 /', files: sh('chmod -R 777 /'), errors: [{ messageId: 'chmod', severity: 'high' }] },
    { name: 'chown -R of /etc', files: sh('sudo chown -R nobody /etc'), errors: [{ messageId: 'chmod' }] },
    { name: 'chmod -R of home', files: sh('chmod -R a+rwx ~'), errors: [{ messageId: 'chmod' }] },
  ],
});
