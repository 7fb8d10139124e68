// systemd units (user or system) and enabling them. Services are how servers are deployed, so a
// unit alone is medium; one whose command fetches or connects out is high.

import { hasFlag, operands, programOf } from './common/commands.ts';
import { createPersistenceRule } from './common/persistence-rule.ts';

export const systemdUnitWrite = createPersistenceRule({
  id: 'systemd-unit-write',
  title: 'Installs a systemd unit',
  description: 'The skill writes a systemd service or timer, or enables one, so a command keeps running or starts at boot or login.',
  references: ['https://attack.mitre.org/techniques/T1543/002/'],
  targets: [
    { pattern: /^~\/\.config\/systemd\/user\/|^~\/\.local\/share\/systemd\/user\//, label: 'a systemd user unit', severity: 'medium' },
    { pattern: /^\/(?:etc|lib|usr\/lib|run)\/systemd\/(?:system|user)\//, label: 'a systemd system unit', severity: 'medium' },
  ],
  commands(cmd) {
    const [sub, unit] = operands(cmd);
    if (programOf(cmd) !== 'systemctl' || sub !== 'enable' || !unit) return undefined;
    if (!hasFlag(cmd, undefined, '--user') && !hasFlag(cmd, undefined, '--now')) return undefined;
    return { severity: 'medium', what: `systemctl enable ${unit}` };
  },
});
