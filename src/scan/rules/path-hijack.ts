// PATH hijacking: a file named like a common command placed in a bin folder that comes early in
// PATH, or an alias that redefines sudo/ssh/git. The next time the user types the command, the
// skill's code runs instead (and sees the sudo password).

import { createPersistenceRule } from './common/persistence-rule.ts';

const shadowed = String.raw`(?:sudo|su|ssh|scp|git|ls|cd|cat|curl|wget|python3?|node|npm|pip3?|bash|sh|zsh|passwd|login|openclaw|clawhub|security|osascript|docker|kubectl|aws|gcloud)`;

export const pathHijack = createPersistenceRule({
  id: 'path-hijack',
  title: 'Shadows a common command (PATH or alias hijack)',
  description: 'The skill puts a program named like a common command (sudo, ssh, git…) into a bin folder early in PATH, or aliases one, so the user runs its code instead of the real tool.',
  references: ['https://attack.mitre.org/techniques/T1574/007/'],
  targets: [
    { pattern: new RegExp(`^(?:~/(?:\\.local/)?bin|/usr/local/bin|/opt/homebrew/bin|/usr/bin|/bin|/usr/local/sbin)/${shadowed}$`), label: 'a program shadowing a common command', severity: 'high' },
  ],
  commands(cmd) {
    const m = /\balias\s+(sudo|su|ssh|git|passwd|openclaw)=/.exec(cmd.evidence);
    return m ? { severity: 'high', what: `alias ${m[1]}=…` } : undefined;
  },
});
