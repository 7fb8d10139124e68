// Agent: the runtime channels drive (messages in, events and outcomes out, approvals), the turn
// loop behind it, and the model client it talks to.

export { createRuntime, sessionWorkspace } from './runtime.ts';
export type { EventListener, Runtime, RuntimeOptions } from './runtime.ts';
export { createApprovals, deciderName } from './approvals.ts';
export type { Approvals, ApprovalsOptions, NewApproval } from './approvals.ts';
export type { AgentEvent, ApprovalView, Decider, IncomingMessage, RuntimePrincipal, RuntimeSkill, TurnOutcome } from './types.ts';
export { createModelClient, ModelError } from './model/index.ts';
export type { ChatMessage, ModelClient, ModelConfig, ModelResponse, ToolSpec } from './model/index.ts';
