import { testRule } from '../rule-tester.ts';
import { unicodeControlCharacters } from '../../../src/scan/rules/unicode-control-characters.ts';

const skill = (body: string) => ({ 'SKILL.md': `---\nname: helper\ndescription: Helps with tasks.\n---\n\n${body}\n` });

testRule(unicodeControlCharacters, {
  valid: [
    { name: 'tabs and CRLF', files: skill('a\tb\r\nc') },
    { name: 'plain text', files: { 'notes.txt': 'hello\n' } },
    { name: 'Chinese text', files: skill('钉钉机器人') },
  ],
  invalid: [
    { name: 'escape and bell', files: skill('status \u001b[2K\u0007 done'), errors: [{ messageId: 'control', severity: 'low' }] },
    { name: 'one icon glyph', files: skill('icon \ue0a0 branch'), errors: [{ messageId: 'privateUse', severity: 'info' }] },
    { name: 'many private-use', files: skill('\ue000\ue001\ue002\ue003\ue004\ue005\ue006\ue007'), errors: [{ messageId: 'privateUse', severity: 'low' }] },
  ],
});
