// Messages between the gateway and a runner process (Node IPC, advanced serialization).

import type { DlpFingerprint } from '../egress/index.ts';
import type { ContainmentEvent } from './events.ts';
import type { BoxRunOutput } from './warm-box.ts';
import type { EnginePaths, RunnerPolicy } from './policy.ts';
import type { Limits } from './types.ts';
import type { Controller } from './cgroups.ts';

export interface InitMessage {
  type: 'init';
  policy: RunnerPolicy;
  canaries: Array<{ name: string; content: string }>;
  fingerprints: DlpFingerprint[];
  paths: EnginePaths;
  cgroups?: Partial<Record<Controller, string>>;
  actor: { principal?: string; skill?: string; conversation?: string };
}

export interface RunMessage {
  type: 'run';
  runId: string;
  workspace: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  limits: Limits;
}

/** Close this workspace's warm boxes (idle now, busy ones when their command ends); answered by `released`. */
export interface ReleaseMessage {
  type: 'release';
  id: number;
  workspace: string;
}

export type ToRunner = InitMessage | RunMessage | ReleaseMessage;

export type RunOutput = Omit<BoxRunOutput, 'started' | 'reusable'>;

export type FromRunner =
  | { type: 'ready' }
  | { type: 'init-error'; message: string }
  | { type: 'event'; runIds: string[]; event: ContainmentEvent }
  | { type: 'released'; id: number }
  /** `warm`: the runner keeps a box for this workspace, so the gateway should keep its lease. */
  | ({ type: 'result'; runId: string; refused?: string; warm?: boolean } & RunOutput);
