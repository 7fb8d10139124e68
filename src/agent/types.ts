// What the runtime takes in (a message from a known person), what it gives out (a stream of events
// and an outcome per turn), and the principal and skill shapes it works with.

import type { ApproverSpec, Principal } from '../policy/index.ts';
import type { AllowedHost, SecretGrant } from '../sandbox/index.ts';

/** A person as a channel identified them: policy's view plus what approvals and tools need. */
export interface RuntimePrincipal extends Principal {
  /** Warden's id: `dingtalk:<userId>`, `cli:<name>`… Sessions, usage and audit key on it. */
  id: string;
  name?: string;
  /** DingTalk userId of the person's manager, for approvals by `{ manager: true }`. */
  managerUserId?: string;
}

export interface IncomingMessage {
  /** `dingtalk`, `cli`… */
  channel: string;
  conversationId: string;
  /** The channel's id of this message: it is answered once, however often it arrives. */
  messageKey: string;
  principal: RuntimePrincipal;
  text: string;
  /** Files the channel saved into the conversation's workspace (paths relative to it). */
  attachments?: ReadonlyArray<{ name: string; path: string }>;
}

/** An approved skill ready to run: its verified files and what its commands may use. */
export interface RuntimeSkill {
  name: string;
  description: string;
  version: string;
  /** Absolute directory of the registry's verified copy. */
  dir: string;
  allowHosts: AllowedHost[];
  secrets: SecretGrant[];
}

export interface ApprovalView {
  id: string;
  turnId: number;
  principalId: string;
  principalName?: string;
  /** The requester's manager (DingTalk userId) when the request was made. */
  managerUserId?: string;
  tool: string;
  skill?: string;
  args: Record<string, unknown>;
  /** What will be done, in a sentence. */
  action: string;
  reason: string;
  rule: string;
  approvers: ApproverSpec;
  status: 'pending' | 'approved' | 'denied' | 'expired';
  requestedAt: string;
  expiresAt: string;
  decidedBy?: string;
  decidedAt?: string;
  note?: string;
}

export type AgentEvent =
  | { type: 'turn-start'; turnId: number; resumed: boolean }
  | { type: 'text-delta'; turnId: number; text: string }
  | { type: 'tool-call'; turnId: number; callId: string; name: string; args: Record<string, unknown> }
  | { type: 'policy-decision'; turnId: number; callId: string; tool: string; effect: 'allow' | 'deny' | 'ask'; reason: string; rule: string }
  | { type: 'approval-needed'; turnId: number; approval: ApprovalView }
  | { type: 'approval-decided'; turnId: number; approval: ApprovalView }
  | { type: 'progress'; turnId: number; text: string }
  | { type: 'tool-result'; turnId: number; callId: string; name: string; ok: boolean; summary: string }
  | { type: 'final'; turnId: number; text: string }
  | { type: 'error'; turnId: number; message: string };

export interface TurnOutcome {
  turnId: number;
  status: 'done' | 'failed';
  /** The answer shown to the person; on failure, the message explaining it. */
  text: string;
}

/** Who decides an approval: a known person (checked against the rule's approvers) or the terminal admin. */
export type Decider = { kind: 'principal'; principal: RuntimePrincipal } | { kind: 'cli'; name: string };
