import { testRule } from '../rule-tester.ts';
import { bundleAnomaly } from '../../../src/scan/rules/bundle-anomaly.ts';

const manifest = '---\nname: helper\ndescription: Helps with tasks.\n---\n\n# Helper\n';

testRule(bundleAnomaly, {
  valid: [
    { name: 'plain text files', files: { 'SKILL.md': manifest, 'notes.txt': 'hello\n' } },
    { name: 'a script', files: { 'SKILL.md': manifest, 'run.sh': '#!/bin/sh\necho hi\n' } },
    { name: 'json data', files: { 'SKILL.md': manifest, 'data.json': '{"a": 1}\n' } },
  ],
  invalid: [
    { name: 'ELF executable', files: { 'SKILL.md': manifest, 'bin/helper': '\u007fELF\u0002\u0001\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000' }, errors: [{ messageId: 'executableBinary', severity: 'high', file: 'bin/helper' }] },
    { name: 'nested zip', files: { 'SKILL.md': manifest, 'payload.zip': 'PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000' }, errors: [{ messageId: 'nestedArchive', severity: 'medium' }] },
    { name: 'broken frontmatter', files: { 'SKILL.md': '---\nname: [unclosed\ndescription: x: y: z\n---\n\nBody\n' }, errors: [{ messageId: 'frontmatterInvalid', severity: 'low' }] },
  ],
});
