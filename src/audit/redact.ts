// Redaction of what goes into the audit log. The log is kept for years and read by many people, so
// it holds the shape of what happened, never a credential: values under secret-sounding keys, known
// secret values, placeholder tokens and credential-shaped text are masked, and long values are cut.
// The result is always plain JSON (no undefined, bigint, NaN, cycles), ready to hash.

import type { JsonValue } from './canonical-json.ts';

export interface RedactPattern {
  /** Names the kind in the mask: `[redacted ID]`. */
  id: string;
  pattern: RegExp;
}

export interface RedactOptions {
  /** Real secret values the caller knows about; each occurrence becomes `[secret NAME]`. */
  secrets?: ReadonlyArray<{ name: string; value: string }>;
  /** Credential shapes beyond the built-in ones (the runtime passes egress's token patterns). */
  patterns?: ReadonlyArray<RedactPattern>;
  /** Characters kept of one string (default 512); the rest becomes `…[cut N chars]`. */
  maxString?: number;
  /** Items kept of one array or keys of one object (default 50). */
  maxItems?: number;
  /** Nesting levels kept (default 6); deeper values become `[too deep]`. */
  maxDepth?: number;
}

export const MASK = '[redacted]';

// Matched against the key with `-` and `_` removed, lower-cased: `X-Api-Key`, `client_secret`,
// `dingtalkAppSecret`, `Set-Cookie`. Only string values (at any depth below the key) are masked,
// so counters such as `tokens: 1234` stay readable.
const SENSITIVE_KEY = /^(pwd|sig|auth)$|pass(word|wd|phrase)?$|token$|secret|apikey|accesskey|authori[sz]ation|cookie|privatekey|credential|sessionkey|signature/;

const PLACEHOLDER = /fake_value_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

const BUILT_IN: ReadonlyArray<readonly [RegExp, string]> = [
  [/-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----[\s\S]*?(-----END ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----|$)/g, '[redacted private-key]'],
  [/\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${MASK}`],
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi, `$1${MASK}@`],
  [/([?&](?:access_?token|token|sig|signature|password|passwd|api_?key|key|secret|client_secret)=)[^&#\s"']+/gi, `$1${MASK}`],
];

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key.replace(/[-_\s]/g, '').toLowerCase());
}

/** Masks secrets and credential shapes in one string, then cuts it to maxString. */
export function redactText(text: string, options: RedactOptions = {}): string {
  let out = text;
  for (const s of options.secrets ?? []) if (s.value.length >= 4) out = out.split(s.value).join(`[secret ${s.name}]`);
  out = out.replace(PLACEHOLDER, '[placeholder]');
  for (const [pattern, mask] of BUILT_IN) out = out.replace(pattern, mask);
  for (const p of options.patterns ?? []) {
    // A global pattern is used as given (compile once, at the caller); others get a global copy.
    const global = p.pattern.global ? p.pattern : new RegExp(p.pattern.source, `${p.pattern.flags}g`);
    out = out.replace(global, `[redacted ${p.id}]`);
  }
  return cut(out, options.maxString ?? 512);
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}…[cut ${text.length - max} chars]`;
}

/** A JSON copy of value with secrets masked and long values cut; never throws on odd input. */
export function redact(value: unknown, options: RedactOptions = {}): JsonValue {
  const maxItems = options.maxItems ?? 50;
  const maxDepth = options.maxDepth ?? 6;
  const seen = new Set<object>();

  const walk = (v: unknown, depth: number, masked: boolean): JsonValue => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'string') return masked && v !== '' ? MASK : redactText(v, options);
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
    if (typeof v === 'bigint') return masked ? MASK : v.toString();
    if (typeof v !== 'object') return `[${typeof v}]`;
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
    if (v instanceof Uint8Array) return `[${v.byteLength} bytes]`;
    if (v instanceof Error) return walk({ name: v.name, message: v.message }, depth, masked);
    if (seen.has(v)) return '[circular]';
    if (depth >= maxDepth) return '[too deep]';
    seen.add(v);
    try {
      if (Array.isArray(v)) {
        const items = v.slice(0, maxItems).map((item) => walk(item, depth + 1, masked));
        if (v.length > maxItems) items.push(`…[${v.length - maxItems} more items]`);
        return items;
      }
      const entries = v instanceof Map ? [...v.entries()].map(([k, x]) => [String(k), x] as const) : Object.entries(v);
      const out: { [key: string]: JsonValue } = {};
      for (const [key, item] of entries.slice(0, maxItems)) {
        out[cut(key, 128)] = walk(item, depth + 1, masked || isSensitiveKey(key));
      }
      if (entries.length > maxItems) out['…'] = `[${entries.length - maxItems} more keys]`;
      return out;
    } finally {
      seen.delete(v);
    }
  };
  return walk(value, 0, false);
}
