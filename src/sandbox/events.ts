// The typed events of the containment layer. Every sandbox run and every egress decision becomes one
// event; the CLI writes them as JSON lines and the runtime will persist them in the audit chain.
// Events never carry a secret value: commands are redacted and request bodies are never included.

/** Who caused an event. All optional: the library runs without a gateway too. */
export interface Actor {
  principal?: string;
  skill?: string;
  conversation?: string;
}

export type LimitName = 'wall-time' | 'cpu-time' | 'memory' | 'processes' | 'open-files' | 'output' | 'workspace-bytes';

export interface SandboxRunEvent extends Actor {
  type: 'sandbox.run';
  time: string;
  runId: string;
  /** The command and its arguments with secret values, placeholders and token-shaped words redacted. */
  command: string[];
  outcome: 'exited' | 'limit' | 'refused';
  exitCode: number | null;
  signal: string | null;
  limitHit: LimitName | null;
  reason: string;
  stdoutBytes: number;
  stderrBytes: number;
  durationMs: number;
}

export interface EgressEvent extends Actor {
  type: 'egress.decision';
  time: string;
  runId?: string;
  method: string;
  host: string;
  port: number;
  path: string;
  scheme: 'http' | 'https' | 'tunnel';
  outcome: 'allow' | 'deny';
  /** Stable id of the rule that decided: host-not-allowed, dlp-secret, dlp-token, placeholder-leak… */
  rule: string;
  reason: string;
  /** Names of the secrets swapped in (allow) or involved (deny); never values. */
  secrets?: string[];
}

/** A violation reported by the engine itself (seccomp observer, proxy refusals it decides alone). */
export interface SandboxViolationEvent extends Actor {
  type: 'sandbox.violation';
  time: string;
  runId?: string;
  detail: string;
}

export type ContainmentEvent = SandboxRunEvent | EgressEvent | SandboxViolationEvent;

export type EventSink = (event: ContainmentEvent) => void;

/** A sink that keeps events in order and can be read back as an array or an async iterable. */
export interface EventStream {
  sink: EventSink;
  events: ContainmentEvent[];
  close(): void;
  [Symbol.asyncIterator](): AsyncIterator<ContainmentEvent>;
}

export function createEventStream(forward?: EventSink): EventStream {
  const events: ContainmentEvent[] = [];
  let closed = false;
  let wake: (() => void) | undefined;
  return {
    events,
    sink(event) {
      events.push(event);
      forward?.(event);
      wake?.();
    },
    close() {
      closed = true;
      wake?.();
    },
    async *[Symbol.asyncIterator]() {
      let index = 0;
      for (;;) {
        while (index < events.length) yield events[index++]!;
        if (closed) return;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    },
  };
}
