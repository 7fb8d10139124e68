// `read`: a text file of the workspace, by lines. Large files are cut at a byte cap with a marker
// that says which lines were shown and which offset reads on; binary files are described, not
// shown. Skills are readable at skills/<name>/… (their approved copies are put in place first).

import { closeSync, readSync } from 'node:fs';
import { materialiseFor } from './skill-copies.ts';
import { formatBytes, guarded, optionalInteger, stringArg, ToolFailure } from './tool-result.ts';
import type { Tool } from './types.ts';
import { openRegularFile, parseWorkspacePath, resolveEntry, shown } from './workspace-fs.ts';

export interface ReadToolOptions {
  /** Bytes of file content one call returns at most. Default 256 KiB. */
  maxBytes?: number;
  /** Lines one call returns when the model gives no limit. Default 2000. */
  defaultLines?: number;
}

const CHUNK = 64 * 1024;
const MAX_LINES = 100_000;

interface Slice {
  text: Buffer;
  first: number;
  last: number;
  /** Why it stopped before the end of the file, if it did. */
  cut: 'lines' | 'bytes' | 'long-line' | undefined;
  binary: boolean;
  linesSeen: number;
}

/** Lines first..first+count-1 (1-based) of the open file, at most `maxBytes` of them. */
function readLines(fd: number, first: number, count: number, maxBytes: number): Slice {
  const parts: Buffer[] = [];
  let kept = 0;
  /** Bytes kept before the current line began: a cut that is not a long line ends there. */
  let lineStart = 0;
  let lastKept = first - 1;
  let line = 1;
  let position = 0;
  let endsWithNewline = true;
  const chunk = Buffer.alloc(CHUNK);
  const slice = (cut: Slice['cut'], binary = false, bytes = kept): Slice => ({ text: Buffer.concat(parts).subarray(0, bytes), first, last: lastKept, cut, binary, linesSeen: endsWithNewline ? line - 1 : line });
  for (;;) {
    const n = readSync(fd, chunk, 0, CHUNK, position);
    if (n === 0) {
      if (!endsWithNewline && line >= first) lastKept = line;
      return slice(undefined);
    }
    if (position === 0 && chunk.subarray(0, Math.min(n, 8192)).includes(0)) return slice(undefined, true);
    position += n;
    let start = 0;
    while (start < n) {
      const newline = chunk.indexOf(0x0a, start);
      const end = newline === -1 || newline >= n ? n : newline + 1;
      if (line >= first + count) return slice('lines');
      if (line >= first) {
        const piece = chunk.subarray(start, end);
        if (kept + piece.length > maxBytes) {
          if (lineStart === 0) {
            parts.push(Buffer.from(piece.subarray(0, maxBytes - kept)));
            lastKept = line;
            return slice('long-line', false, maxBytes);
          }
          return slice('bytes', false, lineStart);
        }
        parts.push(Buffer.from(piece));
        kept += piece.length;
      }
      endsWithNewline = chunk[end - 1] === 0x0a;
      if (endsWithNewline) {
        if (line >= first) lastKept = line;
        line++;
        lineStart = kept;
      }
      start = end;
    }
  }
}

export function createReadTool(options: ReadToolOptions = {}): Tool {
  const maxBytes = options.maxBytes ?? 256 * 1024;
  const defaultLines = options.defaultLines ?? 2000;
  return {
    name: 'read',
    description: `Read a text file in the workspace (skills are at skills/<name>/). Returns up to ${defaultLines} lines or ${formatBytes(maxBytes)}; use offset (first line, 1-based) and limit to page through longer files.`,
    parameters: {
      type: 'object',
      properties: {
        path: { type: 'string', description: 'File path relative to the workspace.' },
        offset: { type: 'integer', minimum: 1, description: 'First line to read (1-based). Default 1.' },
        limit: { type: 'integer', minimum: 1, description: `Number of lines to read. Default ${defaultLines}.` },
      },
      required: ['path'],
      additionalProperties: false,
    },
    writes: false,
    run: (args, context) =>
      guarded(async () => {
        const path = stringArg(args, 'path');
        const first = optionalInteger(args, 'offset', 1, Number.MAX_SAFE_INTEGER) ?? 1;
        const count = optionalInteger(args, 'limit', 1, MAX_LINES) ?? defaultLines;
        const components = parseWorkspacePath(context.workspace, path);
        await materialiseFor(components, context);
        const entry = resolveEntry(context.workspace, components);
        let opened;
        try {
          opened = openRegularFile(entry);
        } finally {
          closeSync(entry.dirFd);
        }
        const where = shown(entry.real);
        let slice: Slice;
        try {
          slice = readLines(opened.fd, first, count, maxBytes);
        } finally {
          closeSync(opened.fd);
        }
        const size = opened.stat.size;
        const data = { path: where, bytes: size, firstLine: slice.first, lastLine: slice.last };
        if (slice.binary) {
          return { ok: true, content: `${where} is a binary file (${formatBytes(size)}); it is not shown. Use exec with a suitable program (file, xxd, python3) to inspect it.`, summary: `${where}: binary, ${formatBytes(size)}`, data: { ...data, binary: true } };
        }
        if (slice.text.length === 0 && first > 1 && slice.cut === undefined) {
          throw new ToolFailure('past-end', `offset ${first} is past the end of ${where} (${slice.linesSeen - 1} lines)`, { path: where });
        }
        let content = slice.text.toString('utf8');
        const next = slice.last + 1;
        if (slice.cut === 'lines') content += `\n[… more lines follow: showed lines ${slice.first}–${slice.last} of ${where}; call read with offset=${next} to read on]`;
        if (slice.cut === 'bytes') content += `\n[… cut at ${formatBytes(maxBytes)}: showed lines ${slice.first}–${slice.last} of ${where} (${formatBytes(size)}); call read with offset=${next} to read on]`;
        if (slice.cut === 'long-line') content += `\n[… line ${slice.last} of ${where} is longer than ${formatBytes(maxBytes)} and was cut; read on with offset=${next}, or use exec (cut, head -c) for the rest of that line]`;
        return {
          ok: true,
          content,
          summary: `${where}: lines ${slice.first}–${slice.last}${slice.cut ? ' (cut)' : ''}, ${formatBytes(slice.text.length)}`,
          data: { ...data, cut: slice.cut ?? null },
        };
      }),
  };
}
