// Reads of `.env` files. Loading the skill's own `.env` is common and honest, so a read alone is low;
// it matters when the same skill uploads data to a foreign host.

import { createSensitiveReadRule } from './common/sensitive-read-rule.ts';

export const dotenvRead = createSensitiveReadRule({
  id: 'dotenv-read',
  classes: ['dotenv'],
  severity: 'low',
  title: 'Reads a .env file',
  description: 'The skill reads a .env file, where projects keep API keys and passwords. Templates (.env.example) are not counted.',
  references: ['https://attack.mitre.org/techniques/T1552/001/'],
});
