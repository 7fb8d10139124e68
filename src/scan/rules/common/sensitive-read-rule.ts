// One factory for the credential-access rules: each reports reads of one class of secret store.
// A local read alone is what security-audit and backup tools do too, so it starts at the class's
// base severity (at most medium for stores that have honest uses); the same skill also uploading
// data to a foreign host raises it one step (the exfiltration rules report the send itself).

import type { Fact } from '../../facts.ts';
import type { Rule, RuleMeta, Severity } from '../../types.ts';
import { commandLine, programOf, readerPrograms, type CommandFact } from './commands.ts';
import { weigh, raise } from './context.ts';
import { dataSends, documentedHosts, isForeign } from './destination.ts';
import { classifyPath, type SensitiveClass } from './sensitive-paths.ts';

export interface SensitiveReadSpec {
  id: string;
  classes: readonly SensitiveClass[];
  severity: Severity;
  title: string;
  description: string;
  references?: string[];
  /** Extra commands that read this store without naming a path (`security dump-keychain`). */
  commands?: (cmd: CommandFact) => { severity: Severity; what: string } | undefined;
}

export function createSensitiveReadRule(spec: SensitiveReadSpec): Rule {
  const meta: RuleMeta = {
    id: spec.id,
    category: 'credential-access',
    severity: spec.severity,
    title: spec.title,
    description: spec.description,
    references: spec.references ?? [],
    messages: {
      read: 'Reads {{path}} ({{label}}).',
      readWithSend: 'Reads {{path}} ({{label}}) in a skill that also uploads data to {{host}}.',
      ...(spec.commands ? { command: 'Reads a secret store: {{what}}.' } : {}),
    },
  };
  const wanted = new Set(spec.classes);
  return {
    meta,
    check(facts, context) {
      const foreign = dataSends(facts, context.skill, documentedHosts(facts, context.skill)).find((s) => isForeign(s.dest));
      const escalate = (severity: Severity): Severity => (foreign && severity !== 'critical' ? raise(severity) : severity);
      const reportPath = (fact: Fact, path: string) => {
        const row = classifyPath(path);
        if (!row || !wanted.has(row.class)) return;
        const severity = weigh(escalate(spec.severity), fact, context.skill);
        if (foreign) context.report({ messageId: 'readWithSend', fact, severity, data: { path, label: row.label, host: foreign.dest.label } });
        else context.report({ messageId: 'read', fact, severity, data: { path, label: row.label } });
      };
      for (const read of facts.of('file-read')) reportPath(read, read.path);
      for (const cmd of facts.of('command')) {
        if (readerPrograms.has(programOf(cmd))) {
          for (const arg of cmd.args) if (!arg.startsWith('-')) reportPath(cmd, arg.replace(/^@/, ''));
        }
        const hit = spec.commands?.(cmd);
        if (hit) context.report({ messageId: 'command', fact: cmd, severity: weigh(escalate(hit.severity), cmd, context.skill), data: { what: hit.what || commandLine(cmd) } });
      }
    },
  };
}
