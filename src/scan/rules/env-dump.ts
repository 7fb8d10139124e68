// The whole environment read or copied (`env`, `printenv`, `os.environ` as a value,
// `JSON.stringify(process.env)`). Printing it while debugging is common (low); in a skill that
// uploads data to a foreign host it is collection (medium; the send is reported by the exfil rules).

import type { Rule } from '../types.ts';
import { weigh } from './common/context.ts';
import { dataSends, documentedHosts, isForeign } from './common/destination.ts';

export const envDump: Rule = {
  meta: {
    id: 'env-dump',
    category: 'credential-access',
    severity: 'low',
    title: 'Reads the whole environment',
    description: "The skill reads every environment variable at once, including every secret the agent holds, rather than the variables it declares.",
    references: ['https://attack.mitre.org/techniques/T1082/'],
    messages: {
      dump: 'Reads the whole environment.',
      dumpWithSend: 'Reads the whole environment in a skill that uploads data to {{host}}.',
    },
  },
  check(facts, context) {
    const foreign = dataSends(facts, context.skill, documentedHosts(facts, context.skill)).find((s) => isForeign(s.dest));
    for (const fact of facts.of('env-dump')) {
      if (foreign) context.report({ messageId: 'dumpWithSend', fact, severity: weigh('medium', fact, context.skill), data: { host: foreign.dest.label } });
      else context.report({ messageId: 'dump', fact, severity: weigh('low', fact, context.skill) });
    }
  },
};
