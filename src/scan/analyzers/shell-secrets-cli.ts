// A shell command whose output is a credential though it names no file (`gh auth token`,
// `cmdkey /list`…): the table is shared with the other analyzers in common/secret-commands.ts.

import type { Source } from '../facts.ts';
import { secretPrinted } from './common/secret-commands.ts';
import type { ShellCommand } from './shell-command.ts';

/** The secret a command prints, as a source, when it is one of the secret printers. */
export function printedCredential(cmd: ShellCommand): Source[] {
  return secretPrinted([cmd.name, ...cmd.args]);
}
