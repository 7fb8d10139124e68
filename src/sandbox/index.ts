// Sandbox: run a command in a box that sees only its workspace, with limits, and whose network
// goes only through Warden's egress decision. Engine: @anthropic-ai/sandbox-runtime (imported by
// this part only), one engine per trust domain in its own runner process.

export { createSandboxPool, runSandboxed } from './sandbox-pool.ts';
export type { SandboxPool, SandboxPoolOptions } from './sandbox-pool.ts';
export { createEventStream } from './events.ts';
export type { ContainmentEvent, EgressEvent, EventSink, EventStream, LimitName, SandboxRunEvent, SandboxViolationEvent } from './events.ts';
export { DEFAULT_LIMITS, resolveLimits } from './limits.ts';
export { allowEntry, buildEngineConfig, normalisePolicy, parseAllowedHost, workspaceFilesystem } from './policy.ts';
export type { RunnerPolicy } from './policy.ts';
export { checkPrerequisites } from './doctor.ts';
export type { PrerequisiteCheck } from './doctor.ts';
export type { AllowedHost, Limits, SandboxRequest, SandboxResult, SecretGrant } from './types.ts';
