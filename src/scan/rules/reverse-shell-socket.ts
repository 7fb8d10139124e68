// A shell or interpreter whose input and output are a network socket: the analyzers mark such
// sockets `interactive` (Python dup2 + pty.spawn, Node net + spawn, `bash -i >& /dev/tcp`). Without
// that mark, a file that both opens a socket and imports a pty or process-spawning module is still
// suspicious (high), unless the socket goes to this machine (a dev server's health probe): a shell
// handed to localhost gives nobody outside anything, so that is low.

import type { Rule } from '../types.ts';
import { weigh } from './common/context.ts';
import { isLocalHost } from './common/destination.ts';

const spawnModules = /^(?:pty|child_process|node:child_process|subprocess|os)$/;

export const reverseShellSocket: Rule = {
  meta: {
    id: 'reverse-shell-socket',
    category: 'reverse-shell',
    severity: 'critical',
    title: 'Shell attached to a network socket',
    description: 'The skill connects a shell to a network socket (reverse or bind shell), handing whoever is on the other side full control of the machine.',
    references: ['https://attack.mitre.org/techniques/T1059/004/'],
    messages: {
      interactive: 'Attaches a shell to a socket {{direction}} {{target}}.',
      socketAndSpawn: 'Opens a socket to {{target}} in a file that also spawns processes ({{module}}).',
    },
  },
  check(facts, context) {
    const interactiveFiles = new Set<string>();
    for (const s of facts.of('socket')) {
      if (!s.interactive) continue;
      interactiveFiles.add(s.file);
      const target = s.listen ? `port ${s.port ?? '?'}` : `${s.host ?? '?'}${s.port ? ':' + s.port : ''}`;
      context.report({ messageId: 'interactive', fact: s, severity: weigh('critical', s, context.skill), data: { direction: s.listen ? 'listening on' : 'to', target } });
    }
    const imports = facts.of('import');
    for (const s of facts.of('socket')) {
      if (s.interactive || s.listen || interactiveFiles.has(s.file) || s.context.lang === 'shell') continue;
      const modules = imports.filter((i) => i.file === s.file && spawnModules.test(i.module)).map((i) => i.module);
      const wantsPty = modules.includes('pty') || (modules.some((m) => m.includes('child_process')) && s.context.lang === 'javascript');
      if (!wantsPty) continue;
      const local = s.host !== undefined && isLocalHost(s.host);
      context.report({ messageId: 'socketAndSpawn', fact: s, severity: weigh(local ? 'low' : 'high', s, context.skill), data: { target: `${s.host ?? '?'}${s.port ? ':' + s.port : ''}`, module: modules.join(', ') } });
    }
  },
};
