// `web_fetch`: one http(s) URL fetched through the same containment as commands: `curl` runs in
// the sandbox with only the URL's host:port allowed, and only when that host is one the principal's
// role or an approved skill already allows (otherwise no request is made). The body is cut at a
// byte cap, HTML is reduced to readable text, and the content type is noted.

import { DEFAULT_LIMITS } from '../sandbox/index.ts';
import { containmentNotes } from './containment-notes.ts';
import { mergeHosts, sandboxCall } from './exec-tool.ts';
import { htmlToText } from './html-text.ts';
import { formatBytes, guarded, optionalInteger, stringArg, ToolFailure } from './tool-result.ts';
import type { Tool, ToolContext, ToolResult } from './types.ts';

export interface WebFetchToolOptions {
  /** Body bytes kept when the call gives no max. Default 256 KiB. */
  defaultBytes?: number;
  /** Largest max a call may ask for. Default 2 MiB. */
  maxBytes?: number;
  /** Seconds the whole fetch may take. Default 30 (at most the sandbox wall time). */
  timeoutSec?: number;
}

// curl writes the body to stdout, cut by head at the cap (+1 byte to tell a cut from an exact fit);
// its transfer facts and exit code go to stderr on marked lines. The URL is an argument, never
// part of the script. `-q` (first) ignores a .curlrc: HOME is the workspace inside the box, and a
// planted one would add URLs or divert the body into a file.
const SCRIPT = [
  '{ curl -q -sS -L --max-redirs 5 --proto =http,https --proto-redir =http,https --max-time "$3" -A "Warden-web_fetch/1"',
  `-H "Accept: text/html,text/plain,application/json;q=0.9,*/*;q=0.5" -o - -w '%{stderr}WARDEN-META %{http_code} %{url_effective} %{content_type}\\n' -- "$1";`,
  'echo "WARDEN-EXIT $?" >&2; } | head -c "$2"',
].join(' ');

interface Meta {
  status: number;
  finalUrl: string;
  contentType: string;
  curlExit: number | undefined;
  errors: string[];
}

function parseMeta(stderr: string): Meta {
  const meta: Meta = { status: 0, finalUrl: '', contentType: '', curlExit: undefined, errors: [] };
  for (const line of stderr.split('\n')) {
    const m = /^WARDEN-META (\d{3}) (\S*) ?(.*)$/.exec(line);
    const e = /^WARDEN-EXIT (\d+)$/.exec(line);
    if (m) Object.assign(meta, { status: Number(m[1]), finalUrl: m[2]!, contentType: m[3]!.trim() });
    else if (e) meta.curlExit = Number(e[1]);
    else if (line.trim() !== '') meta.errors.push(line.trim());
  }
  return meta;
}

