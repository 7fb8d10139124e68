// The PowerShell analyzer (also .bat/.cmd): tokens grouped into commands, then the facts of the
// shapes attacks use: download cradles run by IEX, -EncodedCommand payloads, download then
// Start-Process, certutil/bitsadmin downloads, secrets read and POSTed, Defender switched off,
// scheduled tasks and Run keys. Variables carry data-flow sources between statements.

import type { FactDraft, Source } from '../facts.ts';
import type { AnalyzeInput, Analyzer, AnalyzerSink } from '../types.ts';
import { decodeBase64, findUrls, hostOf, LineMap, normalisePath } from './common/index.ts';
import { hashtableSources } from './powershell-hashtables.ts';
import { commandsOf, paramValue, tokenize, type PsCommand, type Token } from './powershell-tokens.ts';

const fetchers = new Set(['invoke-webrequest', 'iwr', 'invoke-restmethod', 'irm', 'wget', 'curl', 'start-bitstransfer']);
const readers = new Set(['get-content', 'gc', 'cat', 'type', 'copy-item', 'cpi', 'copy', 'compress-archive']);
const writers = new Set(['set-content', 'add-content', 'out-file', 'sc', 'ac']);
const cradle = /downloadstring|downloaddata|invoke-webrequest|\biwr\b|invoke-restmethod|\birm\b|net\.webclient|start-bitstransfer/i;
const harmless = new Set(['path', 'temp', 'tmp', 'userprofile', 'username', 'computername', 'appdata', 'localappdata', 'programfiles', 'windir', 'systemroot', 'homepath', 'homedrive']);

class PsScan {
  readonly facts: FactDraft[] = [];
  readonly vars = new Map<string, Source[]>();
  readonly downloads = new Map<string, { url?: string; host?: string }>();
  readonly lines: LineMap;
  /** Sources of multi-line hashtables by the variable they are assigned to. */
  readonly tables: Map<string, Source[]>;
  readonly input: AnalyzeInput;
  readonly sink: AnalyzerSink;

  constructor(input: AnalyzeInput, sink: AnalyzerSink) {
    this.input = input;
    this.sink = sink;
    this.lines = new LineMap(input.text);
    this.tables = hashtableSources(input.text);
  }

  add(offset: number, fact: Record<string, unknown> & { kind: FactDraft['kind'] }): void {
    const line = this.lines.lineOf(offset);
    this.facts.push({ ...fact, line, evidence: this.lines.excerpt(line) } as FactDraft);
  }

