// `git push` to a remote the skill itself names by URL (not the user's `origin`). With secret files
// added to the commit it is theft (critical); in a skill that reads secret stores, high; alone,
// pushing somewhere hard-coded is still odd (medium).

import type { Rule, Severity } from '../types.ts';
import { commandsNamed, operands, type CommandFact } from './common/commands.ts';
import { weigh } from './common/context.ts';
import { documentedHosts, isForeign, judgeDestination } from './common/destination.ts';
import { classifyPath } from './common/sensitive-paths.ts';

function urlHost(remote: string): { host?: string; url?: string } {
  const scp = /^[\w.-]+@([\w.-]+):/.exec(remote);
  if (scp) return { host: scp[1]!.toLowerCase() };
  return { url: remote };
}

export const gitPushExfil: Rule = {
  meta: {
    id: 'git-push-exfil',
    category: 'exfiltration',
    severity: 'high',
    title: 'Pushes data to a hard-coded git remote',
    description: 'The skill commits data and pushes it to a git remote written into the skill, a way to move files out that looks like ordinary developer traffic.',
    references: ['https://attack.mitre.org/techniques/T1567/001/'],
    messages: { push: 'Pushes to the hard-coded remote {{remote}}{{detail}}.' },
  },
  check(facts, context) {
    const gits = commandsNamed(facts, 'git');
    const remotes = new Map<string, string>();
    for (const g of gits) {
      const [sub, action, name, url] = operands(g);
      if (sub === 'remote' && (action === 'add' || action === 'set-url') && name && url) remotes.set(name, url);
    }
    const secretAdds = gits.filter((g) => operands(g)[0] === 'add' && operands(g).slice(1).some((p) => classifyPath(p)));
    const secretReads = facts.of('file-read').some((r) => classifyPath(r.path)) || facts.of('env-dump').length > 0;
    const docHosts = documentedHosts(facts, context.skill);
    const isPush = (g: CommandFact) => operands(g)[0] === 'push';
    for (const push of gits.filter(isPush)) {
      const target = operands(push)[1];
      if (!target) continue;
      const remote = remotes.get(target) ?? (/^(?:https?|ssh|git):\/\/|^[\w.-]+@[\w.-]+:/.test(target) ? target : undefined);
      if (!remote) continue;
      const dest = judgeDestination(urlHost(remote), context.skill, docHosts);
      if (!isForeign(dest)) continue;
      let severity: Severity = 'medium';
      let detail = '';
      if (secretAdds.length > 0) [severity, detail] = ['critical', ` after adding secret files (line ${secretAdds[0]!.line})`];
      else if (secretReads) [severity, detail] = ['high', ' in a skill that reads secret stores'];
      context.report({ messageId: 'push', fact: push, severity: weigh(severity, push, context.skill), data: { remote, detail } });
    }
  },
};
