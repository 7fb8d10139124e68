// Writes to sudoers: a NOPASSWD rule gives anyone running as the user root without a password.

import { createPersistenceRule } from './common/persistence-rule.ts';

export const sudoersWrite = createPersistenceRule({
  id: 'sudoers-write',
  title: 'Changes sudo rules',
  description: 'The skill writes /etc/sudoers or a file under /etc/sudoers.d. A NOPASSWD rule is a standing root backdoor.',
  references: ['https://attack.mitre.org/techniques/T1548/003/'],
  targets: [{ pattern: /^\/etc\/sudoers(?:\.d\/|$)/, label: 'sudo rules', severity: 'high' }],
  critical: /NOPASSWD/,
});
