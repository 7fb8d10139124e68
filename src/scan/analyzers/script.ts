// The analyzer of scripting languages without a grammar here (Perl, Ruby, PHP, Lua, Tcl, awk, and
// their `-e` one-liners): no tree-sitter grammar for them ships a prebuilt .wasm we use, so this is a
// tokenizer plus IOC patterns (DESIGN allows regular expressions for IOCs). Strings handed to a shell
// (`system`, backticks, `popen`, `os.execute`, Tcl `exec`) go to the shell analyzer: a real parser
// path. What it finds itself: sockets (interactive when the file also runs a shell or a command it
// did not write), HTTP sends and fetches, fetched code evaluated, and reads of home-relative secret
// paths and the clipboard; literals the language decodes itself (script-decode.ts). Data flow is
// per file: a send carries every source the file reads.

import type { FactDraft, Source } from '../facts.ts';
import type { AnalyzeInput, Analyzer, AnalyzerSink } from '../types.ts';
import { findUrls, LineMap, normalisePath } from './common/index.ts';
import { scriptDecodes } from './script-decode.ts';
import { blankComments, homePath, literalsOf, literalVariables, resolveArg, type Literal } from './script-tokens.ts';

/** Calls that hand their first (literal) argument to a shell. */
const runLiteral = /\b(?:system|exec|shell_exec|passthru|popen|proc_open|spawn|pcntl_exec|IO\.popen|Open3\.\w+|os\.execute|io\.popen)\s*\(?\s*(?:\[\s*)?(["'])((?:(?!\1)[^\\\n]|\\.)*)\1/g;
/** The same calls with a variable or expression: a command the script did not write. */
const runDynamic = /\b(?:system|exec|shell_exec|passthru|popen|spawn|IO\.popen|os\.execute|io\.popen)\s*\(?\s*[$@]?[A-Za-z_]/;
const backticks = /`([^`\n]+)`|\bqx\s*[{(]([^})\n]+)[})]|%x[({]([^)}\n]+)[)}]/g;
/** Tcl `exec /bin/sh -c $cmd`, awk `system(cmd)` are caught by runDynamic; this is Tcl's unquoted form. */
const tclExec = /\[?\bexec\s+((?:\/|[a-z])[^\]\n;"]*)/g;
const shellSpawn = /["'`\s(](?:\/bin\/|\/usr\/bin\/)?(?:ba|z|da|k)?sh(?:\s+-i)?["'\s,)]|cmd\.exe|powershell(?:\.exe)?["'\s]/;
const stdioToSocket = /open\s*\(\s*STD(?:IN|OUT|ERR)\s*,\s*["']?[+<>]*&/;
/** gawk: a `|&` coprocess (its `/inet/tcp` socket) and a command read from a variable (`cmd | getline`). */
const awkCoprocess = /\|&/;
const awkRunsVariable = /\b[A-Za-z_]\w*\s*\|\s*getline\b/;

/** Socket openers: each captures host then port (as written). */
const socketPatterns: readonly RegExp[] = [
  /\bfsockopen\s*\(\s*([^,]+?)\s*,\s*([^,)]+)/g, // PHP
  /\bstream_socket_client\s*\(\s*["'](?:tcp|udp):\/\/([^:"']+):(\d+)/g, // PHP
  /\bTCPSocket\.(?:new|open)\s*\(\s*([^,]+?)\s*,\s*([^,)]+)/g, // Ruby
  /\bsockaddr_in\s*\(\s*([^,]+?)\s*,\s*inet_aton\s*\(\s*([^)]+?)\s*\)/g, // Perl (port first)
  /\bPeerAddr\s*=>\s*["']([^:"']+):(\d+)/g, // Perl IO::Socket::INET
  /\bPeer(?:Addr|Host)\s*=>\s*([^,)\s]+)\s*,[^)]*?\bPeerPort\s*=>\s*([^,)\s]+)/g, // Perl, host and port apart
  /\bsocket\.connect\s*\(\s*([^,]+?)\s*,\s*([^,)]+)/g, // LuaSocket
  /:connect\s*\(\s*([^,]+?)\s*,\s*([^,)]+)/g, // LuaSocket tcp object
  /\[\s*socket\s+(?:-\w+\s+)*(\S+)\s+(\S+?)\s*\]/g, // Tcl
  /\/inet\/tcp\/\d+\/([^/"'\s]+)\/(\d+)/g, // gawk
];
const portFirst = 3;

/** HTTP verbs on a line: sends data, or fetches. */
const sendVerb = /\b(?:post_form|post|put|patch|upload\w*|send_request|request_post|CURLOPT_POSTFIELDS|CURLOPT_UPLOAD|CURLOPT_PUT)\b|method\s*=>?\s*["'](?:POST|PUT)/i;
const fetchVerb = /\b(?:get|getstore|mirror|file_get_contents|fopen|curl_init|URI\.open|open|request|fetch|download|read)\b/;
const curlSends = /CURLOPT_(?:POSTFIELDS|UPLOAD|PUT)\b/;
const evalCall = /\b(?:eval|instance_eval|class_eval|module_eval|loadstring|load|dofile)\s*[({]?\s*([$@]?[A-Za-z_]\w*)?/g;
const remoteInclude = /\b(?:include|require)(?:_once)?\s*\(?\s*["'](?:https?|ftp):\/\//g;
const readVerb = /\b(?:open|read\w*|File|IO|slurp|fopen|file_get_contents|file|readfile|io\.lines|io\.open|cat|copy|cp|tar|zip|glob|Dir)\b|</;
const fileReadCall = /\bopen\s*\(|\bFile\.(?:read|open|binread|foreach|readlines)\b|\bIO\.(?:read|readlines|foreach)\b|\bfopen\s*\(|\bfile_get_contents\s*\(|\bio\.(?:open|lines)\s*\(|\bread_file\b|\bslurp\b/;
const messageLine = /^\s*(?:print|puts|say|echo|die|warn|printf|STDERR\.puts|\$stderr\.puts)\b/;
const clipboardCommand = /^\s*(?:pbpaste|wl-paste|xclip\b.*-o|xsel\b.*-[a-z]*o|powershell.*Get-Clipboard)/;
const envAll = /%ENV\b(?!\s*\{)|\bENV\.(?:to_h|to_a|each|map|select|inspect|keys)\b|\$_ENV\b(?!\s*\[)|\bgetenv\(\s*\)/;

interface Found {
  facts: FactDraft[];
  sources: Source[];
}

function add(found: Found, lines: LineMap, offset: number, fact: Record<string, unknown> & { kind: FactDraft['kind'] }): void {
  const line = lines.lineOf(offset);
  found.facts.push({ ...fact, line, evidence: lines.excerpt(line) } as FactDraft);
}

function handToShell(sink: AnalyzerSink, lines: LineMap, offset: number, command: string, found: Found): void {
  if (clipboardCommand.test(command)) found.sources.push({ kind: 'clipboard' });
  sink.analyze({ text: command, lang: 'shell', line: lines.lineOf(offset) });
}

function shellHandOffs(text: string, lines: LineMap, sink: AnalyzerSink, found: Found): boolean {
  for (const m of text.matchAll(runLiteral)) handToShell(sink, lines, m.index, m[2]!, found);
  for (const m of text.matchAll(backticks)) handToShell(sink, lines, m.index, (m[1] ?? m[2] ?? m[3])!, found);
  let dynamic = runDynamic.test(text);
  for (const m of text.matchAll(tclExec)) {
    handToShell(sink, lines, m.index, m[1]!, found);
    if (m[1]!.includes('$')) dynamic = true;
  }
  return dynamic;
}

function sockets(text: string, lines: LineMap, vars: ReadonlyMap<string, string>, interactive: boolean, found: Found): void {
  socketPatterns.forEach((pattern, i) => {
    for (const m of text.matchAll(pattern)) {
      const [a, b] = i === portFirst ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
      const host = resolveArg(a, vars);
      const port = Number(resolveArg(b, vars));
      if (host === undefined && !interactive) continue;
      add(found, lines, m.index, {
        kind: 'socket', protocol: 'tcp', ...(host ? { host } : {}), ...(Number.isInteger(port) && port > 0 ? { port } : {}),
        ...(interactive ? { interactive: true } : {}),
      });
    }
  });
}

/** Writes to a socket-like handle: `print $sock …`, `$s->send`, `fwrite($conn`, `:send(`, `puts $chan`, `|& s`. */
const socketWrite = /\bprint\s*\{?\s*\$\w+\s*\}?\s+\S|->(?:send|print|syswrite)\s*\(|\bf(?:write|puts)\s*\(\s*\$|:send\s*\(|\.(?:write|puts|print|send)\s*[( ]|\bputs\s+(?:-nonewline\s+)?\$\w+\s|\|&/;

/** A socket that data is written to is a network send of everything the file read (per-file flow). */
function socketSends(text: string, found: Found): void {
  if (found.sources.length === 0 || !socketWrite.test(text)) return;
  for (const f of found.facts.filter((x) => x.kind === 'socket')) {
    const s = f as Extract<FactDraft, { kind: 'socket' }>;
    found.facts.push({
      kind: 'network', line: s.line, evidence: s.evidence, via: 'socket', protocol: 'tcp', sendsData: true, dataSources: [...found.sources],
      ...(s.host ? { host: s.host, url: `tcp://${s.host}${s.port ? ':' + s.port : ''}` } : {}), ...(s.port ? { port: s.port } : {}),
    });
  }
}

function readsAndSources(text: string, lits: readonly Literal[], lines: LineMap, found: Found): void {
  const lineText = (offset: number) => lines.excerpt(lines.lineOf(offset));
  const fileReads = fileReadCall.test(text);
  for (const lit of lits) {
    const home = homePath(text, lit);
    const path = home ?? (/^\/etc\/(?:shadow|passwd|sudoers)$/.test(lit.value) ? lit.value : undefined);
    // Read on its own line, or kept in a variable or list of a file that reads files (a loop over
    // paths); a path only printed in a message is neither.
    const line = lineText(lit.start);
    if (!path || messageLine.test(line) || !(readVerb.test(line) || (fileReads && /[=(\[,]/.test(line)))) continue;
    const normal = normalisePath(path);
    add(found, lines, lit.start, { kind: 'file-read', path: normal });
    found.sources.push({ kind: 'file', path: normal });
  }
  const all = envAll.exec(text);
  if (all) found.sources.push({ kind: 'env-all' });
}

function urlsOfLine(line: string, vars: ReadonlyMap<string, string>, urlVars: readonly string[]): { url: string; host: string } | undefined {
  const direct = findUrls(line)[0];
  if (direct) return direct;
  for (const name of urlVars) {
    if (line.includes(name)) return findUrls(vars.get(name)!)[0];
  }
  return undefined;
}

function network(text: string, lines: LineMap, vars: ReadonlyMap<string, string>, found: Found): Map<string, { url: string; host: string }> {
  const urlVars = [...vars.keys()].filter((k) => /^(?:https?|ftp|wss?):\/\//.test(vars.get(k)!));
  const remoteVars = new Map<string, { url: string; host: string }>();
  const curlPost = curlSends.test(text);
  for (let n = 1; n <= lines.lineCount; n++) {
    const line = lines.excerpt(n);
    if (!line.includes('/') && !urlVars.some((v) => line.includes(v))) continue;
    const target = urlsOfLine(line, vars, urlVars);
    if (!target) continue;
    const sends = sendVerb.test(line) || (curlPost && /\bcurl_init\b/.test(line));
    if (!sends && !fetchVerb.test(line)) continue;
    const protocol = target.url.startsWith('ws') ? 'ws' : target.url.startsWith('https') ? 'https' : 'http';
    found.facts.push({
      kind: 'network', line: n, evidence: line, via: 'script', url: target.url, host: target.host, protocol, sendsData: sends,
      ...(sends && found.sources.length ? { dataSources: [...found.sources] } : {}),
    });
    const assigned = /^\s*(?:my\s+|local\s+)?[$@]?([A-Za-z_]\w*)\s*=/.exec(line);
    if (!sends && assigned) remoteVars.set(assigned[1]!, target);
  }
  return remoteVars;
}

function remoteEval(text: string, lines: LineMap, remoteVars: ReadonlyMap<string, { url: string; host: string }>, found: Found): void {
  const run = (offset: number, target: { url: string; host: string }, via: string) => {
    add(found, lines, offset, { kind: 'download-exec', via, url: target.url, host: target.host, verified: false });
    add(found, lines, offset, { kind: 'exec-dynamic', via, input: 'remote', url: target.url });
  };
  for (const m of text.matchAll(evalCall)) {
    const name = m[1]?.replace(/^[$@]/, '');
    const fromVar = name ? remoteVars.get(name) : undefined;
    const line = lines.excerpt(lines.lineOf(m.index));
    const inline = fromVar ? undefined : fetchVerb.test(line.slice(line.indexOf(m[0]))) ? findUrls(line)[0] : undefined;
    const target = fromVar ?? inline;
    if (target) run(m.index, target, m[0].replace(/[\s({].*$/s, ''));
  }
  for (const m of text.matchAll(remoteInclude)) {
    const target = findUrls(lines.excerpt(lines.lineOf(m.index)))[0];
    if (target) run(m.index, target, 'include');
  }
}

export const scriptAnalyzer: Analyzer = {
  lang: 'script',
  analyze(input: AnalyzeInput, sink: AnalyzerSink): void {
    const text = blankComments(input.text);
    const lines = new LineMap(text);
    const vars = literalVariables(text);
    const found: Found = { facts: [], sources: [] };
    const dynamic = shellHandOffs(text, lines, sink, found);
    const interactive = shellSpawn.test(text) || dynamic || stdioToSocket.test(text) || (awkCoprocess.test(text) && awkRunsVariable.test(text));
    sockets(text, lines, vars, interactive, found);
    readsAndSources(text, literalsOf(text), lines, found);
    socketSends(text, found);
    remoteEval(text, lines, network(text, lines, vars, found), found);
    scriptDecodes(text, lines, sink, found.facts);
    for (const fact of found.facts) sink.emit(fact);
  },
};
