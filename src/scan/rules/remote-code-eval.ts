// Code fetched at run time and evaluated in-process: `exec(requests.get(u).text)`,
// `eval(await (await fetch(u)).text())`, `eval "$(curl …)"`. Lines already reported as
// download-and-run by remote-script-exec are left to it.

import type { Rule } from '../types.ts';
import { weigh } from './common/context.ts';
import { judgeRemote, remoteSeverity } from './common/remote-source.ts';

export const remoteCodeEval: Rule = {
  meta: {
    id: 'remote-code-eval',
    category: 'remote-exec',
    severity: 'critical',
    title: 'Evaluates code fetched from the network',
    description: 'The skill fetches text from the network and evaluates it as code (eval/exec/Function). The server decides what runs, and nothing of it is on disk to review.',
    references: ['https://attack.mitre.org/techniques/T1059/'],
    messages: { evalRemote: 'Evaluates code fetched {{why}} ({{host}}) via {{via}}.' },
  },
  check(facts, context) {
    const covered = new Set(facts.of('download-exec').map((f) => `${f.file}:${f.line}`));
    for (const fact of facts.of('exec-dynamic')) {
      if (fact.input !== 'remote' || fact.context.lang === 'powershell' || covered.has(`${fact.file}:${fact.line}`)) continue;
      const judged = judgeRemote(fact.url, undefined, context.skill);
      const base = judged.trust === 'vendor' ? 'low' : remoteSeverity[judged.trust] === 'high' ? 'critical' : remoteSeverity[judged.trust];
      context.report({ messageId: 'evalRemote', fact, severity: weigh(base, fact, context.skill), data: { why: judged.why, host: judged.host, via: fact.via } });
    }
  },
};
