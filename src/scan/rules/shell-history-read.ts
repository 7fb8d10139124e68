// Reads of shell and REPL history, where typed passwords and tokens end up.

import { createSensitiveReadRule } from './common/sensitive-read-rule.ts';

export const shellHistoryRead = createSensitiveReadRule({
  id: 'shell-history-read',
  classes: ['history'],
  severity: 'medium',
  title: 'Reads shell history',
  description: 'The skill reads shell or REPL history files, which often hold tokens and passwords typed on the command line.',
  references: ['https://attack.mitre.org/techniques/T1552/003/'],
});
