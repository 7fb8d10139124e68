// Writes to shell start-up files (~/.bashrc, ~/.zshrc, ~/.profile…). Adding a PATH entry there is
// an ordinary install step (low); anything that fetches or connects out runs at every new shell.

import { createPersistenceRule } from './common/persistence-rule.ts';

export const shellRcWrite = createPersistenceRule({
  id: 'shell-rc-write',
  title: 'Writes a shell start-up file',
  description: "The skill writes to a shell start-up file, so its content runs in every new shell of the user's. Installers add PATH lines there; malware adds download or reverse-shell lines.",
  references: ['https://attack.mitre.org/techniques/T1546/004/'],
  targets: [
    { pattern: /^~\/\.(?:bashrc|bash_profile|bash_login|profile|zshrc|zprofile|zshenv|zlogin|kshrc|cshrc|tcshrc)$|^~\/\.config\/fish\/config\.fish$/, label: 'a shell start-up file', severity: 'low' },
    { pattern: /^\/etc\/(?:profile|bash\.bashrc|zshrc|zsh\/zshrc|environment)$|^\/etc\/profile\.d\//, label: 'a system-wide shell start-up file', severity: 'medium' },
    { pattern: /documents\/(?:windows)?powershell\/[\w.]*profile\.ps1$/, label: 'a PowerShell profile', severity: 'low' },
  ],
});
