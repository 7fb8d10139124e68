// Focus: which parts of a large code file deserve the deep analysis. Every byte of every file is
// still read by the cheap passes (hidden Unicode, URLs) and lexed here; only the top-level blocks
// that can do something (they hold a capability atom: network, execution, decoding, secrets,
// sensitive places, system changes), plus the blocks whose definitions those use, are parsed and
// analysed. The others are blanked to their newlines, so lines and data flow between the kept
// blocks stay as in the file. A focused text that does not parse cleanly is not trusted: the
// analyzer refuses it (AnalyzeInput.mustParse) and the engine analyses the whole file instead.

import { countNewlines } from '../analyzers/common/index.ts';
import { blocksWithAtoms } from './atoms.ts';
import { topLevelBlocks, type Block, type FocusLang } from './blocks.ts';
import { definedNames, usedNames } from './names.ts';

export type { FocusLang } from './blocks.ts';

/** Below this size a file is analysed whole: focusing it would save little. */
export const minFocusChars = 500;
/** Keeping more than this share of a file analyses it whole. */
const maxKeptShare = 0.75;

export interface FocusedCode {
  /** The file with skipped blocks reduced to their newlines (same line numbers). */
  text: string;
  /** Skipped blocks of the original text, with the 0-based line each starts on. */
  skipped: { start: number; end: number; line: number }[];
  /** Characters kept for deep analysis. */
  kept: number;
}

export function isFocusLang(lang: string): lang is FocusLang {
  return lang === 'shell' || lang === 'python';
}

/**
 * Which blocks to keep: those with an atom; then, until nothing changes, those defining a name a
 * kept block uses, module-level statements using a name a kept block defines, and (shell) blocks
 * that store into a file what a kept block defined: a file is global state, so `cp "$f" /tmp/x`
 * between a read of `f=~/.ssh/id_rsa` and an upload of /tmp/x carries the secret across blocks.
 */
export function keptBlocks(text: string, blocks: readonly Block[], lang: FocusLang): boolean[] {
  const keep = blocksWithAtoms(text, blocks, lang);
  const bodies = blocks.map((block) => text.slice(block.start, block.end));
  // Indexes by name, so the closure costs one visit per kept block and name (a chain of 10^5
  // assignments must not take 10^5 passes over the blocks).
  const defs = bodies.map((body) => definedNames(body, lang));
  const definers = new Map<string, number[]>();
  const actorsUsing = new Map<string, number[]>();
  const index = (map: Map<string, number[]>, name: string, i: number) => {
    const list = map.get(name);
    if (list) list.push(i);
    else map.set(name, [i]);
  };
  bodies.forEach((body, i) => {
    if (keep[i]) return;
    for (const name of defs[i]!) index(definers, name, i);
    // Blocks that act with what kept blocks define: module-level statements (they run the kept
    // code, register it as an install hook, …) and, in shell, blocks that store it into a file.
    if (!isDefinition(body, lang) || (lang === 'shell' && storesToFile(body))) {
      const names = new Set<string>();
      usedNames(body, names);
      for (const name of names) index(actorsUsing, name, i);
    }
  });
  const used = new Set<string>();
  const defined = new Set<string>();
  const queue = blocks.map((_, i) => i).filter((i) => keep[i]);
  const take = (list: number[] | undefined) => {
    for (const j of list ?? []) {
      if (keep[j]) continue;
      keep[j] = true;
      queue.push(j);
    }
  };
  while (queue.length > 0) {
    const i = queue.pop()!;
    const names = new Set<string>();
    usedNames(bodies[i]!, names);
    for (const name of names) {
      if (used.has(name)) continue;
      used.add(name);
      take(definers.get(name));
    }
    for (const name of defs[i]!) {
      if (defined.has(name)) continue;
      defined.add(name);
      take(actorsUsing.get(name));
    }
  }
  return keep;
}

/** A block that only defines a function or class (its first code line says so). */
function isDefinition(body: string, lang: FocusLang): boolean {
  const first = /^[^\n#]*\S[^\n]*/m.exec(body)?.[0] ?? '';
  return lang === 'shell'
    ? /^(?:function\s+[\w:.-]+|[\w:.-]+\s*\(\s*\))/.test(first)
    : /^(?:@|(?:async\s+)?def\s|class\s)/.test(first);
}

/** A shell block that writes files: an output redirect or a command that copies or links. */
function storesToFile(body: string): boolean {
  return /(?:^|[^<>&\d])>>?(?!&)|\b(?:cp|mv|tee|dd|install|ln|rsync|cat)\b/.test(body);
}

/**
 * The focused form of `text`, or undefined when the whole text should be analysed (small, one
 * block, or most of it kept).
 */
export function focusCode(text: string, lang: FocusLang): FocusedCode | undefined {
  if (text.length < minFocusChars) return undefined;
  const blocks = topLevelBlocks(text, lang);
  if (blocks.length < 2) return undefined;
  const keep = keptBlocks(text, blocks, lang);
  let kept = 0;
  blocks.forEach((block, i) => {
    if (keep[i]) kept += block.end - block.start;
  });
  if (kept > text.length * maxKeptShare) return undefined;
  const parts: string[] = [];
  const skipped: FocusedCode['skipped'] = [];
  let line = 0;
  blocks.forEach((block, i) => {
    const body = text.slice(block.start, block.end);
    const newlines = countNewlines(body);
    if (keep[i]) parts.push(body);
    else {
      parts.push('\n'.repeat(newlines));
      skipped.push({ start: block.start, end: block.end, line });
    }
    line += newlines;
  });
  return { text: parts.join(''), skipped, kept };
}
