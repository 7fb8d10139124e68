// How sure it is that data from a source reaching a network destination is theft. A secret store
// or the whole environment sent anywhere but a local or user-configured place is critical; an env
// var sent to its own API is what skills are for; an undeclared secret to a drop box is critical.

import type { Source } from '../../facts.ts';
import type { Severity, SkillInfo } from '../../types.ts';
import { isDeclaredApiHost, isOwnApiHost, isSecretEnvName, type Destination } from './destination.ts';
import { classifyPath } from './sensitive-paths.ts';

export interface ExfilJudgement {
  severity: Severity;
  /** What is sent, for messages. */
  what: string;
}

const foreignOrDeclared = new Set(['exfil-sink', 'raw-ip', 'unknown', 'declared']);

function storeSeverity(dest: Destination): Severity | undefined {
  if (foreignOrDeclared.has(dest.kind)) return 'critical';
  if (dest.kind === 'user-configured') return 'high';
  return undefined;
}

function envSeverity(name: string, dest: Destination, skill: SkillInfo): Severity | undefined {
  if (!isSecretEnvName(name) || dest.kind === 'local' || dest.kind === 'user-configured') return undefined;
  if (dest.host && isOwnApiHost(name, dest.host, dest.kind !== 'exfil-sink')) return undefined;
  const declared = skill.declaredEnv.has(name);
  if (!declared && dest.kind !== 'exfil-sink' && dest.host && isDeclaredApiHost(dest.host, skill)) return undefined;
  switch (dest.kind) {
    case 'exfil-sink': return 'critical';
    case 'raw-ip': return declared ? 'high' : 'critical';
    case 'unknown': return declared ? 'medium' : 'high';
    default: return undefined; // declared host: the skill says it talks there
  }
}

/** The judgement for one source → destination pair, or undefined when it is not exfiltration. */
export function judgeExfil(source: Source, dest: Destination, skill: SkillInfo): ExfilJudgement | undefined {
  let severity: Severity | undefined;
  let what: string;
  switch (source.kind) {
    case 'file': {
      const row = classifyPath(source.path);
      if (!row) return undefined;
      severity = storeSeverity(dest);
      what = `${source.path} (${row.label})`;
      break;
    }
    case 'env-all':
      severity = storeSeverity(dest);
      what = 'the whole environment';
      break;
    case 'keychain':
    case 'history':
    case 'clipboard':
      severity = storeSeverity(dest);
      what = `the ${source.kind}`;
      break;
    case 'env':
      severity = envSeverity(source.name, dest, skill);
      what = `$${source.name}`;
      break;
    case 'conversation':
      severity = dest.kind === 'exfil-sink' || dest.kind === 'raw-ip' ? 'critical' : dest.kind === 'unknown' ? 'high' : undefined;
      what = 'the conversation';
      break;
    case 'system-info':
      severity = dest.kind === 'exfil-sink' ? 'high' : dest.kind === 'raw-ip' ? 'medium' : undefined;
      what = 'system information';
      break;
  }
  return severity ? { severity, what } : undefined;
}
