// Outbound data-loss prevention: decide whether the texts of one request carry a stored secret's
// real value (in any common encoding), a canary's contents, or a well-known credential format.
// A finding names the rule and the secret's *name*; it never includes the matched bytes.

import { createHash } from 'node:crypto';
import { decodedLayers } from './decode.ts';
import { findTokenPattern } from './token-patterns.ts';

export interface DlpSecret {
  name: string;
  value: string;
}

export interface DlpCanary {
  name: string;
  content: string;
}

/**
 * A stored secret this runner was not granted, known only by hash: the 6 leading characters of one
 * encoded form, its length and its SHA-256. The runner can recognise the value without holding it.
 */
export interface DlpFingerprint {
  name: string;
  prefix: string;
  length: number;
  sha256: string;
}

export interface DlpOptions {
  secrets?: DlpSecret[];
  canaries?: DlpCanary[];
  fingerprints?: DlpFingerprint[];
}

const FINGERPRINT_PREFIX = 6;

/** Fingerprints of every encoded form of a value (values shorter than 8 characters are not fingerprinted). */
export function fingerprintSecret(name: string, value: string): DlpFingerprint[] {
  if (value.length < 8) return [];
  return [...new Set(encodedForms(value))].map((form) => ({
    name,
    prefix: form.slice(0, FINGERPRINT_PREFIX),
    length: form.length,
    sha256: createHash('sha256').update(form).digest('hex'),
  }));
}

function matchesFingerprint(text: string, fp: DlpFingerprint): boolean {
  for (let at = text.indexOf(fp.prefix); at >= 0 && at + fp.length <= text.length; at = text.indexOf(fp.prefix, at + 1)) {
    if (createHash('sha256').update(text.slice(at, at + fp.length)).digest('hex') === fp.sha256) return true;
  }
  return false;
}

export interface DlpFinding {
  rule: 'dlp-secret' | 'dlp-canary' | 'dlp-token';
  /** Safe to log: says what kind of thing matched and the secret's or canary's name. */
  reason: string;
  name: string;
}

interface Needle {
  text: string;
  finding: DlpFinding;
}

/** Encoded spellings of a value that a decoder might not reach (a run too short, mixed with other text). */
export function encodedForms(value: string): string[] {
  const buf = Buffer.from(value, 'utf8');
  const b64 = buf.toString('base64');
  return [
    value,
    b64,
    b64.replace(/=+$/, ''),
    buf.toString('base64url'),
    buf.toString('hex'),
    buf.toString('hex').toUpperCase(),
    encodeURIComponent(value),
    escape(value),
  ];
}

/** Lines of a canary worth looking for: long enough that ordinary text does not contain them. */
function canaryLines(content: string): string[] {
  const lines = content.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length >= 12);
  // Long mixed letter-and-digit words too: a token copied out of a JSON or INI line is still the canary.
  const words = (content.match(/[A-Za-z0-9_+/=.-]{16,}/g) ?? []).filter((w) => /\d/.test(w) && /[A-Za-z]/.test(w));
  const all = [...lines, ...words];
  return all.length > 0 ? all : content.trim().length >= 6 ? [content.trim()] : [];
}

export interface Dlp {
  scan(texts: readonly string[]): DlpFinding | undefined;
  /** Fingerprint of the configuration, for logs and tests (never the values). */
  readonly fingerprint: string;
}

export function createDlp(options: DlpOptions = {}): Dlp {
  const needles: Needle[] = [];
  for (const s of options.secrets ?? []) {
    if (s.value.length === 0) continue;
    const finding: DlpFinding = { rule: 'dlp-secret', reason: `request carries the value of secret "${s.name}"`, name: s.name };
    for (const form of new Set(encodedForms(s.value))) needles.push({ text: form, finding });
  }
  for (const c of options.canaries ?? []) {
    const finding: DlpFinding = { rule: 'dlp-canary', reason: `request carries contents of canary "${c.name}"`, name: c.name };
    for (const line of canaryLines(c.content)) for (const form of new Set(encodedForms(line))) needles.push({ text: form, finding });
  }
  const fingerprints = options.fingerprints ?? [];
  const hash = createHash('sha256');
  for (const n of needles) hash.update(n.text).update('\0');
  return {
    fingerprint: hash.digest('hex').slice(0, 16),
    scan(texts) {
      for (const raw of texts) {
        for (const text of decodedLayers(raw)) {
          for (const n of needles) if (text.includes(n.text)) return n.finding;
          for (const fp of fingerprints) {
            if (matchesFingerprint(text, fp)) return { rule: 'dlp-secret', reason: `request carries the value of secret "${fp.name}"`, name: fp.name };
          }
          const token = findTokenPattern(text);
          if (token) return { rule: 'dlp-token', reason: `request carries a ${token.title} (${token.id})`, name: token.id };
        }
      }
      return undefined;
    },
  };
}
