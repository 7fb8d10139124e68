// Two answers linkify-it (markdown-it's bare-URL finder) gives again and again, given cheaply. Its
// web-URL check is one sticky regular expression of about 31,000 characters (~6 µs a call), and
// markdown-it asks it about the same URL up to three times: the inline rule when it meets the URL,
// then the core rule on the whole paragraph and on its text. Its `test` scans every paragraph for a
// schema name with a regular expression built on a large Unicode class.
//
// Both stay exact. With fuzzy links and e-mails off (markdown-parser.ts) only the schemas can match,
// and each holds ':' or is '//', so a text with neither is `false` without the scan. The web check
// at a position past 0 depends only on the text from that position on: the expression has no
// look-behind and no `\b`, and its `^` can only match at 0. Its answer is remembered by that rest of
// the text when the rest is short (hashing a long one would cost more than the check), for one
// document: a remembered rest is a slice that keeps its whole paragraph alive, so the parser forgets
// them after each parse (markdown-parser.ts).

import type { LinkifyIt } from 'linkify-it';

type Validate = (text: string, pos: number, self: LinkifyIt) => number;

/** Rests of a text longer than this are checked, not remembered. */
const maxRememberedChars = 512;
/** Remembered answers in one document; the memory starts over when it is full. */
const maxRemembered = 1024;

/** A check that remembers its answers until `forget` is called. */
export interface RememberingValidate extends Validate {
  forget(): void;
}

/** linkify-it's own web-URL check (shared by http:, https: and ftp:), or undefined where its internals differ. */
function webValidator(linkify: LinkifyIt): Validate | undefined {
  const schemas = (linkify as unknown as { __schemas__?: Record<string, { validate?: unknown }> }).__schemas__;
  const validate = schemas?.['http:']?.validate;
  const shared = ['https:', 'ftp:'].every((s) => schemas?.[s]?.validate === validate);
  return typeof validate === 'function' && shared ? (validate as Validate) : undefined;
}

/** `validate` with its answers remembered by the rest of the text (see above); same answers. */
export function rememberingValidator(validate: Validate): RememberingValidate {
  const memory = new Map<string, number>();
  const remembering = (text: string, pos: number, self: LinkifyIt): number => {
    if (pos === 0 || text.length - pos > maxRememberedChars) return validate(text, pos, self);
    const rest = text.slice(pos);
    let length = memory.get(rest);
    if (length === undefined) {
      length = validate(text, pos, self);
      if (memory.size >= maxRemembered) memory.clear();
      memory.set(rest, length);
    }
    return length;
  };
  return Object.assign(remembering, { forget: () => memory.clear() });
}

/**
 * Installs both shortcuts on markdown-it's linkify-it (fuzzy links and e-mails must be off); returns
 * what forgets the remembered answers, to be called after each document.
 */
export function fasterLinkify(linkify: LinkifyIt): () => void {
  const test = linkify.test.bind(linkify);
  linkify.test = (text: string) => (text.includes(':') || text.includes('//')) && test(text);
  const validate = webValidator(linkify);
  if (!validate) return () => {};
  // The schema objects are linkify-it's module-wide defaults, shared by every instance: this
  // instance gets its own copies (its schema table is its own).
  const schemas = (linkify as unknown as { __schemas__: Record<string, object> }).__schemas__;
  const remembering = rememberingValidator(validate);
  for (const s of ['http:', 'https:', 'ftp:']) schemas[s] = { ...schemas[s], validate: remembering };
  return remembering.forget;
}
