// Reads of SSH private keys or the whole ~/.ssh folder. Using a key (`ssh -i`) or checking the
// folder's permissions is not a read; copying, printing or archiving it is.

import { createSensitiveReadRule } from './common/sensitive-read-rule.ts';

export const sshKeyRead = createSensitiveReadRule({
  id: 'ssh-key-read',
  classes: ['ssh'],
  severity: 'medium',
  title: 'Reads SSH private keys',
  description: 'The skill reads a private key under ~/.ssh or the whole folder. Stolen keys open every server and repository the user can reach.',
  references: ['https://attack.mitre.org/techniques/T1552/004/'],
});
