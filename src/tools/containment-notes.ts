// What a sandboxed run tells the model beyond its output: one line per reason it was stopped or
// held back (a limit, a refused connection, a refused run), so the model and the user learn why a
// command failed ("connection to evil.example:443 refused: not an allowed host"). Also the
// output handling shared by exec and web_fetch: secret values withheld, long output cut.

import type { ContainmentEvent, LimitName, SandboxResult, SecretGrant } from '../sandbox/index.ts';
import { formatBytes } from './tool-result.ts';

const LIMIT_TEXT: Record<LimitName, string> = {
  'wall-time': 'ran longer than its time limit',
  'cpu-time': 'used more CPU time than allowed',
  memory: 'used more memory than allowed',
  processes: 'started more processes than allowed',
  'open-files': 'opened more files than allowed',
  output: 'printed more output than allowed',
  'workspace-bytes': 'wrote more to the workspace than allowed',
};

const MAX_DENIAL_LINES = 10;

/** One line for a refused connection; the rule decides the wording, the reason adds detail. */
export function denialLine(event: Extract<ContainmentEvent, { type: 'egress.decision' }>): string {
  const target = `${event.host}:${event.port}`;
  if (event.rule === 'host-not-allowed') return `connection to ${target} refused: not an allowed host`;
  return `request to ${target} refused (${event.rule}): ${event.reason}`;
}

export interface NoteOptions {
  /** Wall time the command had, for the wall-time line. */
  wallTimeSec?: number;
}

/** The explanation lines of a run, in a stable order: refusal, limit, then refused connections (deduplicated). */
export function containmentNotes(result: SandboxResult, options: NoteOptions = {}): string[] {
  const notes: string[] = [];
  const run = result.events.find((e) => e.type === 'sandbox.run');
  if (run?.outcome === 'refused') notes.push(`the sandbox refused to run the command: ${run.reason}`);
  if (result.limitHit) {
    const detail = result.limitHit === 'wall-time' && options.wallTimeSec ? ` (${options.wallTimeSec} s)` : '';
    notes.push(`stopped: the command ${LIMIT_TEXT[result.limitHit]}${detail}; it and everything it started were killed`);
  }
  const denials = [...new Set(result.events.flatMap((e) => (e.type === 'egress.decision' && e.outcome === 'deny' ? [denialLine(e)] : [])))];
  notes.push(...denials.slice(0, MAX_DENIAL_LINES));
  if (denials.length > MAX_DENIAL_LINES) notes.push(`(${denials.length - MAX_DENIAL_LINES} more refused connections)`);
  return notes;
}

/** Replaces every granted secret's real value with a mark naming the secret (defence in depth: the box holds placeholders). */
export function withholdSecrets(text: string, secrets: readonly SecretGrant[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.value.length >= 4) out = out.split(secret.value).join(`[secret ${secret.name} withheld]`);
  }
  return out;
}

/** Output for the model: the first and last `max / 2` bytes when longer, with a marker of what was cut. */
export function capOutput(bytes: Buffer, max: number): { text: string; cut: boolean } {
  if (bytes.length <= max) return { text: bytes.toString('utf8'), cut: false };
  const half = Math.floor(max / 2);
  const head = bytes.subarray(0, half).toString('utf8');
  const tail = bytes.subarray(bytes.length - half).toString('utf8');
  return { text: `${head}\n[… ${formatBytes(bytes.length - 2 * half)} cut from the middle …]\n${tail}`, cut: true };
}
