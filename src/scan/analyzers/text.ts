// The prose/IOC analyzer for every text file no other analyzer reads (txt, json, yaml, toml, csv,
// html, xml…), and for Markdown code blocks in such formats: a prose fact per blank-line separated
// paragraph, a url fact per URL, HTML comments and hidden elements as hidden prose, and for MCP
// client configs (`mcpServers`) the configured server commands and remote server URLs.
//
// MCP facts carry `context.headings = ['mcpServers', <server name>]` so rules can tell a configured
// server from a URL that is merely mentioned.

import { parse as parseYaml } from 'yaml';
import type { FactDraft, Lang, ProseFact } from '../facts.ts';
import type { AnalyzeInput, Analyzer, AnalyzerSink } from '../types.ts';
import { hiddenHtml, lineAt, lineIndex } from './markdown-html.ts';
import { oneLine, oneLineOfFlat, urlFact, urlFactsIn } from './markdown-facts.ts';

const maxParagraphChars = 4_000;
const literalWord = /[A-Za-z]{2,}|[\u4e00-\u9fff]{2,}/g;

/**
 * A string literal in code that reads as sentences (an MCP tool description, a prompt, a preset
 * written to a file) as a prose fact, so the prose rules read what the agent will read. Short
 * strings, identifiers, paths, format strings and code are not prose: it needs six words and a
 * mostly alphabetic text.
 */
export function literalProse(text: string, line: number): (Omit<ProseFact, 'file' | 'context'>) | undefined {
  if (text.length < 30) return undefined;
  const cut = text.slice(0, maxParagraphChars);
  const words = cut.match(literalWord)?.length ?? 0;
  if (words < 6) return undefined;
  const letters = cut.match(/[\p{L}\s]/gu)?.length ?? 0;
  if (letters / cut.length < 0.7) return undefined;
  const body = cut.replace(/\s+/g, ' ').trim();
  return { kind: 'prose', text: body, block: 'other', line, evidence: oneLineOfFlat(body) };
}
const mcpKeys = ['mcpServers', 'mcp_servers', 'context_servers'] as const;

function emitParagraphs(text: string, sink: AnalyzerSink): void {
  const lines = text.split('\n');
  let start = -1;
  const flush = (end: number) => {
    if (start === -1) return;
    const body = lines.slice(start, end).join('\n').replace(/\s+/g, ' ').trim();
    if (body) sink.emit({ kind: 'prose', text: body.slice(0, maxParagraphChars), block: 'paragraph', line: start + 1, evidence: oneLineOfFlat(body) });
    start = -1;
  };
  lines.forEach((l, i) => {
    if (l.trim() === '') flush(i);
    else if (start === -1) start = i;
  });
  flush(lines.length);
}

function parseStructured(file: string, text: string): unknown {
  const trimmed = text.trimStart();
  try {
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) return JSON.parse(text);
  } catch {
    // Not strict JSON (comments, trailing commas): YAML 1.2 reads most of that too.
  }
  if (!/\.(?:ya?ml|json5?|jsonc)$/i.test(file) && !trimmed.startsWith('{')) return undefined;
  try {
    return parseYaml(text, { maxAliasCount: 10, uniqueKeys: false });
  } catch {
    return undefined;
  }
}

/** VS Code's `.vscode/mcp.json` (and a bare `mcp.json`) keeps its servers under a top-level `servers`. */
const rootServersFile = /(?:^|\/)mcp\.json$/i;

function serversOf(data: unknown, rootServers: boolean): [string, Record<string, unknown>][] {
  if (!data || typeof data !== 'object') return [];
  const root = data as Record<string, unknown>;
  const nested = root.mcp && typeof root.mcp === 'object' ? (root.mcp as Record<string, unknown>) : {};
  const found: [string, Record<string, unknown>][] = [];
  for (const holder of [root, nested]) {
    for (const key of [...mcpKeys, 'servers']) {
      if (key === 'servers' && holder === root && !rootServers) continue;
      const map = holder[key];
      if (!map || typeof map !== 'object' || Array.isArray(map)) continue;
      for (const [name, spec] of Object.entries(map as Record<string, unknown>)) {
        if (spec && typeof spec === 'object' && !Array.isArray(spec)) found.push([name, spec as Record<string, unknown>]);
      }
    }
  }
  return found;
}

