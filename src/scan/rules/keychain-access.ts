// Reads of the OS keychain: `security find-generic-password` / `dump-keychain`, `secret-tool lookup`,
// the keychain database files. Looking up one named item is how some tools keep their own token
// (medium); dumping the keychain or a browser's "Safe Storage" key is theft (high).

import type { CommandFact } from './common/commands.ts';
import { commandLine, operands, programOf } from './common/commands.ts';
import { createSensitiveReadRule } from './common/sensitive-read-rule.ts';

function keychainCommand(cmd: CommandFact) {
  const program = programOf(cmd);
  const [sub] = operands(cmd);
  if (program === 'security' && sub) {
    if (/^(?:dump-keychain|export)$/.test(sub)) return { severity: 'high' as const, what: `security ${sub}` };
    if (/^find-(?:generic|internet)-password$/.test(sub)) {
      const safeStorage = /safe storage/i.test(commandLine(cmd));
      return { severity: safeStorage ? ('high' as const) : ('medium' as const), what: safeStorage ? "a browser's Safe Storage key" : `security ${sub}` };
    }
  }
  if (program === 'secret-tool' && /^(?:lookup|search)$/.test(sub ?? '')) return { severity: 'medium' as const, what: `secret-tool ${sub}` };
  return undefined;
}

export const keychainAccess = createSensitiveReadRule({
  id: 'keychain-access',
  classes: ['keychain'],
  severity: 'high',
  title: 'Reads the OS keychain',
  description: "The skill reads passwords from the macOS keychain or the Linux secret service, or copies the keychain database. Dumping the keychain or a browser's Safe Storage key is what macOS stealers do.",
  references: ['https://attack.mitre.org/techniques/T1555/001/'],
  commands: keychainCommand,
});
