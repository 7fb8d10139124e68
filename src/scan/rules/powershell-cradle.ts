// PowerShell download cradles: `IEX (New-Object Net.WebClient).DownloadString(u)`, `iwr u | iex`,
// `irm u | iex`, and download + Start-Process. Official installers (`irm https://bun.sh/install.ps1
// | iex`) follow the same trust scale as remote-script-exec.

import type { Rule } from '../types.ts';
import { weigh } from './common/context.ts';
import { documentedHosts } from './common/destination.ts';
import { judgeRemote, remoteRunSeverity } from './common/remote-source.ts';

const cradle = /\b(?:iex|invoke-expression)\b[\s\S]*\b(?:downloadstring|downloaddata|iwr|irm|invoke-webrequest|invoke-restmethod|net\.webclient)\b|\b(?:downloadstring|iwr|irm|invoke-webrequest|invoke-restmethod)\b[\s\S]*\|\s*(?:iex|invoke-expression)\b/i;

export const powershellCradle: Rule = {
  meta: {
    id: 'powershell-cradle',
    category: 'remote-exec',
    severity: 'critical',
    title: 'PowerShell download cradle',
    description: 'The skill downloads a script with PowerShell and runs it in memory (Invoke-Expression of DownloadString / Invoke-WebRequest), the standard Windows malware loader.',
    references: ['https://attack.mitre.org/techniques/T1059/001/'],
    messages: { cradle: 'Runs a PowerShell script fetched {{why}} ({{host}}).' },
  },
  check(facts, context) {
    const docHosts = documentedHosts(facts, context.skill);
    for (const fact of facts.all) {
      let url: string | undefined;
      let host: string | undefined;
      if (fact.kind === 'download-exec' && fact.context.lang === 'powershell') ({ url, host } = fact);
      else if (fact.kind === 'exec-dynamic' && fact.context.lang === 'powershell' && fact.input === 'remote') url = fact.url;
      else if (fact.kind === 'command' && cradle.test(fact.evidence)) url = /https?:\/\/[^\s'")]+/.exec(fact.evidence)?.[0];
      else continue;
      const judged = judgeRemote(url, host, context.skill, docHosts);
      context.report({ messageId: 'cradle', fact, severity: weigh(remoteRunSeverity(judged, fact.context), fact, context.skill), data: { why: judged.why, host: judged.host } });
    }
  },
};
