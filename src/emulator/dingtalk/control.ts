// The control side of the emulator, in process (tests) and over HTTP (control-routes.ts, the CLI):
// act as a user, inspect what the bot did, inject faults.

import type { CallRecord } from './server-context.ts';
import type { OpenFailure } from './gateway.ts';
import type { AckRecord, StreamConnection } from './stream-hub.ts';

export interface EmulatorControl {
  /** The calls the bot made, oldest first. */
  calls(): CallRecord[];
  connections(): StreamConnection[];
  acks(): AckRecord[];
  /** Frames not yet acknowledged (or waiting for a connection). */
  pendingCount(): number;
  ping(connectionId: string, timeoutMs?: number): Promise<boolean>;
  disconnect(connectionId: string, reason?: string): void;
  drop(connectionId: string): void;
  zombie(connectionId: string): void;
  failConnectionsOpen(failure: OpenFailure, count?: number): void;
  /** The next `count` token requests fail (a refresh failure). */
  failTokenRequests(count?: number): void;
  /** Every issued access token stops working (as after expiry). */
  revokeTokens(): void;
}
