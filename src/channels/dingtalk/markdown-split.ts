// Splits a long markdown answer into messages DingTalk accepts, at markdown boundaries: between
// blocks (paragraphs, headings, lists, code fences), never inside a code fence unless the fence
// alone is too long (then it is cut at line ends and each piece re-fenced so it still renders).

/** Length measure: UTF-8 bytes (DingTalk's limits are byte sizes; a CJK character is 3). */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Markdown blocks: runs of lines separated by blank lines, a fenced block kept whole. */
function blocks(text: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let fence: string | undefined;
  const flush = () => {
    if (current.length) out.push(current.join('\n'));
    current = [];
  };
  for (const line of text.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      current.push(line);
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) {
        fence = undefined;
        flush();
      }
      continue;
    }
    if (marker) {
      flush();
      fence = marker;
      current.push(line);
      continue;
    }
    if (/^#{1,6}\s/.test(line)) flush();
    if (!line.trim()) {
      flush();
      continue;
    }
    current.push(line);
  }
  flush();
  return out;
}

/** Cuts one block too large for a message: at line ends (re-fencing code), else at characters. */
function cutBlock(block: string, limit: number): string[] {
  const lines = block.split('\n');
  const fence = /^\s*(`{3,}|~{3,})(.*)$/.exec(lines[0] ?? '');
  const open = fence ? lines[0]! : '';
  const close = fence ? fence[1]! : '';
  const body = fence ? lines.slice(1, lines.at(-1)?.trim() === close ? -1 : undefined) : lines;
  const overhead = fence ? byteLength(open) + byteLength(close) + 2 : 0;
  const room = Math.max(limit - overhead, 16);
  const pieces: string[] = [];
  let piece: string[] = [];
  let size = 0;
  const push = () => {
    if (piece.length) pieces.push(fence ? `${open}\n${piece.join('\n')}\n${close}` : piece.join('\n'));
    piece = [];
    size = 0;
  };
  for (const line of body) {
    for (const part of cutChars(line, room)) {
      const add = byteLength(part) + (piece.length ? 1 : 0);
      if (size + add > room) push();
      piece.push(part);
      size += byteLength(part) + (piece.length > 1 ? 1 : 0);
    }
  }
  push();
  return pieces;
}

/** A line longer than the limit, cut between characters (never inside a surrogate pair). */
function cutChars(line: string, limit: number): string[] {
  if (byteLength(line) <= limit) return [line];
  const out: string[] = [];
  let piece = '';
  for (const ch of line) {
    if (byteLength(piece + ch) > limit) {
      out.push(piece);
      piece = '';
    }
    piece += ch;
  }
  if (piece) out.push(piece);
  return out;
}

/** Pieces of at most `limit` UTF-8 bytes each, in order; joined by blank lines they read as the whole. */
export function splitMarkdown(text: string, limit: number): string[] {
  if (limit < 64) throw new Error('splitMarkdown: limit must be at least 64 bytes');
  if (byteLength(text) <= limit) return [text];
  const out: string[] = [];
  let current = '';
  // A heading travels with the block under it (when both fit), so no piece ends with a heading.
  const merged: string[] = [];
  for (const block of blocks(text)) {
    const previous = merged.at(-1);
    if (previous !== undefined && /^#{1,6}\s[^\n]*$/.test(previous) && byteLength(`${previous}\n\n${block}`) <= limit) merged[merged.length - 1] = `${previous}\n\n${block}`;
    else merged.push(block);
  }
  for (const block of merged) {
    const parts = byteLength(block) > limit ? cutBlock(block, limit) : [block];
    for (const part of parts) {
      const joined = current ? `${current}\n\n${part}` : part;
      if (byteLength(joined) <= limit) current = joined;
      else {
        if (current) out.push(current);
        current = part;
      }
    }
  }
  if (current) out.push(current);
  return out;
}
