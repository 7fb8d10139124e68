// Warden's egress decision for one HTTP request the proxy sees (plain HTTP, or HTTPS after TLS
// termination). It runs before the engine swaps placeholders for real values, so it sees what the
// box sent. Order: destination allowed → body visible → DLP → placeholder rules. Any throw denies
// (the engine's contract), and every decision is reported through `onDecision`.

import { DecodeLimitError, decodeContentEncoding } from './decode.ts';
import type { Dlp } from './dlp.ts';

export interface EgressHost {
  host: string;
  port: number;
}

/** What the filter knows of a secret: never its value, only where its placeholder may go. */
export interface PlaceholderRule {
  name: string;
  env: string;
  hosts: EgressHost[];
  /** Upper-case methods allowed when the placeholder is sent (default GET, HEAD, POST, PUT, PATCH, DELETE). */
  methods?: string[];
  /** Path prefixes allowed when the placeholder is sent (default all). */
  paths?: string[];
  /** Header names (lower case) the placeholder may travel in (default: any header, never URL or body). */
  headers?: string[];
}

export interface EgressDecisionRecord {
  outcome: 'allow' | 'deny';
  rule: string;
  reason: string;
  method: string;
  host: string;
  port: number;
  path: string;
  scheme: 'http' | 'https';
  secrets?: string[];
}

export interface EgressFilterOptions {
  allowHosts: EgressHost[];
  dlp: Dlp;
  /** Placeholder text → its rule, or undefined for a string that is not a placeholder of this runner. */
  placeholders: () => Map<string, PlaceholderRule>;
  /** Largest body scanned; a bigger one is refused because it cannot be inspected. */
  maxBodyBytes?: number;
  onDecision?: (record: EgressDecisionRecord) => void;
}

/** The engine's placeholder shape (`fake_value_<uuid4>`). */
export const PLACEHOLDER_PATTERN = /fake_value_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

interface RequestInfoLike {
  scheme?: 'http' | 'https';
  target?: { host: string; port: number };
  requestTarget?: string;
  unshownBody?: () => Promise<boolean>;
  rawHeaders?: string[];
}

export type EgressDecision = { action: 'allow' | 'deny'; reason?: string; status?: number };

const DEFAULT_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const SKIPPED_HEADERS = new Set(['proxy-authorization', 'host', 'content-length', 'connection']);

async function readBody(request: Request, max: number): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > max) throw new DecodeLimitError(`request body larger than ${max} bytes cannot be inspected`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

export function createEgressFilter(options: EgressFilterOptions) {
  const maxBody = options.maxBodyBytes ?? 8 * 1024 * 1024;
  return async function filterRequest(request: Request, info?: RequestInfoLike): Promise<EgressDecision> {
    const url = new URL(request.url);
    const host = (info?.target?.host ?? url.hostname).replace(/^\[|\]$/g, '').toLowerCase();
    const port = info?.target?.port ?? (Number(url.port) || (url.protocol === 'https:' ? 443 : 80));
    const scheme = info?.scheme ?? (url.protocol === 'https:' ? 'https' : 'http');
    const path = info?.requestTarget ?? `${url.pathname}${url.search}`;
    const method = request.method.toUpperCase();
    const base = { method, host, port, path: path.split('?')[0] ?? path, scheme };
    const decide = (outcome: 'allow' | 'deny', rule: string, reason: string, secrets?: string[]): EgressDecision => {
      options.onDecision?.({ ...base, outcome, rule, reason, ...(secrets ? { secrets } : {}) });
      return outcome === 'allow' ? { action: 'allow' } : { action: 'deny', reason: `warden: ${reason}`, status: 403 };
    };
    try {
      if (!options.allowHosts.some((h) => h.host === host && h.port === port)) {
        return decide('deny', 'host-not-allowed', `${host}:${port} is not on this command's allow-list`);
      }
      if (info?.unshownBody && (await info.unshownBody())) {
        return decide('deny', 'body-hidden', `${method} with a body the proxy cannot inspect`);
      }
      const raw = await readBody(request, maxBody);
      const body = decodeContentEncoding(raw, request.headers.get('content-encoding'));
      const headerTexts: Array<[string, string]> = [];
      request.headers.forEach((value, name) => {
        if (!SKIPPED_HEADERS.has(name)) headerTexts.push([name, value]);
      });
      const bodyText = body.toString('utf8');
      const finding = options.dlp.scan([path, ...headerTexts.map(([n, v]) => `${n}: ${v}`), bodyText]);
      if (finding) return decide('deny', finding.rule, finding.reason, finding.rule === 'dlp-secret' ? [finding.name] : undefined);

      const known = options.placeholders();
      const used = new Set<string>();
      const where = (text: string) => [...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[0]);
      const inUrlOrBody = [...where(path), ...where(bodyText), ...where(decodeURIComponentSafe(path))];
      for (const p of inUrlOrBody) {
        const rule = known.get(p);
        if (!rule || !rule.hosts.some((h) => h.host === host && h.port === port)) {
          return decide('deny', 'placeholder-leak', `the placeholder of ${rule ? `secret "${rule.name}"` : 'an unknown secret'} was sent to ${host}:${port}, which is not bound to it (attempted leak)`, rule ? [rule.name] : undefined);
        }
        return decide('deny', 'placeholder-in-body', `the placeholder of ${rule ? `secret "${rule.name}"` : 'a secret'} may travel only in a request header, not in the URL or body (an echoing endpoint would hand the real value back)`, rule ? [rule.name] : undefined);
      }
      for (const [name, value] of headerTexts) {
        for (const p of where(value)) {
          const rule = known.get(p);
          if (!rule) return decide('deny', 'placeholder-leak', 'an unknown placeholder was sent');
          if (!rule.hosts.some((h) => h.host === host && h.port === port)) {
            return decide('deny', 'placeholder-leak', `the placeholder of secret "${rule.name}" was sent to ${host}:${port}, which is not bound to it (attempted leak)`, [rule.name]);
          }
          if (scheme !== 'https') {
            return decide('deny', 'placeholder-plaintext', `secret "${rule.name}" is only sent over verified TLS`, [rule.name]);
          }
          if (rule.headers && !rule.headers.includes(name)) {
            return decide('deny', 'secret-route', `secret "${rule.name}" may only travel in header ${rule.headers.join(', ')}`, [rule.name]);
          }
          if (!(rule.methods ?? DEFAULT_METHODS).includes(method)) {
            return decide('deny', 'secret-route', `method ${method} is not allowed with secret "${rule.name}"`, [rule.name]);
          }
          if (rule.paths && !rule.paths.some((prefix) => base.path.startsWith(prefix))) {
            return decide('deny', 'secret-route', `path ${base.path} is not allowed with secret "${rule.name}"`, [rule.name]);
          }
          used.add(rule.name);
        }
      }
      return decide('allow', used.size > 0 ? 'allowed-with-secret' : 'allowed', `${host}:${port} is allowed`, used.size > 0 ? [...used] : undefined);
    } catch (error) {
      const why = error instanceof DecodeLimitError ? error.message : `request could not be inspected (${(error as Error).message})`;
      return decide('deny', 'uninspectable', why);
    }
  };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
