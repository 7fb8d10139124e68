// Checks the chain record by record: consecutive sequence numbers from 1, each record's prevHash
// equal to the hash before it, each hash equal to the hash of its fields, and the head row pointing
// at the last record. The first record that fails is named with what is wrong.
//
// What this proves: no record was edited, deleted, inserted or moved by someone who did not also
// recompute every later hash and the head. Someone with write access to the database can rewrite the
// whole chain; keep the head hash that `warden audit verify` prints somewhere else to catch that.

import { hashRecord, type AuditRecord } from './record.ts';

export type ChainProblem = 'altered' | 'missing' | 'broken-link' | 'unexpected-record' | 'head-mismatch';

export type VerifyResult =
  | { ok: true; records: number; head: { seq: number; hash: string } }
  | { ok: false; records: number; seq: number; problem: ChainProblem; message: string };

export interface ChainHead {
  seq: number;
  hash: string;
}

/** Walks records (ascending seq) once; memory stays constant whatever the log's size. */
export async function verifyChain(records: AsyncIterable<AuditRecord>, head: ChainHead, genesis: string): Promise<VerifyResult> {
  let expected = 1;
  let prevHash = genesis;
  let count = 0;
  const fail = (seq: number, problem: ChainProblem, message: string): VerifyResult => ({ ok: false, records: count, seq, problem, message });
  for await (const r of records) {
    if (r.seq > head.seq) {
      return fail(r.seq, 'unexpected-record', `record #${r.seq} lies beyond the chain head (#${head.seq}): it was inserted outside Warden`);
    }
    if (r.seq !== expected) {
      return fail(expected, 'missing', `record #${expected} is missing (the next record is #${r.seq}): it was deleted or renumbered`);
    }
    if (r.prevHash !== prevHash) {
      return fail(r.seq, 'broken-link', `record #${r.seq} does not follow record #${r.seq - 1} (its prevHash ${r.prevHash.slice(0, 12)}… should be ${prevHash.slice(0, 12)}…): records were inserted, replaced or reordered`);
    }
    if (hashRecord(r) !== r.hash) {
      return fail(r.seq, 'altered', `record #${r.seq} does not match its hash: it was edited after it was written`);
    }
    prevHash = r.hash;
    expected += 1;
    count += 1;
  }
  const last = expected - 1;
  if (head.seq > last) {
    return fail(last + 1, 'missing', `record #${last + 1} is missing (the chain head says the log ends at #${head.seq} but it ends at #${last}): records were deleted`);
  }
  if (head.hash !== prevHash) {
    return fail(head.seq, 'head-mismatch', `the chain head's hash does not match record #${head.seq}: the head or the last record was replaced`);
  }
  return { ok: true, records: count, head: { seq: last, hash: prevHash } };
}
