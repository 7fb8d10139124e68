// What the loader noticed about the bundle itself, one message per issue code. Severity follows how
// often each is an attack: a path-traversal entry exists only to write outside the skill; an
// executable or an encrypted archive hides content from review; a long file is just long.

import type { Rule, Severity } from '../types.ts';

const grades: Readonly<Record<string, Severity>> = {
  'archive-path-traversal': 'critical',
  'archive-absolute-path': 'high',
  'symlink-outside': 'high',
  'executable-binary': 'high',
  'encrypted-archive': 'high',
  'archive-bomb': 'high',
  'nested-archive': 'medium',
  'symlink': 'low',
  'file-too-large': 'low',
  'too-many-files': 'low',
  'skill-too-large': 'low',
  'frontmatter-invalid': 'low',
  'invalid-utf8': 'info',
  'analyzer-error': 'info',
};

function messageIdOf(code: string): string {
  return code.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}

export const bundleAnomaly: Rule = {
  meta: {
    id: 'bundle-anomaly',
    category: 'bundle',
    severity: 'high',
    title: 'Anomaly in the skill bundle',
    description: 'Something the loader found in the files themselves: archive entries that climb out of the skill (critical) or use absolute paths, symlinks to outside the skill, executables, encrypted archives or decompression bombs (high), nested archives (medium), oversized or unparsable files (low/info).',
    references: ['https://snyk.io/research/zip-slip-vulnerability', 'https://www.koi.ai/blog/clawhavoc-341-malicious-clawedbot-skills-found-by-the-bot-they-were-targeting'],
    messages: {
      archivePathTraversal: 'Archive entry escapes the skill folder: {{detail}}',
      archiveAbsolutePath: 'Archive entry with an absolute path: {{detail}}',
      symlinkOutside: 'Symlink to outside the skill: {{detail}}',
      executableBinary: 'Executable binary in the skill: {{detail}}',
      encryptedArchive: 'Encrypted archive entry (cannot be reviewed): {{detail}}',
      archiveBomb: 'Archive exceeds the decompression caps: {{detail}}',
      nestedArchive: 'Archive inside the skill (not scanned): {{detail}}',
      symlink: 'Symlink inside the skill: {{detail}}',
      fileTooLarge: 'File cut at the analysis cap: {{detail}}',
      tooManyFiles: 'Too many files; the rest were not scanned: {{detail}}',
      skillTooLarge: 'Skill too large; the rest was not scanned: {{detail}}',
      frontmatterInvalid: 'SKILL.md frontmatter does not parse: {{detail}}',
      invalidUtf8: 'Invalid UTF-8 in a text file: {{detail}}',
      analyzerError: 'A file could not be fully analysed: {{detail}}',
      other: 'Loader issue {{code}}: {{detail}}',
    },
  },
  check(facts, context) {
    for (const issue of facts.of('load-issue')) {
      const known = grades[issue.code];
      context.report({
        messageId: known ? messageIdOf(issue.code) : 'other', fact: issue,
        data: { code: issue.code, detail: issue.evidence.slice(0, 120) }, severity: known ?? 'low',
      });
    }
  },
};
