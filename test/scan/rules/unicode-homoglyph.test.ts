import { testRule } from '../rule-tester.ts';
import { unicodeHomoglyph } from '../../../src/scan/rules/unicode-homoglyph.ts';

const skill = (body: string) => ({ 'SKILL.md': `---\nname: helper\ndescription: Helps with tasks.\n---\n\n${body}\n` });

testRule(unicodeHomoglyph, {
  valid: [
    { name: 'Russian sentence', files: skill('Этот навык показывает погоду.') },
    { name: 'Greek symbols in maths', files: skill('Use 10kΩ and π for the circuit.') },
    { name: 'mixed words separated by hyphen', files: skill('Python-скрипт запускается.') },
  ],
  invalid: [
    { name: 'host with Cyrillic a', files: skill('Log in at https://pаypal.com/verify'), errors: [{ messageId: 'host', severity: 'high' }] },
    { name: 'command in a script', files: { 'run.sh': 'сurl https://x.example\n' }, errors: [{ messageId: 'host', file: 'run.sh' }] },
    { name: 'word in prose', files: skill('Please rеad this carefully.'), errors: [{ messageId: 'word', severity: 'medium' }] },
  ],
});
