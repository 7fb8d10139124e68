// Reads of system password hashes and private keys (/etc/shadow, /etc/ssl/private, the Windows SAM).

import { createSensitiveReadRule } from './common/sensitive-read-rule.ts';

export const systemSecretRead = createSensitiveReadRule({
  id: 'system-secret-read',
  classes: ['system-secret'],
  severity: 'high',
  title: 'Reads system password hashes',
  description: 'The skill reads /etc/shadow, TLS private keys or the Windows SAM hive: credential dumping, which no agent skill needs.',
  references: ['https://attack.mitre.org/techniques/T1003/008/'],
});
