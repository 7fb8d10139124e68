// The launcher's frames reach the runner in arbitrary chunks; only whole frames come out, and a
// corrupt header stops the reader (the box is then killed) instead of misreading output.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFrameReader, type Frame } from '../../src/sandbox/box-frames.ts';

const frame = (kind: string, payload: string) => {
  const body = Buffer.from(payload);
  const head = Buffer.alloc(5);
  head.write(kind, 0, 'latin1');
  head.writeUInt32BE(body.length, 1);
  return Buffer.concat([head, body]);
};

test('frames split at every byte boundary come out whole and in order', () => {
  const stream = Buffer.concat([frame('R', ''), frame('A', ''), frame('O', 'hello'), frame('E', 'oops'), frame('X', '{"code":0}')]);
  for (let size = 1; size <= stream.length; size++) {
    const got: Frame[] = [];
    const feed = createFrameReader((f) => got.push({ kind: f.kind, payload: Buffer.from(f.payload) }), (why) => assert.fail(why));
    for (let i = 0; i < stream.length; i += size) feed(stream.subarray(i, i + size));
    assert.deepEqual(got.map((f) => `${f.kind}:${f.payload.toString()}`), ['R:', 'A:', 'O:hello', 'E:oops', 'X:{"code":0}']);
  }
});

test('an unknown frame type or an absurd length is corruption, reported once, and nothing after it is read', () => {
  for (const bad of [Buffer.from('Z\0\0\0\0'), Buffer.from([0x4f, 0x7f, 0xff, 0xff, 0xff])]) {
    const got: string[] = [];
    const corrupt: string[] = [];
    const feed = createFrameReader((f) => got.push(f.kind), (why) => corrupt.push(why));
    feed(Buffer.concat([frame('O', 'x'), bad, frame('X', '{}')]));
    feed(frame('O', 'later'));
    assert.deepEqual(got, ['O']);
    assert.equal(corrupt.length, 1);
  }
});
