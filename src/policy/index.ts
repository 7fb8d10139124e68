// Policy: one pure function `decide(policy, request) → allow | deny | ask` with its reason and
// rule, the policy.yaml schema and parser, and the starter policy. Imports no I/O modules.

export { decide } from './decide.ts';
export { parsePolicy } from './parse.ts';
export { compilePolicy } from './compile.ts';
export { resolveRoles, isExternal } from './principals.ts';
export { policySchema } from './schema.ts';
export type { ApproverSpec, PolicyDocument, RoleDocument } from './schema.ts';
export { STARTER_POLICY } from './starter.ts';
export type { Decision, Directory, Effect, Policy, PolicyAction, PolicyRequest, Principal } from './types.ts';
