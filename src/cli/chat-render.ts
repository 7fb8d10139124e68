// How `warden chat` shows a turn's events: the answer streams on stdout as it arrives; tool calls,
// policy decisions, approvals and results are compact lines on stderr, so a script can read the
// answer alone from stdout and a person sees everything.

import type { AgentEvent } from '../agent/types.ts';
import type { CliIo } from './io.ts';

function short(value: unknown, max = 160): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function createRenderer(io: CliIo): { render(event: AgentEvent): void; flush(): void } {
  let midLine = false;
  // Whether the last model call streamed its text (a resumed turn's committed answer did not).
  let streamed = false;
  const line = (text: string) => {
    if (midLine) {
      io.stdout.write('\n');
      midLine = false;
    }
    io.stderr.write(`${text}\n`);
  };
  return {
    render(event) {
      switch (event.type) {
        case 'turn-start':
          streamed = false;
          if (event.resumed) line(`· resuming turn ${event.turnId} after a restart`);
          break;
        case 'text-delta':
          io.stdout.write(event.text);
          streamed = true;
          midLine = !event.text.endsWith('\n');
          break;
        case 'tool-call':
          streamed = false;
          line(`→ ${event.name} ${short(event.args)}`);
          break;
        case 'policy-decision':
          line(`  policy: ${event.effect} (${event.rule}): ${event.reason}`);
          break;
        case 'approval-needed':
          line(`  approval needed [${event.approval.id}]: ${event.approval.action}\n  ${event.approval.reason}; decide with \`warden approvals approve ${event.approval.id}\` or \`warden approvals deny ${event.approval.id}\` (expires ${event.approval.expiresAt})`);
          break;
        case 'approval-decided':
          line(`  approval ${event.approval.status}${event.approval.decidedBy ? ` by ${event.approval.decidedBy}` : ''}`);
          break;
        case 'progress':
          line(`  … ${event.text}`);
          break;
        case 'tool-result':
          line(`  ${event.ok ? '✓' : '✗'} ${event.name}: ${event.summary}`);
          break;
        case 'final':
          // The text arrived as deltas; a resumed turn whose model step was already committed has none.
          if (!streamed && event.text) io.stdout.write(event.text);
          if (midLine || !streamed) io.stdout.write('\n');
          midLine = false;
          break;
        case 'error':
          line(`error: ${event.message}`);
          break;
      }
    },
    flush() {
      if (midLine) io.stdout.write('\n');
      midLine = false;
    },
  };
}
