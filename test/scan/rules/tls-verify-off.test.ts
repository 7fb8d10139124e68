import { tlsVerifyOff } from '../../../src/scan/rules/tls-verify-off.ts';
import { testRule } from '../rule-tester.ts';
import { js, py, sh } from './common/skills.ts';

testRule(tlsVerifyOff, {
  valid: [
    { name: 'curl with checks', files: sh('curl -fsSL https://api.github.com/zen') },
    { name: 'curl -k to localhost', files: sh('curl -k https://localhost:8443/health') },
    { name: 'requests with verify on', files: py("import requests\nrequests.get('https://api.example.com/x', verify=True)") },
  ],
  invalid: [
    { name: 'curl -k', files: sh('curl -k https://api.example.com/x'), errors: [{ messageId: 'insecure', severity: 'low' }] },
    { name: 'requests verify=False', files: py("import requests\nrequests.get('https://api.example.com/x', verify=False)"), errors: [{ messageId: 'insecure' }] },
    { name: 'node reject unauthorized off', files: js("process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\nfetch('https://api.example.com/x');"), errors: [{ messageId: 'insecure' }] },
    { name: 'wget without checks', files: sh('wget --no-check-certificate https://dl.example/x.tgz'), errors: [{ messageId: 'insecure' }] },
  ],
});
