// Remote content piped into an interpreter or run after download (`curl … | sh`, `bash <(curl …)`,
// download + chmod + run). Severity follows the source: vendors' official installers are low, the
// skill's own project or the vendor it is about medium (low under an install heading), an
// unrelated host high, a raw IP / paste site / plain http critical.

import type { Rule } from '../types.ts';
import { weigh } from './common/context.ts';
import { documentedHosts } from './common/destination.ts';
import { downloadRuns } from './common/download-run.ts';
import { judgeRemote, remoteRunSeverity } from './common/remote-source.ts';

export const remoteScriptExec: Rule = {
  meta: {
    id: 'remote-script-exec',
    category: 'remote-exec',
    severity: 'critical',
    title: 'Downloads and runs remote code',
    description: 'The skill pipes downloaded content into a shell or interpreter, or downloads a program and runs it, without checking a pinned hash. What runs is whatever the server sends that day; fake "prerequisite" installers on ClawHub work this way.',
    references: ['https://attack.mitre.org/techniques/T1105/', 'https://snyk.io/blog/toxicskills-malicious-ai-agent-skills-clawhub/'],
    messages: {
      run: 'Runs code downloaded {{why}} ({{host}}) via {{via}}.',
      verified: 'Runs code downloaded from {{host}} after checking its hash.',
    },
  },
  check(facts, context) {
    const docHosts = documentedHosts(facts, context.skill);
    for (const fact of facts.of('download-exec')) {
      if (fact.context.lang === 'powershell') continue; // powershell-cradle
      const judged = judgeRemote(fact.url, fact.host, context.skill, docHosts);
      if (fact.verified) {
        context.report({ messageId: 'verified', fact, data: { host: judged.host }, severity: 'info' });
        continue;
      }
      const severity = weigh(remoteRunSeverity(judged, fact.context), fact, context.skill);
      context.report({ messageId: 'run', fact, severity, data: { why: judged.why, host: judged.host, via: fact.via } });
    }
    // Shapes the analyzers did not mark; the engine keeps one finding per line.
    const marked = new Set(facts.of('download-exec').map((f) => `${f.file}:${f.line}`));
    for (const run of downloadRuns(facts)) {
      if (marked.has(`${run.fact.file}:${run.fact.line}`) || run.fact.context.lang === 'powershell') continue;
      const judged = judgeRemote(run.url, undefined, context.skill, docHosts);
      if (run.verified) context.report({ messageId: 'verified', fact: run.fact, data: { host: judged.host }, severity: 'info' });
      else context.report({ messageId: 'run', fact: run.fact, severity: weigh(remoteRunSeverity(judged, run.fact.context), run.fact, context.skill), data: { why: judged.why, host: judged.host, via: run.via } });
    }
  },
};
