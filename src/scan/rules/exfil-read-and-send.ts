// The split payload: a secret store is read in one place (often one script) and data is uploaded
// to a foreign host in another, with no flow the analyzers could trace between them. High; critical
// when the host is a known drop box (webhook, paste, tunnel…) or a raw IP. Flows the engine joins
// across files (`flow.crossFile`) are judged by secret-exfil-flow.

import type { Fact, Source } from '../facts.ts';
import type { Rule, Severity } from '../types.ts';
import { programOf, readerPrograms } from './common/commands.ts';
import { isTeaching } from './common/context.ts';
import { dataSends, documentedHosts, isForeign } from './common/destination.ts';
import { classifyPath } from './common/sensitive-paths.ts';

interface Collection {
  fact: Fact;
  what: string;
  dotenv: boolean;
}

function collections(all: readonly Fact[]): Collection[] {
  const out: Collection[] = [];
  const add = (fact: Fact, path: string) => {
    const row = classifyPath(path);
    if (row && !isTeaching(fact.context)) out.push({ fact, what: row.label, dotenv: row.class === 'dotenv' });
  };
  for (const f of all) {
    if (f.kind === 'file-read') add(f, f.path);
    else if (f.kind === 'env-dump' && !isTeaching(f.context)) out.push({ fact: f, what: 'the whole environment', dotenv: false });
    else if (f.kind === 'command' && readerPrograms.has(programOf(f))) {
      for (const a of f.args) if (!a.startsWith('-')) add(f, a.replace(/^@/, ''));
    }
  }
  return out;
}

const isSecret = (source: Source): boolean => source.kind !== 'file' || classifyPath(source.path) !== undefined;

export const exfilReadAndSend: Rule = {
  meta: {
    id: 'exfil-read-and-send',
    category: 'exfiltration',
    severity: 'high',
    title: 'Reads secrets and uploads data elsewhere',
    description: 'The skill reads a secret store (possibly in another file) and uploads data to a foreign host, the split shape of a stealer whose read and send were put in different scripts.',
    references: ['https://attack.mitre.org/techniques/T1041/'],
    messages: {
      readAndSend: 'Uploads data to {{host}} in a skill that reads {{what}} ({{readAt}}).',
    },
  },
  check(facts, context) {
    const docHosts = documentedHosts(facts, context.skill);
    const reads = collections(facts.all);
    if (reads.length === 0) return;
    // Sends already judged by a flow traced to a secret belong to secret-exfil-flow; data traced
    // only to an ordinary file (a temp file written elsewhere) is still this rule's.
    const traced = new Set(facts.of('flow').filter((f) => f.sink.kind === 'network' && isSecret(f.source)).map((f) => `${f.file}:${f.line}`));
    for (const { fact, dest } of dataSends(facts, context.skill, docHosts)) {
      const judged = (fact.dataSources ?? []).some(isSecret);
      if (!isForeign(dest) || judged || traced.has(`${fact.file}:${fact.line}`) || isTeaching(fact.context)) continue;
      const blunt = dest.kind === 'exfil-sink' || dest.kind === 'raw-ip';
      const read = reads.find((r) => !r.dotenv) ?? (blunt ? reads[0] : undefined);
      if (!read) continue;
      const severity: Severity = blunt ? 'critical' : 'high';
      context.report({
        messageId: 'readAndSend', fact, severity,
        data: { host: dest.label, what: read.what, readAt: `${read.fact.file}:${read.fact.line}` },
      });
    }
  },
};