  /** Sources a token carries: `$env:X`, variables assigned from sources, sensitive paths. */
  sourcesOf(tokens: readonly Token[]): Source[] {
    const out: Source[] = [];
    for (const t of tokens) {
      for (const m of t.value.matchAll(/\$(?:\{)?(env:)?([\w]+)/gi)) {
        const name = m[2]!;
        if (m[1]) {
          if (!harmless.has(name.toLowerCase())) out.push({ kind: 'env', name });
        } else out.push(...(this.vars.get(name.toLowerCase()) ?? []));
      }
    }
    return out;
  }
}

const lower = (t: Token | undefined) => t?.value.toLowerCase() ?? '';

/** Commands whose output is a secret: saved Windows credentials, Wi-Fi keys in clear, the clipboard. */
function printedSecrets(tokens: readonly Token[]): Source[] {
  const text = tokens.map((x) => x.value).join(' ').toLowerCase();
  if (/\bnetsh\b.*\bwlan\b.*\bkey=clear\b|\bcmdkey(?:\.exe)?\s+\/list\b/.test(text)) return [{ kind: 'keychain' }];
  return /\bget-clipboard\b/.test(text) ? [{ kind: 'clipboard' }] : [];
}

function urlIn(tokens: readonly Token[]): { url: string; host: string } | undefined {
  for (const t of tokens) {
    const m = findUrls(t.value)[0];
    if (m) return { url: m.url, host: m.host };
  }
  return undefined;
}

/** Commands grouped by statement, so neighbour lookups stay linear in the script's size. */
type Statements = ReadonlyMap<number, readonly PsCommand[]>;

function groupStatements(all: readonly PsCommand[]): Statements {
  const out = new Map<number, PsCommand[]>();
  for (const c of all) {
    const list = out.get(c.statement);
    if (list) list.push(c);
    else out.set(c.statement, [c]);
  }
  return out;
}

function statementTokens(all: Statements, cmd: PsCommand): Token[] {
  return (all.get(cmd.statement) ?? []).flatMap((c) => c.tokens);
}

function encodedCommand(scan: PsScan, cmd: PsCommand): void {
  const value = paramValue(cmd.tokens, 'encodedcommand', 'enc', 'e', 'ec', 'en', 'encoded', 'encodedcomman');
  if (!value) return;
  const decoded = decodeBase64(value.value, true);
  scan.add(value.offset, { kind: 'decode', encoding: 'utf16le-base64', length: value.value.length, executed: true, ...(decoded?.text ? { decoded: decoded.text.slice(0, 2000) } : {}), ...(decoded?.media ? { media: true } : {}) });
  scan.add(value.offset, { kind: 'exec-dynamic', via: '-EncodedCommand', input: 'decoded' });
  if (decoded?.text) scan.sink.analyze({ text: decoded.text, lang: 'powershell', line: scan.lines.lineOf(value.offset), context: { origin: 'decoded' } });
}

function iex(scan: PsScan, all: Statements, cmd: PsCommand): void {
  const stmt = statementTokens(all, cmd);
  const text = stmt.map((t) => t.value).join(' ');
  const url = urlIn(stmt);
  if (cradle.test(text) || stmt.some((t) => t.type === 'var' && scan.downloads.has(t.value.toLowerCase()))) {
    scan.add(cmd.offset, { kind: 'download-exec', via: 'iex', ...(url ?? {}), verified: false });
    scan.add(cmd.offset, { kind: 'exec-dynamic', via: 'iex', input: 'remote', ...(url ? { url: url.url } : {}) });
    return;
  }
  const b64 = /frombase64string/i.test(text) ? stmt.find((t) => t.type === 'string' && t.value.length >= 16) : undefined;
  if (b64) {
    const d = decodeBase64(b64.value) ?? decodeBase64(b64.value, true);
    scan.add(b64.offset, { kind: 'decode', encoding: 'base64', length: b64.value.length, executed: true, ...(d?.text ? { decoded: d.text.slice(0, 2000) } : {}) });
    if (d?.text) scan.sink.analyze({ text: d.text, lang: 'powershell', line: scan.lines.lineOf(b64.offset), context: { origin: 'decoded' } });
  }
  scan.add(cmd.offset, { kind: 'exec-dynamic', via: 'iex', input: b64 ? 'decoded' : stmt.some((t) => t.type === 'var') ? 'variable' : 'unknown' });
}

function fetch(scan: PsScan, cmd: PsCommand, name: string): void {
  const t = cmd.tokens;
  const uriTok = paramValue(t, 'uri', 'u', 'source') ?? t.slice(1).find((x) => findUrls(x.value).length > 0);
  const url = uriTok ? findUrls(uriTok.value)[0]?.url ?? uriTok.value : undefined;
  const host = url ? hostOf(url) : undefined;
  const method = lower(paramValue(t, 'method', 'm')).toUpperCase() || undefined;
  const body = paramValue(t, 'body', 'infile');
  const sources = body ? scan.sourcesOf([body]) : scan.sourcesOf(t.filter((x) => x.type === 'var' || x.expands));
  const sendsData = !!body || method === 'POST' || method === 'PUT';
  scan.add(cmd.offset, { kind: 'network', via: name, ...(url ? { url } : {}), ...(host ? { host } : {}), ...(method ? { method } : {}), protocol: url?.startsWith('https') ? 'https' : 'http', sendsData, ...(sources.length ? { dataSources: sources } : {}) });
  for (const source of sources) scan.add(cmd.offset, { kind: 'flow', source, sink: { kind: 'network', via: name, ...(host ? { host } : {}), ...(url ? { url } : {}) } });
  const out = paramValue(t, 'outfile', 'o', 'destination');
  if (out) {
    const path = normalisePath(out.value);
    scan.add(cmd.offset, { kind: 'download', ...(url ? { url } : {}), ...(host ? { host } : {}), path });
    scan.downloads.set(path.toLowerCase(), { ...(url ? { url } : {}), ...(host ? { host } : {}) });
  }
}

function runsDownload(scan: PsScan, cmd: PsCommand, name: string): void {
  const target = name === 'start-process' || name === 'saps' || name === 'start' ? paramValue(cmd.tokens, 'filepath') ?? cmd.tokens[1] : cmd.tokens[0];
  if (!target) return;
  const record = scan.downloads.get(normalisePath(target.value).toLowerCase());
  if (record) scan.add(cmd.offset, { kind: 'download-exec', via: 'download-then-run', ...record, verified: false });
}

function commandFacts(scan: PsScan, all: Statements, cmd: PsCommand): void {
  const t = cmd.tokens;
  if (t[0]?.type === 'var' && (t[1]?.value === '=' || t[1]?.value === '+=')) {
    const name = t[0].value.slice(1).toLowerCase();
    const kept = t[1].value === '+=' ? scan.vars.get(name) ?? [] : [];
    const table = t[2]?.value.startsWith('[ordered]') || t[2]?.value.startsWith('@') ? scan.tables.get(name) ?? [] : [];
    scan.vars.set(name, [...kept, ...table, ...scan.sourcesOf(t.slice(2)), ...printedSecrets(t.slice(2))]);
    const readPath = readers.has(lower(t[2])) ? t[3] : undefined;
    if (readPath) scan.vars.get(t[0].value.slice(1).toLowerCase())!.push({ kind: 'file', path: normalisePath(readPath.value) });
    if (t.slice(2).some((x) => cradle.test(x.value))) scan.downloads.set(t[0].value.toLowerCase(), {});
    t.splice(0, 2);
    if (t.length === 0) return;
  }
  const first = t[0];
  if (!first || first.type !== 'word') return;
  const name = first.value.replace(/^.*[\\/]/, '').replace(/\.exe$/i, '').toLowerCase();
  const args = t.slice(1).map((x) => x.value);
  const same = all.get(cmd.statement) ?? [];
  const prev = same.find((c) => c.stage === cmd.stage - 1);
  const next = same.filter((c) => c.stage > cmd.stage).map((c) => c.tokens[0]?.value ?? '');
  scan.add(cmd.offset, { kind: 'command', name: first.value, args, ...(next.length ? { pipedTo: next } : {}), ...(prev?.tokens[0] ? { pipedFrom: prev.tokens[0].value } : {}) });
  if (name === 'iex' || name === 'invoke-expression' || name === '.' && t.length === 1) iex(scan, all, cmd);
  else if (name === 'powershell' || name === 'pwsh') encodedCommand(scan, cmd);
  else if (fetchers.has(name)) fetch(scan, cmd, name);
  else if (readers.has(name)) {
    const p = paramValue(t, 'path', 'literalpath') ?? t[1];
    if (p) scan.add(cmd.offset, { kind: 'file-read', path: normalisePath(p.value) });
  } else if (writers.has(name)) {
    const p = paramValue(t, 'path', 'filepath', 'literalpath') ?? t[1];
    const value = paramValue(t, 'value');
    if (p) scan.add(cmd.offset, { kind: 'file-write', path: normalisePath(p.value), ...(name.startsWith('add') || name === 'ac' ? { append: true } : {}), ...(value ? { content: value.value.slice(0, 2000) } : {}) });
  } else if (name === 'new-itemproperty' || name === 'set-itemproperty' || name === 'reg') {
    const p = paramValue(t, 'path') ?? t.find((x) => /\\run(?:once)?\b/i.test(x.value));
    if (p) scan.add(cmd.offset, { kind: 'file-write', path: p.value, ...(paramValue(t, 'value', 'd') ? { content: paramValue(t, 'value', 'd')!.value } : {}) });
  } else if (name === 'certutil' && args.some((a) => /^[-/]urlcache$/i.test(a))) {
    const urls = args.filter((a) => findUrls(a).length);
    const path = args.at(-1);
    for (const url of urls) {
      scan.add(cmd.offset, { kind: 'network', via: 'certutil', url, host: hostOf(url), protocol: url.startsWith('https') ? 'https' : 'http', sendsData: false });
      if (path && path !== url) {
        scan.add(cmd.offset, { kind: 'download', url, host: hostOf(url), path: normalisePath(path) });
        scan.downloads.set(normalisePath(path).toLowerCase(), { url, ...(hostOf(url) ? { host: hostOf(url) } : {}) });
      }
    }
  } else if (name === 'bitsadmin') {
    const url = args.find((a) => findUrls(a).length);
    const path = url ? args[args.indexOf(url) + 1] : undefined;
    if (url) scan.add(cmd.offset, { kind: 'download', url, host: hostOf(url), ...(path ? { path: normalisePath(path) } : {}) });
    if (url && path) scan.downloads.set(normalisePath(path).toLowerCase(), { url, ...(hostOf(url) ? { host: hostOf(url) } : {}) });
  } else if ((name === 'expand-archive' || name === '7z' || name === 'tar') && args.some((a) => /^-p./i.test(a) || /^-password$/i.test(a))) {
    scan.add(cmd.offset, { kind: 'download', passwordProtected: true });
  } else if ((name === 'get-childitem' || name === 'gci' || name === 'dir' || name === 'ls') && args.some((a) => /^env:\\?$/i.test(a))) {
    scan.add(cmd.offset, { kind: 'env-dump' });
  } else if (name === 'start-process' || name === 'saps' || name === 'start' || name === '&' || name.startsWith('.\\') || name.startsWith('./')) runsDownload(scan, cmd, name);
  else runsDownload(scan, cmd, name);
}

/** `(New-Object Net.WebClient).DownloadString/DownloadFile/Upload*` anywhere in a statement. */
function webClient(scan: PsScan, tokens: readonly Token[]): void {
  tokens.forEach((t, i) => {
    const m = /\.(DownloadFile|DownloadString|DownloadData|Upload(?:String|File|Data|Values))$/i.exec(t.value);
    if (!m) return;
    const rest = tokens.slice(i + 1, i + 6);
    const url = urlIn(rest);
    const upload = m[1]!.toLowerCase().startsWith('upload');
    const sources = upload ? scan.sourcesOf(rest) : [];
    scan.add(t.offset, { kind: 'network', via: 'webclient', ...(url ?? {}), protocol: url?.url.startsWith('https') ? 'https' : 'http', method: upload ? 'POST' : 'GET', sendsData: upload, ...(sources.length ? { dataSources: sources } : {}) });
    if (m[1]!.toLowerCase() === 'downloadfile') {
      const path = rest.find((x) => x.type === 'string' && !findUrls(x.value).length);
      if (path) {
        scan.add(t.offset, { kind: 'download', ...(url ?? {}), path: normalisePath(path.value) });
        scan.downloads.set(normalisePath(path.value).toLowerCase(), url ?? {});
      }
    }
  });
}

export function analyzePowerShell(input: AnalyzeInput, sink: AnalyzerSink): void {
  const scan = new PsScan(input, sink);
  const tokens = tokenize(input.text);
  const all = commandsOf(tokens);
  const statements = groupStatements(all);
  for (const cmd of all) commandFacts(scan, statements, cmd);
  webClient(scan, tokens);
  const seen = new Set<string>();
  for (const t of tokens) {
    for (const m of t.value.matchAll(/\$env:([A-Za-z_]\w*)/gi)) {
      const key = `${m[1]}:${scan.lines.lineOf(t.offset)}`;
      if (!seen.has(key)) scan.add(t.offset, { kind: 'env-read', name: m[1]! });
      seen.add(key);
    }
    if (t.type === 'string' || t.type === 'word') for (const m of findUrls(t.value)) scan.add(t.offset, { kind: 'url', url: m.url, host: m.host, scheme: m.scheme });
  }
  for (const fact of scan.facts) sink.emit(fact);
}

export const powershellAnalyzer: Analyzer = { lang: 'powershell', analyze: analyzePowerShell };
