// Places other than cron, rc files, launchd and systemd that make code run again later: XDG
// autostart entries (run at every desktop login), Python `.pth` files in site-packages (an
// `import` line in one runs at every interpreter start), and jobs handed to `at`/`batch` (run once
// later, after the agent session and its review are over). A plain `.pth` path list or a desktop
// reminder is a plausible feature (medium); what the entry runs decides the rest.

import type { Severity } from '../types.ts';
import { hasFlag, operands, programOf, type CommandFact } from './common/commands.ts';
import { createPersistenceRule } from './common/persistence-rule.ts';

/** Code a `.pth` line runs at start-up, or an autostart entry that hides itself from the user's menus. */
const implant = /(?:^|\n)\s*import\s[^\n]*\b(?:exec|eval|urlopen|urllib|requests|b64decode|socket|subprocess|__import__)\b|\bNoDisplay\s*=\s*true\b/i;

/** `at`/`batch` options that list, remove or show jobs rather than queue one. */
function queuesJob(cmd: CommandFact): boolean {
  return !['l', 'r', 'd', 'c'].some((f) => hasFlag(cmd, f));
}

function atJob(cmd: CommandFact): { severity: Severity; what: string } | undefined {
  const program = programOf(cmd);
  if (program !== 'at' && program !== 'batch') return undefined;
  if (!queuesJob(cmd)) return undefined;
  // Without standard input or `-f file` it only opens an interactive prompt.
  const fromFile = cmd.args.includes('-f');
  if (!cmd.pipedFrom && !fromFile && !cmd.redirects?.some((r) => r.op.startsWith('<'))) return undefined;
  const when = operands(cmd).join(' ') || 'now';
  return { severity: 'medium', what: `${program} job queued for ${when}` };
}

export const autostartPersistence = createPersistenceRule({
  id: 'autostart-persistence',
  title: 'Installs an autostart entry, start-up hook or deferred job',
  description: 'The skill writes an XDG autostart entry, a Python .pth start-up hook or queues an at/batch job, so code runs again after the agent session ends.',
  references: ['https://attack.mitre.org/techniques/T1547/013/', 'https://attack.mitre.org/techniques/T1546/', 'https://attack.mitre.org/techniques/T1053/002/'],
  targets: [
    { pattern: /^~\/\.config\/autostart\/[^/]+\.desktop$|^\/etc\/xdg\/autostart\/[^/]+\.desktop$/, label: 'an XDG autostart entry', severity: 'medium' },
    { pattern: /(?:^|\/)(?:site|dist)-packages\/[^/]+\.pth$|^\*\/[^/]+\.pth$|\/lib\/python[\d.]*\/[^/]+\.pth$/, label: 'a Python start-up hook (.pth)', severity: 'medium' },
  ],
  commands: atJob,
  critical: implant,
});
