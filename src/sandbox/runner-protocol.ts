// Messages between the gateway and a runner process (Node IPC, advanced serialization).

import type { DlpFingerprint } from '../egress/index.ts';
import type { ContainmentEvent } from './events.ts';
import type { RunCommandOutput } from './run-command.ts';
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

export type ToRunner = InitMessage | RunMessage;

export type FromRunner =
  | { type: 'ready' }
  | { type: 'init-error'; message: string }
  | { type: 'event'; runIds: string[]; event: ContainmentEvent }
  | ({ type: 'result'; runId: string; refused?: string } & RunCommandOutput);
