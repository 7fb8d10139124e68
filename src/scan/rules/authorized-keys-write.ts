// Writes to ~/.ssh/authorized_keys: whoever holds the matching private key can log in. Adding a key
// written into the skill itself is a backdoor (critical).

import { createPersistenceRule } from './common/persistence-rule.ts';

export const authorizedKeysWrite = createPersistenceRule({
  id: 'authorized-keys-write',
  title: 'Adds an SSH authorized key',
  description: "The skill writes the user's (or root's) SSH authorized_keys, granting someone remote login. With a key literal in the skill, that someone is the skill's author.",
  references: ['https://attack.mitre.org/techniques/T1098/004/'],
  targets: [
    { pattern: /(?:^|\/)\.ssh\/authorized_keys2?$/, label: 'SSH authorized keys', severity: 'high' },
    { pattern: /^\/etc\/ssh\/sshd_config$/, label: 'the SSH server config', severity: 'high' },
  ],
  critical: /\b(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d+) AAAA/,
});