function decodeBody(body: Buffer, contentType: string): string {
  const charset = /charset=["']?([\w.:-]+)/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

type Kind = 'html' | 'text' | 'binary';

function kindOf(contentType: string, body: Buffer): Kind {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type.startsWith('text/') || /^application\/(?:json|xml|javascript|x-yaml|yaml|x-www-form-urlencoded)$|\+(?:json|xml)$/.test(type)) return 'text';
  if (type !== '') return 'binary';
  const head = body.subarray(0, 1024);
  if (head.includes(0)) return 'binary';
  return /^\s*(?:<!doctype html|<html)/i.test(head.toString('latin1')) ? 'html' : 'text';
}

/** The URL's host:port when it may be fetched; a failure that says why not otherwise (no request made). */
export function fetchTarget(raw: string, context: ToolContext): { url: URL; host: string; port: number } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ToolFailure('bad-url', `"${raw.slice(0, 200)}" is not a valid absolute URL (example: https://docs.example.com/page)`, { argument: 'url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ToolFailure('bad-scheme', `web_fetch fetches http and https URLs only, not ${url.protocol}`, { scheme: url.protocol });
  if (url.username || url.password) throw new ToolFailure('credentials-in-url', 'the URL carries a user name or password; web_fetch does not send credentials', {});
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const allowed = mergeHosts(context.roleHosts, ...[...context.skills.values()].map((s) => s.allowHosts));
  if (!allowed.some((h) => h.host === host && h.port === port)) {
    throw new ToolFailure('host-not-allowed', `${host}:${port} is not an allowed host: web_fetch reaches only hosts your role or one of your approved skills allows. No request was made.`, { host, port });
  }
  return { url, host, port };
}

export function createWebFetchTool(options: WebFetchToolOptions = {}): Tool {
  const defaultBytes = options.defaultBytes ?? 256 * 1024;
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  const timeout = Math.min(options.timeoutSec ?? 30, DEFAULT_LIMITS.wallTimeSec);
  return {
    name: 'web_fetch',
    description: 'Fetch an http(s) URL on a host your role or an approved skill allows, and return its text (HTML reduced to readable text). Other hosts are refused without a request.',
    parameters: {
      type: 'object',
      properties: {
        url: { type: 'string', description: 'Absolute http or https URL.' },
        maxBytes: { type: 'integer', minimum: 1, maximum: maxBytes, description: `Bytes of the body to keep. Default ${defaultBytes}.` },
      },
      required: ['url'],
      additionalProperties: false,
    },
    writes: false,
    run: (args, context) =>
      guarded(async (): Promise<ToolResult> => {
        const cap = optionalInteger(args, 'maxBytes', 1, maxBytes) ?? defaultBytes;
        const { url, host, port } = fetchTarget(stringArg(args, 'url'), context);
        if (context.signal.aborted) throw new ToolFailure('cancelled', 'the turn was cancelled before the fetch started; no request was made');
        context.progress?.(`fetching ${url.href.slice(0, 80)}`);
        const result = await sandboxCall(() =>
          context.sandbox.runSandboxed({
            workspace: context.workspace,
            command: '/bin/sh',
            args: ['-c', SCRIPT, 'web_fetch', url.href, String(cap + 1), String(timeout)],
            principal: context.principal.id,
            allowHosts: [{ host, port }],
            secrets: [],
            limits: { wallTimeSec: timeout + 5, outputBytes: cap + 64 * 1024 },
            ...(context.onContainmentEvent ? { onEvent: context.onContainmentEvent } : {}),
          }),
        );
        const meta = parseMeta(result.stderr.toString('utf8'));
        const cut = result.stdout.length > cap;
        const body = cut ? result.stdout.subarray(0, cap) : result.stdout;
        const notes = containmentNotes(result, { wallTimeSec: timeout });
        const transferred = meta.curlExit === 0 || (cut && meta.curlExit === 23);
        const head = [`URL: ${meta.finalUrl || url.href}`, `Status: ${meta.status || 'none'}`, `Content-Type: ${meta.contentType || 'not given'}`];
        const data = { url: url.href, finalUrl: meta.finalUrl, status: meta.status, contentType: meta.contentType, bytes: body.length, cut, curlExit: meta.curlExit ?? null };
        if (!transferred || meta.status === 0) {
          const why = [...notes, ...meta.errors.map((e) => `curl: ${e}`)];
          return { ok: false, content: [`fetch of ${url.href} failed`, ...why].join('\n'), summary: `fetch failed${notes.length > 0 ? ' (refused)' : ''}`, data };
        }
        const kind = kindOf(meta.contentType, body);
        let text: string;
        if (kind === 'binary') text = `(binary content, ${formatBytes(body.length)}${cut ? '+' : ''}; not shown)`;
        else if (kind === 'html') {
          const page = htmlToText(decodeBody(body, meta.contentType));
          if (page.title) head.push(`Title: ${page.title}`);
          text = page.text;
        } else text = decodeBody(body, meta.contentType);
        if (cut) head.push(`[… the body was cut at ${formatBytes(cap)}; call again with a larger maxBytes (up to ${formatBytes(maxBytes)}) for more]`);
        const ok = meta.status >= 200 && meta.status < 400;
        return {
          ok,
          content: [...head, ...notes, '', text].join('\n'),
          summary: `${meta.status} ${meta.contentType.split(';')[0] || 'no type'}, ${formatBytes(body.length)}${cut ? ' (cut)' : ''}`,
          data: { ...data, kind },
        };
      }),
  };
}
