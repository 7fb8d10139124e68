// Tables of the agent runtime: sessions (one per conversation and person), turns (one per
// message), steps (each model response and tool call, committed before the next starts, so a
// restarted Warden resumes a turn without repeating a finished tool call), approvals, and daily usage.

/** One conversation with one person on one channel. */
export interface SessionsTable {
  id: string;
  channel: string;
  conversation_id: string;
  principal_id: string;
  /** The principal as the channel described it (JSON). */
  principal: string;
  workspace: string;
  created_at: string;
  updated_at: string;
}

export type TurnStatus = 'queued' | 'running' | 'waiting' | 'done' | 'failed';

/** One incoming message and its answer. `id` orders turns (autoincrement / identity). */
export interface TurnsTable {
  id: number;
  session_id: string;
  /** The channel's message id (DingTalk msgId): a message is answered once. */
  message_key: string;
  /** channel + ':' + conversation id: turns of one conversation run in `id` order. */
  conversation_key: string;
  principal_id: string;
  input: string;
  status: TurnStatus;
  answer: string | null;
  error: string | null;
  /** The instance running the turn and until when its claim holds (multi-instance). */
  owner: string | null;
  owner_until: string | null;
  created_at: string;
  updated_at: string;
}

export type StepStatus = 'started' | 'done';

/** A model call (`model`) or a tool call (`tool`) of a turn, in order. */
export interface StepsTable {
  turn_id: number;
  idx: number;
  kind: 'model' | 'tool';
  status: StepStatus;
  /** The model's tool-call id (tool steps). */
  call_id: string | null;
  /** Tool name (tool steps). */
  name: string | null;
  /** JSON: the model's answer (model steps, when done) or the tool's arguments (tool steps). */
  input: string;
  /** JSON: the tool's result as the model saw it, and its outcome; null until done. */
  output: string | null;
  created_at: string;
  updated_at: string;
}

export type ApprovalStatus = 'pending' | 'approved' | 'denied' | 'expired';

export interface ApprovalsTable {
  id: string;
  turn_id: number;
  call_id: string;
  principal_id: string;
  /** The requester as the channel described them (JSON). */
  principal: string;
  tool: string;
  skill: string | null;
  /** JSON of the call's arguments (redacted for display, kept for the decision). */
  args: string;
  /** What will be done, in a sentence. */
  action: string;
  reason: string;
  rule: string;
  /** JSON ApproverSpec. */
  approvers: string;
  status: ApprovalStatus;
  requested_at: string;
  expires_at: string;
  decided_by: string | null;
  decided_at: string | null;
  note: string | null;
}

export interface UsageTable {
  principal_id: string;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  turns: number;
  tokens: number;
}

export interface RuntimeTables {
  sessions: SessionsTable;
  turns: TurnsTable;
  steps: StepsTable;
  approvals: ApprovalsTable;
  usage: UsageTable;
}