function lineOfKey(text: string, key: string): number {
  const at = text.search(new RegExp(`["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`));
  return at === -1 ? 1 : lineAt(text, at);
}

/** Interpreters whose inline-script flag makes the next argument code: `sh -c`, `pwsh -Command`, `node -e`, `python -c`. */
const inlineScript: readonly [RegExp, RegExp, Lang][] = [
  [/^(?:ba|z|da)?sh$/, /^-c$/, 'shell'],
  [/^(?:powershell|pwsh)(?:\.exe)?$/i, /^-(?:c|command|encodedcommand|e|ec)$/i, 'powershell'],
  [/^(?:node|deno|bun)(?:\.exe)?$/, /^(?:-e|--eval|-p|--print|eval)$/, 'javascript'],
  [/^python[\d.]*(?:\.exe)?$/, /^-c$/, 'python'],
];

/** The inline script a server command runs, with its language, when it is one of `inlineScript`'s forms. */
function inlineScriptOf(program: string, args: readonly string[]): { script: string; lang: Lang } | undefined {
  for (const [name, flag, lang] of inlineScript) {
    if (!name.test(program)) continue;
    const at = args.findIndex((a) => flag.test(a));
    const script = at === -1 ? undefined : args[at + 1];
    return script ? { script, lang } : undefined;
  }
  return undefined;
}

function emitMcpServers(input: AnalyzeInput, sink: AnalyzerSink): void {
  const rootServers = rootServersFile.test(input.file);
  if (!rootServers && !/mcp_?servers|context_servers|"?mcp"?\s*:/i.test(input.text)) return;
  for (const [name, spec] of serversOf(parseStructured(input.file, input.text), rootServers)) {
    const line = lineOfKey(input.text, name);
    const context = { headings: ['mcpServers', name] };
    const command = typeof spec.command === 'string' ? spec.command : undefined;
    const args = Array.isArray(spec.args) ? spec.args.map(String) : [];
    if (command) {
      const evidence = oneLine([command, ...args].join(' '));
      sink.emit({ kind: 'command', name: command.split(/[\\/]/).pop()!, args, line, evidence, context });
      // `sh -c "curl … | sh"`, `pwsh -Command "iex (irm …)"`, `node -e "…eval…"` as a server command:
      // the inline script is code of its language to analyse.
      const inline = inlineScriptOf(command.split(/[\\/]/).pop()!, args);
      if (inline) sink.analyze({ text: inline.script, lang: inline.lang, line, context: { origin: 'code', headings: context.headings } });
    }
    for (const key of ['url', 'serverUrl', 'endpoint', 'uri']) {
      const value = spec[key];
      if (typeof value !== 'string') continue;
      const fact = urlFact(value, line, oneLine(value));
      if (fact) sink.emit({ ...fact, context });
    }
  }
}

export const textAnalyzer: Analyzer = {
  lang: 'text',
  analyze(input: AnalyzeInput, sink: AnalyzerSink): void {
    emitParagraphs(input.text, sink);
    for (const fact of urlFactsIn(input.text, 1)) sink.emit(fact);
    // A fenced Markdown block shows its text verbatim, comments included: nothing in it is hidden
    // from the reader (its paragraphs above are prose of the block already).
    if (input.context.origin === 'codeblock' || input.context.origin === 'inline-code') {
      emitMcpServers(input, sink);
      return;
    }
    const lineOf = lineIndex(input.text);
    for (const h of hiddenHtml(input.text)) {
      sink.emit({
        kind: 'prose', text: h.text.slice(0, maxParagraphChars), block: h.kind === 'html-comment' ? 'html-comment' : 'other',
        line: lineOf(h.offset), evidence: oneLine(h.text), context: { hidden: true },
      });
    }
    emitMcpServers(input, sink);
  },
};
