// Audit: the append-only, hash-chained event log (append, verify, export) and the redaction of
// what goes into it.

export { createAuditLog } from './audit-log.ts';
export type { AuditLog, AuditLogOptions, ExportOptions } from './audit-log.ts';
export { AUDIT_EVENT_TYPES, GENESIS_HASH, hashRecord } from './record.ts';
export type { AuditEventInput, AuditEventType, AuditRecord } from './record.ts';
export { verifyChain } from './verify.ts';
export type { ChainHead, ChainProblem, VerifyResult } from './verify.ts';
export { redact, redactText, isSensitiveKey, MASK } from './redact.ts';
export type { RedactOptions, RedactPattern } from './redact.ts';
export { canonicalJson } from './canonical-json.ts';
export type { JsonValue } from './canonical-json.ts';
