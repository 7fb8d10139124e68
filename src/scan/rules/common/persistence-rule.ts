// One factory for the persistence rules: each names the places that make code run again later
// (cron, rc files, launch agents, units, authorized_keys…). A write there starts at the row's
// severity; what is written raises it: a payload that downloads, decodes or opens a socket is
// an implant, while `export PATH=…` in ~/.bashrc is an install step. A plain setup shown in a
// reference file (an opt-in "run this every 30 minutes" recipe the user follows) is one step lower.

import type { Fact } from '../../facts.ts';
import type { FactIndex, Rule, Severity } from '../../types.ts';
import { operands, programOf, type CommandFact } from './commands.ts';
import { isReferenceDoc, lower, raise, weigh } from './context.ts';
import { normalisePath } from './sensitive-paths.ts';

export interface PersistenceTarget {
  pattern: RegExp;
  label: string;
  severity: Severity;
}

export interface PersistenceSpec {
  id: string;
  title: string;
  description: string;
  references?: string[];
  targets: readonly PersistenceTarget[];
  /** Commands that install persistence without a path (`crontab -`, `launchctl load`). */
  commands?: (cmd: CommandFact) => { severity: Severity; what: string } | undefined;
  /** Extra content test that raises a write to critical (`NOPASSWD`, a literal public key). */
  critical?: RegExp;
}

/** Content that fetches, decodes, hides or opens a connection: not what an install step writes. */
export const hostileContent = /\b(?:curl|wget|nc|ncat|netcat|socat|telnet)\b|\/dev\/(?:tcp|udp)\/|base64|\bbash -i\b|\|\s*(?:ba|z)?sh\b|\bpowershell\b|\biex\b|\beval\b|\bpython[\d.]* -c\b|\bnohup\b|\bhttps?:\/\/\d{1,3}(?:\.\d{1,3}){3}/i;

/** Content that downloads code and runs it on every start: an implant, whatever the target. */
export const remoteRunContent = /\b(?:curl|wget|fetch)\b[^\n|;]*\|\s*(?:sudo\s+)?(?:ba|z|da|k)?sh\b|\b(?:iwr|irm|invoke-webrequest|invoke-restmethod|downloadstring)\b[^\n]*\b(?:iex|invoke-expression)\b/i;

/** Programs whose last operand is where they write. */
const copyPrograms = new Set(['cp', 'mv', 'ln', 'install', 'tee', 'rsync', 'ditto', 'copy-item', 'move-item', 'set-content', 'add-content', 'out-file']);

const writtenCache = new WeakMap<FactIndex, ReadonlyMap<string, string>>();

/** What file-write facts write, by `file:line`: a heredoc's body is on the write of its command's line. Once per skill. */
function writtenByLine(facts: FactIndex): ReadonlyMap<string, string> {
  let written = writtenCache.get(facts);
  if (!written) {
    const map = new Map<string, string>();
    for (const w of facts.of('file-write')) if (w.content) map.set(`${w.file}:${w.line}`, `${map.get(`${w.file}:${w.line}`) ?? ''}\n${w.content}`);
    writtenCache.set(facts, (written = map));
  }
  return written;
}

export function createPersistenceRule(spec: PersistenceSpec): Rule {
  return {
    meta: {
      id: spec.id,
      category: 'persistence',
      severity: spec.targets[0]?.severity ?? 'high',
      title: spec.title,
      description: spec.description,
      references: spec.references ?? [],
      messages: {
        write: 'Writes {{path}} ({{label}}).',
        writePayload: 'Writes {{path}} ({{label}}) with content that downloads, decodes or connects out.',
        ...(spec.commands ? { command: 'Installs persistence: {{what}}.' } : {}),
      },
    },
    check(facts, context) {
      const judge = (fact: Fact, path: string, content: string) => {
        const p = normalisePath(path);
        const target = spec.targets.find((t) => t.pattern.test(p));
        if (!target) return;
        let severity = target.severity;
        const hostile = hostileContent.test(content);
        if (spec.critical?.test(content) || remoteRunContent.test(content)) severity = 'critical';
        else if (hostile) severity = raise(severity);
        const data = { path, label: target.label };
        if (!hostile && severity !== 'critical' && isReferenceDoc(fact, context.skill)) severity = lower(severity);
        context.report({ messageId: hostile ? 'writePayload' : 'write', fact, data, severity: weigh(severity, fact, context.skill) });
      };
      const written = writtenByLine(facts);
      for (const cmd of facts.of('command')) {
        const ops = copyPrograms.has(programOf(cmd)) ? operands(cmd) : [];
        if (ops.length > 0) judge(cmd, ops[ops.length - 1]!, cmd.evidence);
        if (cmd.redirects?.length) {
          const body = `${cmd.evidence}${written.get(`${cmd.file}:${cmd.line}`) ?? ''}`;
          for (const r of cmd.redirects) if (/^>>?$|^>\|$/.test(r.op)) judge(cmd, r.target, body);
        }
        const hit = spec.commands?.(cmd);
        if (hit) {
          const hostile = hostileContent.test(cmd.evidence);
          const severity = hostile ? raise(hit.severity) : isReferenceDoc(cmd, context.skill) ? lower(hit.severity) : hit.severity;
          context.report({ messageId: 'command', fact: cmd, data: { what: hit.what }, severity: weigh(severity, cmd, context.skill) });
        }
      }
      // After commands, so a `crontab -` reads as the command it is, not the spool file it writes.
      for (const w of facts.of('file-write')) judge(w, w.path, `${w.content ?? ''}\n${w.evidence}`);
    },
  };
}
