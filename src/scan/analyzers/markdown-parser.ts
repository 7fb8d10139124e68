// The Markdown parser: markdown-it (CommonMark + GFM tables and strikethrough, HTML kept, bare URLs
// linkified), set up so the walk in markdown-walk.ts can give every fact an exact line:
//
// - block tokens carry `map` = [startLine, endLine), 0-based;
// - inline tokens carry no position, so the inline state here records, for every token it pushes,
//   the offset it was pushed at within its inline token's `content` (see `inlineOffset`);
// - reference definitions are kept as `reference_definition` tokens (markdown-it drops them) with
//   their own destination and title, since `[//]: # (text)` is the usual Markdown comment idiom
//   and is usually repeated under one label.
//
// Links and URLs are taken as written: no percent-encoding, punycode or scheme filtering, so a
// `javascript:` link is a link (as CommonMark says) and a URL's text is what the reader sees.

import MarkdownIt from 'markdown-it';
import type { MarkdownIt as Parser, Env as ParserEnv, StateBlock, Token } from 'markdown-it';
import { fasterLinkify } from './markdown-linkify.ts';
import { FastBlockState, FastCoreState, FastInlineState, fastTokensFit, type PositionedToken } from './markdown-tokens.ts';

/**
 * Deeper nesting than this is not parsed: markdown-it skips the rest of a block container (the
 * walk then reads its lines as plain text, see `ParsedMarkdown.truncated`) and reads deeper inline
 * brackets as text. Parse time on hostile input (`[[[[…`, `>>>>…` with lazy lines) grows with this
 * limit; real documents stay far below it.
 */
const maxNesting = 32;

/** Offset within its inline token's content at which an inline token was pushed. */
export function inlineOffset(token: Token): number | undefined {
  return (token as PositionedToken).inlineOffset;
}

export interface ReferenceDefinition {
  label: string;
  href: string;
  title: string;
}

const definitions = new WeakMap<Token, ReferenceDefinition>();

/** Destination and title of one `reference_definition` token (each its own, also for a repeated label). */
export function referenceDefinition(token: Token): ReferenceDefinition | undefined {
  return definitions.get(token);
}

export interface ParsedMarkdown {
  tokens: Token[];
  /** 0-based [start, end) line ranges whose content was too deeply nested to parse. */
  truncated: [number, number][];
}

interface Env extends ParserEnv {
  truncated?: [number, number][];
}

/** What a parser forgets after each document (the linkify answers it remembered, markdown-linkify.ts). */
const afterParse = new WeakMap<Parser, () => void>();

/**
 * The parser; `fast` (the default) builds tokens with markdown-tokens.ts where the installed
 * markdown-it allows it. The test compares both.
 */
export function createParser(fast = true): Parser {
  const md = new MarkdownIt('default', { html: true, linkify: true, maxNesting });
  // Only URLs with a scheme: fuzzy matching (`notes.md` as a host) is wrong here and costs half
  // the parse; GFM's `www.` links are read by the inline walk.
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (url) => url;
  md.validateLink = () => true;
  md.core.ruler.disable('strip_references');

  if (fast) afterParse.set(md, fasterLinkify(md.linkify));
  if (fast && fastTokensFit(md)) {
    md.core.State = FastCoreState;
    md.block.State = FastBlockState;
    md.inline.State = FastInlineState;
  } else {
    const BaseInline = md.inline.State;
    md.inline.State = class PositionedInline extends BaseInline {
      override push(type: string, tag: string, nesting: -1 | 0 | 1): Token {
        const token: PositionedToken = super.push(type, tag, nesting);
        token.inlineOffset = this.pos;
        return token;
      }

      override pushPending(): Token {
        // Pending text ends where the next token starts; text never spans a line, so its line is right.
        const token: PositionedToken = super.pushPending();
        token.inlineOffset = this.pos;
        return token;
      }
    };
  }

  const reference = md.block.ruler.__rules__.find((r) => r.name === 'reference')?.fn;
  if (!reference) throw new Error('markdown-it has no "reference" block rule to wrap');
  md.block.ruler.at('reference', (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    // markdown-it keeps only the first definition of a label; each one is wanted here.
    const env = state.env as Env;
    const kept = env.references;
    env.references = {};
    const before = state.tokens.length;
    const ok = reference(state, startLine, endLine, silent);
    const own = env.references;
    env.references = kept ?? {};
    for (const [label, def] of Object.entries(own)) env.references[label] ??= def;
    const token = state.tokens[before];
    if (ok && !silent && token?.type === 'reference_definition') {
      const [label, def] = Object.entries(own)[0] ?? ['', { href: '', title: '' }];
      definitions.set(token, { label, href: def.href, title: def.title });
    }
    return ok;
  });

  const tokenize = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state: StateBlock, startLine: number, endLine: number) => {
    if (state.level >= maxNesting && startLine < endLine) ((state.env as Env).truncated ??= []).push([startLine, endLine]);
    tokenize(state, startLine, endLine);
  };
  return md;
}

const parser = createParser();

/** `md` is for the test that compares parsers made by `createParser`. */
export function parseMarkdown(text: string, md: Parser = parser): ParsedMarkdown {
  const env: Env = {};
  try {
    const tokens = md.parse(text, env);
    return { tokens, truncated: env.truncated ?? [] };
  } finally {
    afterParse.get(md)?.();
  }
}
