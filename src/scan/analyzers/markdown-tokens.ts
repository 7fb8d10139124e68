// Cheaper construction of markdown-it's tokens and parser states. markdown-it 15 is published as
// transpiled TypeScript: every class field goes through a `_defineProperty` helper (three more calls
// each), 8 per token and 12 per inline state, and an inline state is made for every paragraph,
// heading and table cell. That was about a fifth of the Markdown analyzer's time. The builders here
// make the very same objects with plain assignments: the same own fields in the same order with the
// same values, the same prototypes (so `instanceof`, `attrGet` and every other method are
// markdown-it's own). Only the creation path differs.
//
// `fastTokensFit` checks at start-up that the installed markdown-it still builds its objects this way;
// where it does not, the parser keeps markdown-it's own classes (markdown-parser.ts). The test in
// test/scan/analyzers/markdown-tokens.test.ts compares whole token streams with stock markdown-it.

import MarkdownIt from 'markdown-it';
import type { MarkdownIt as Parser, Env, StateBlock, StateCore, StateInline, Token } from 'markdown-it';

type TokenClass = typeof MarkdownIt.Token;
type Nesting = Token['nesting'];

/** An inline token with the offset in its inline token's content at which it was pushed. */
export interface PositionedToken extends Token {
  inlineOffset?: number;
}

function makeToken(this: Token, type: string, tag: string, nesting: Nesting): void {
  this.map = null;
  this.level = 0;
  this.children = null;
  this.content = '';
  this.markup = '';
  this.info = '';
  this.block = false;
  this.hidden = false;
  this.type = type;
  this.tag = tag;
  this.attrs = null;
  this.nesting = nesting;
  this.meta = null;
}
makeToken.prototype = MarkdownIt.Token.prototype;

/** `new FastToken(type, tag, nesting)` is `new Token(type, tag, nesting)` without the field helper. */
export const FastToken = makeToken as unknown as TokenClass;

/**
 * The inline state's fields, set as markdown-it's constructor sets them. Its `push` and
 * `pushPending` do what markdown-it's do, with fast tokens, and record each token's `inlineOffset`
 * (where the state was when it was pushed) for the walk's line numbers.
 */
function makeInlineState(this: StateInline, src: string, md: Parser, env: Env, outTokens: Token[]): void {
  this.pos = 0;
  this.level = 0;
  this.pending = '';
  this.pendingLevel = 0;
  this.cache = {};
  this.backticks = {};
  this.backticksScanned = false;
  this.skipHtmlSpecial = false;
  this.linkLevel = 0;
  this.delimiters = [];
  this._prev_delimiters = [];
  this.Token = FastToken;
  this.src = src;
  this.env = env;
  this.md = md;
  this.tokens = outTokens;
  this.tokens_meta = Array(outTokens.length);
  this.posMax = src.length;
}

const inlineMethods: Pick<StateInline, 'push' | 'pushPending'> = {
  pushPending(this: StateInline): Token {
    const token: PositionedToken = new FastToken('text', '', 0);
    token.content = this.pending;
    token.level = this.pendingLevel;
    // Pending text ends where the next token starts; text never spans a line, so its line is right.
    token.inlineOffset = this.pos;
    this.tokens.push(token);
    this.pending = '';
    return token;
  },
  push(this: StateInline, type: string, tag: string, nesting: Nesting): Token {
    if (this.pending) this.pushPending();
    const token: PositionedToken = new FastToken(type, tag, nesting);
    let meta: StateInline['tokens_meta'][number];
    if (nesting < 0) {
      this.level--;
      this.delimiters = this._prev_delimiters.pop()!;
    }
    token.level = this.level;
    if (nesting > 0) {
      this.level++;
      this._prev_delimiters.push(this.delimiters);
      this.delimiters = [];
      meta = { delimiters: this.delimiters };
    }
    this.pendingLevel = this.level;
    token.inlineOffset = this.pos;
    this.tokens.push(token);
    this.tokens_meta.push(meta);
    return token;
  },
};
makeInlineState.prototype = Object.assign(Object.create(MarkdownIt.StateInline.prototype) as object, inlineMethods);

/** markdown-it's inline state, made without the field helper; its tokens carry `inlineOffset`. */
export const FastInlineState = makeInlineState as unknown as typeof MarkdownIt.StateInline;

/** The block state (one per document, so made as markdown-it makes it) pushing fast tokens. */
export class FastBlockState extends MarkdownIt.StateBlock {
  constructor(src: string, md: Parser, env: Env, tokens: Token[]) {
    super(src, md, env, tokens);
    this.Token = FastToken;
  }

  override push(type: string, tag: string, nesting: Nesting): Token {
    const token = new FastToken(type, tag, nesting);
    token.block = true;
    if (nesting < 0) this.level--;
    token.level = this.level;
    if (nesting > 0) this.level++;
    this.tokens.push(token);
    return token;
  }
}

/** The core state, whose `Token` the core rules (linkify among them) build new tokens with. */
export class FastCoreState extends MarkdownIt.StateCore {
  constructor(src: string, md: Parser, env: Env) {
    super(src, md, env);
    this.Token = FastToken;
  }
}

/** Own fields of `a` and `b` agree in order, in kind and (for plain values) in value; `Token` may differ. */
function sameFields(a: object, b: object): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join() !== kb.join()) return false;
  return ka.every((k) => {
    if (k === 'Token') return true;
    const va = (a as Record<string, unknown>)[k];
    const vb = (b as Record<string, unknown>)[k];
    if (va === vb) return true;
    if (Array.isArray(va) && Array.isArray(vb)) return va.length === vb.length && va.every((x, i) => x === vb[i]);
    return typeof va === 'object' && typeof vb === 'object' && va !== null && vb !== null
      && Object.getPrototypeOf(va) === Object.getPrototypeOf(vb) && Object.keys(va).length === 0 && Object.keys(vb).length === 0;
  });
}

/**
 * The installed markdown-it makes tokens and states with exactly the fields the fast builders set
 * (a newer version may add one): only then may the parser use them.
 */
export function fastTokensFit(md: Parser): boolean {
  const token = new MarkdownIt.Token('paragraph_open', 'p', 1);
  const inline = new MarkdownIt.StateInline('a *b*', md, {}, []);
  const block: StateBlock = new MarkdownIt.StateBlock('a\n', md, {}, []);
  const core: StateCore = new MarkdownIt.StateCore('a', md, {});
  return sameFields(token, new FastToken('paragraph_open', 'p', 1))
    && sameFields(inline, new FastInlineState('a *b*', md, {}, []))
    && sameFields(block, new FastBlockState('a\n', md, {}, []))
    && sameFields(core, new FastCoreState('a', md, {}))
    && typeof MarkdownIt.StateInline.prototype.push === 'function';
}
