// Downloads a message's picture or file (research §2.3): downloadCode → a short-lived URL from
// /v1.0/robot/messageFiles/download, then the bytes, capped, into <workspace>/inbox/ under a safe,
// unique name. Failures are data (`{error}`): one unreadable attachment does not lose the message.

import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DingtalkApi } from './api-types.ts';
import type { InboundAttachment } from './types.ts';

export interface DownloadOptions {
  api: DingtalkApi;
  robotCode: string;
  downloadCode: string;
  name: string;
  workspace: string;
  maxBytes: number;
  fetch: typeof fetch;
}

const TYPE_EXTENSIONS: Record<string, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/gif': '.gif', 'image/webp': '.webp', 'application/pdf': '.pdf' };

/** A file name that stays inside inbox/: no separators, no control characters, no leading dots. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/^[.\s]+/, '').trim().slice(0, 120);
  return cleaned || 'file';
}

async function freeName(dir: string, name: string): Promise<string> {
  const ext = extname(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? name : `${stem}-${n}${ext}`;
    try {
      await stat(join(dir, candidate));
    } catch {
      return candidate;
    }
  }
}

export async function downloadAttachment(options: DownloadOptions): Promise<InboundAttachment | { error: string }> {
  let url: string | undefined;
  try {
    const answer = await options.api.request<{ downloadUrl?: string }>('POST', '/v1.0/robot/messageFiles/download', { body: { downloadCode: options.downloadCode, robotCode: options.robotCode }, idempotent: true });
    url = answer.downloadUrl;
  } catch (error) {
    return { error: `DingTalk would not give its download address (${(error as Error).message})` };
  }
  if (!url || !/^https?:\/\//.test(url)) return { error: 'DingTalk gave no usable download address' };
  let response: Response;
  try {
    response = await options.fetch(url, { signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    return { error: `download failed (${(error as Error).message})` };
  }
  if (!response.ok || !response.body) return { error: `download failed (HTTP ${response.status})` };
  const declared = Number(response.headers.get('content-length'));
  if (declared > options.maxBytes) {
    await response.body.cancel().catch(() => {});
    return { error: `it is ${declared} bytes, over the ${options.maxBytes}-byte limit` };
  }
  const dir = join(options.workspace, 'inbox');
  await mkdir(dir, { recursive: true });
  let name = safeFileName(options.name);
  if (!extname(name)) name += TYPE_EXTENSIONS[(response.headers.get('content-type') ?? '').split(';')[0]!.trim()] ?? '';
  name = await freeName(dir, name);
  const path = join(dir, name);
  let bytes = 0;
  const limit = options.maxBytes;
  const counted = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
  counted.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > limit) counted.destroy(new Error(`over the ${limit}-byte limit`));
  });
  try {
    await pipeline(counted, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await rm(path, { force: true });
    return { error: `download stopped: ${(error as Error).message}` };
  }
  return { name, path, bytes };
}
