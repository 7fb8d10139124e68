// What one audit record is, and how its hash is computed from its fields.

import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

export const AUDIT_EVENT_TYPES = [
  'message-in',
  'model-call',
  'tool-call',
  'policy-decision',
  'approval',
  'sandbox-run',
  'egress-decision',
  'skill-install',
  'admin-action',
] as const;

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/** Before the first record, `prevHash` is this. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a caller appends; redaction, time, sequence and hashes are added by the log. */
export interface AuditEventInput {
  type: AuditEventType;
  /** Who did it: `user:<userId>`, `agent`, `admin:<name>`, `system`, `cli`. */
  actor: string;
  /** On whose behalf (the DingTalk principal), when there is one. */
  principal?: string;
  /** allow, deny, ask, ok, error, approved, rejected, installed, refused… */
  outcome: string;
  /** Why, in a sentence (a policy rule id and its reason, an error's message). */
  reason: string;
  /** Details; redacted before storing. */
  data?: unknown;
}

export interface AuditRecord {
  seq: number;
  /** ISO-8601 UTC. */
  time: string;
  type: string;
  actor: string;
  principal: string | null;
  outcome: string;
  reason: string;
  /** The redacted data as canonical JSON text. */
  data: string;
  prevHash: string;
  hash: string;
}

/** SHA-256 (hex) of the record's canonical JSON: every field but `hash`, including `prevHash`. */
export function hashRecord(record: Omit<AuditRecord, 'hash'>): string {
  const body = canonicalJson({
    seq: record.seq,
    time: record.time,
    type: record.type,
    actor: record.actor,
    principal: record.principal,
    outcome: record.outcome,
    reason: record.reason,
    data: record.data,
    prevHash: record.prevHash,
  });
  return createHash('sha256').update(body).digest('hex');
}
