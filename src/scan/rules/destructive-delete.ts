// Recursive deletion of the root, the home folder or the user's documents; shredding user files.
// Cleaning a build or temp folder (`rm -rf ./build`, `rm -rf "$TMPDIR/x"`) is not reported.

import type { Rule, Severity } from '../types.ts';
import { commandsNamed, hasFlag, operands } from './common/commands.ts';
import { weigh } from './common/context.ts';
import { normalisePath } from './common/sensitive-paths.ts';

// A segment made only of glob characters (`*`, `.[!.]*`, `.??*`) under / or ~ is everything there.
const everything = /^(?:\/|\/[.*?[\]!^]*\*[.*?[\]!^]*|~|~\/|~\/[.*?[\]!^]*[*?][.*?[\]!^]*|\/(?:home|users|etc|usr|var|boot|bin|lib|opt|system|library)\/?\*?|c:\/?\*?|c:\/(?:windows|users)\/?\*?)$/;
const userData = /^~\/(?:documents|desktop|pictures|photos|downloads|movies|music|library|\.ssh|\.openclaw|\.config|projects|code|src|work|dev)\/?\*?$/;

function classify(target: string): Severity | undefined {
  const p = normalisePath(target).replace(/\/\.$/, '/');
  if (everything.test(p)) return 'critical';
  if (userData.test(p)) return 'high';
  return undefined;
}

export const destructiveDelete: Rule = {
  meta: {
    id: 'destructive-delete',
    category: 'destructive',
    severity: 'critical',
    title: 'Deletes the system, the home folder or user documents',
    description: 'The skill recursively deletes or shreds /, the home folder or folders of user data (Documents, Desktop, ~/.ssh…). Cleaning build or temporary folders is not reported.',
    references: ['https://attack.mitre.org/techniques/T1485/'],
    messages: {
      remove: 'Recursively deletes {{target}}.',
      shred: 'Overwrites and deletes {{target}}.',
    },
  },
  check(facts, context) {
    for (const cmd of commandsNamed(facts, 'rm', 'remove-item', 'rmdir', 'del', 'rd', 'find', 'shred', 'srm')) {
      const program = cmd.name.toLowerCase();
      const recursive = hasFlag(cmd, 'r', '--recursive') || hasFlag(cmd, 'R') || /-recurse|\/s\b/i.test(cmd.args.join(' '));
      const shred = program === 'shred' || program === 'srm';
      if (program === 'find' ? !cmd.args.includes('-delete') : !(recursive || shred)) continue;
      const targets = program === 'find' ? operands(cmd).slice(0, 1) : operands(cmd);
      for (const target of targets) {
        const severity = classify(target);
        if (!severity) continue;
        context.report({ messageId: shred ? 'shred' : 'remove', fact: cmd, data: { target }, severity: weigh(severity, cmd, context.skill) });
        break;
      }
    }
  },
};
