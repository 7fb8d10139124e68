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
    { name: 'archive entry climbing out', files: { 'SKILL.md': manifest }, issues: [{ code: 'archive-path-traversal', file: '../../.bashrc', message: 'archive entry escapes the archive with "..": ../../.bashrc (skipped)' }], errors: [{ messageId: 'archivePathTraversal', severity: 'critical' }] },
    { name: 'archive entry with an absolute path', files: { 'SKILL.md': manifest }, issues: [{ code: 'archive-absolute-path', file: '/etc/cron.d/x', message: 'archive entry has an absolute path: /etc/cron.d/x (skipped)' }], errors: [{ messageId: 'archiveAbsolutePath' }] },
    { name: 'symlink to the home folder', files: { 'SKILL.md': manifest }, issues: [{ code: 'symlink-outside', file: 'data', message: 'symlink points outside the skill: /root/.ssh' }], errors: [{ messageId: 'symlinkOutside', severity: 'high', file: 'data' }] },
    { name: 'symlink inside the skill', files: { 'SKILL.md': manifest }, issues: [{ code: 'symlink', file: 'latest', message: 'symlink to docs/v2 (not followed)' }], errors: [{ messageId: 'symlink', severity: 'low' }] },
    { name: 'encrypted zip entry', files: { 'SKILL.md': manifest }, issues: [{ code: 'encrypted-archive', file: 'tool.bin', message: 'zip entry tool.bin is encrypted (password-protected); it cannot be analysed' }], errors: [{ messageId: 'encryptedArchive', severity: 'high' }] },
    { name: 'decompression bomb', files: { 'SKILL.md': manifest }, issues: [{ code: 'archive-bomb', message: 'archive looks like a decompression bomb: a.txt expands 5000x' }], errors: [{ messageId: 'archiveBomb', severity: 'high' }] },
    { name: 'file cut at the cap', files: { 'SKILL.md': manifest }, issues: [{ code: 'file-too-large', file: 'big.md', message: 'only the first 1048576 of 3000000 bytes were analysed' }], errors: [{ messageId: 'fileTooLarge', severity: 'low' }] },
    { name: 'too many files', files: { 'SKILL.md': manifest }, issues: [{ code: 'too-many-files', message: '2500 files; only the first 2000 were analysed' }], errors: [{ messageId: 'tooManyFiles', severity: 'low' }] },
    { name: 'skill too large', files: { 'SKILL.md': manifest }, issues: [{ code: 'skill-too-large', message: 'over 256 MiB; the rest was hashed, not analysed' }], errors: [{ messageId: 'skillTooLarge', severity: 'low' }] },
    { name: 'invalid UTF-8', files: { 'SKILL.md': manifest }, issues: [{ code: 'invalid-utf8', file: 'notes.txt', message: 'text is not valid UTF-8; invalid bytes were replaced' }], errors: [{ messageId: 'invalidUtf8', severity: 'info' }] },
    { name: 'analyzer failure', files: { 'SKILL.md': manifest }, issues: [{ code: 'analyzer-error', file: 'x.py', message: 'python analyzer failed' }], errors: [{ messageId: 'analyzerError', severity: 'info' }] },
    { name: 'an issue code the rule does not know', files: { 'SKILL.md': manifest }, issues: [{ code: 'future-issue', message: 'something new' }], errors: [{ messageId: 'other', severity: 'low' }] },
    { name: 'broken frontmatter', files: { 'SKILL.md': '---\nname: [unclosed\ndescription: x: y: z\n---\n\nBody\n' }, errors: [{ messageId: 'frontmatterInvalid', severity: 'low' }] },
  ],
});
