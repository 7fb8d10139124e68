// The launcher's frames (see box-launcher.py): one type byte, a 4-byte big-endian length, the
// payload. The reader is fed arbitrary chunks of the box's stdout and hands out whole frames.

export type FrameKind = 'R' | 'A' | 'O' | 'E' | 'X';

export interface Frame {
  kind: FrameKind;
  payload: Buffer;
}

const HEADER = 5;
const KINDS = new Set<string>(['R', 'A', 'O', 'E', 'X']);
/** The launcher writes at most 64 KiB of output per frame; anything far larger is corruption. */
const MAX_PAYLOAD = 1 << 20;

export function createFrameReader(onFrame: (frame: Frame) => void, onCorrupt: (why: string) => void): (chunk: Buffer) => void {
  let pending: Buffer = Buffer.alloc(0);
  let broken = false;
  return (chunk) => {
    if (broken) return;
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= HEADER) {
      const kind = String.fromCharCode(pending[0]!);
      const length = pending.readUInt32BE(1);
      if (!KINDS.has(kind) || length > MAX_PAYLOAD) {
        broken = true;
        onCorrupt(`unexpected frame header ${pending.subarray(0, HEADER).toString('hex')}`);
        return;
      }
      if (pending.length < HEADER + length) return;
      onFrame({ kind: kind as FrameKind, payload: pending.subarray(HEADER, HEADER + length) });
      pending = pending.subarray(HEADER + length);
    }
  };
}
