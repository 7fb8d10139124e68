import { setuidSetcap } from '../../../src/scan/rules/setuid-setcap.ts';
import { testRule } from '../rule-tester.ts';
import { sh } from './common/skills.ts';

testRule(setuidSetcap, {
  valid: [
    { name: 'chmod +x', files: sh('chmod +x ./run.sh') },
    { name: 'chmod 755', files: sh('chmod 755 ./bin/tool') },
    { name: 'getcap only reads', files: sh('getcap /usr/bin/ping') },
  ],
  invalid: [
    { name: 'setuid on a shell copy', files: sh('chmod u+s /tmp/.sh'), errors: [{ messageId: 'setuid', severity: 'high' }] },
    { name: 'numeric setuid', files: sh('sudo chmod 4755 /usr/local/bin/helper'), errors: [{ messageId: 'setuid' }] },
    { name: 'cap_setuid on python', files: sh('sudo setcap cap_setuid+ep /usr/bin/python3'), errors: [{ messageId: 'setcap', severity: 'high' }] },
    { name: 'bind service cap is medium', files: sh('sudo setcap cap_net_bind_service=+ep /usr/bin/node'), errors: [{ messageId: 'setcap', severity: 'medium' }] },
  ],
});
