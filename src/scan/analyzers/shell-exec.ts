// Code that runs code: `| sh`, `bash <(curl …)`, `eval "$x"`, `sh -c`, `source`, running a file
// downloaded earlier, and nested interpreters (`python -c`, `node -e`, heredocs) handed on.

import type { Lang } from '../facts.ts';
import { languageOfFile } from '../language.ts';
import { normalisePath, type SyntaxNode } from './common/index.ts';
import { hasFlag, type ShellCommand } from './shell-command.ts';
import { commandInput, literalInput, substitutionOutput } from './shell-flow.ts';
import type { Carried, ShellScan } from './shell-scan.ts';
import { isLiteral, literalOf } from './shell-words.ts';

const shellNames = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'fish']);
const interpreters: Readonly<Record<string, Lang | undefined>> = {
  sh: 'shell', bash: 'shell', zsh: 'shell', dash: 'shell', ksh: 'shell', ash: 'shell', fish: 'shell',
  python: 'python', python2: 'python', python3: 'python', node: 'javascript', nodejs: 'javascript', bun: 'javascript', deno: 'javascript',
  perl: 'script', ruby: 'script', php: 'script', lua: 'script', tclsh: 'script', awk: 'script', gawk: 'script', mawk: 'script',
  pwsh: 'powershell', powershell: 'powershell',
};
const codeFlags: Readonly<Record<string, readonly string[]>> = {
  shell: ['-c'], python: ['-c'], javascript: ['-e', '--eval', '-p', '--print'], powershell: ['-c', '-Command', '-command'],
  script: ['-e', '-E', '-r'],
};
/** awk takes its program as the first operand, not after a flag. */
const awkNames = /^[gm]?awk$/;

function interpreterOf(name: string): string | undefined {
  const n = name.replace(/(?:\d+(?:\.\d+)*)$/, (v) => (name.startsWith('python') ? (v.startsWith('3') || v.startsWith('2') ? v[0]! : '') : v));
  return n in interpreters ? n : name in interpreters ? name : undefined;
}

/** The command runs what it reads on stdin (`sh`, `bash -s`, `python3 -`, `node`). */
function runsStdin(cmd: ShellCommand): boolean {
  const interp = interpreterOf(cmd.name);
  if (!interp) return false;
  const lang = interpreters[interp];
  const flags = lang ? codeFlags[lang] ?? [] : ['-e'];
  if (cmd.args.some((a) => flags.includes(a))) return false;
  const operands = cmd.args.filter((a) => !a.startsWith('-'));
  return operands.length === 0 || cmd.args.includes('-') || cmd.args.includes('-s');
}

function markExecuted(carried: Carried): void {
  if (carried.decoded) carried.decoded.executed = true;
}

function execute(scan: ShellScan, cmd: ShellCommand, via: string, carried: Carried, fallback: 'variable' | 'unknown' | 'literal', lang: Lang = 'shell'): void {
  if (carried.remote) {
    scan.fact({ kind: 'download-exec', line: cmd.line, via, ...(carried.remote.url ? { url: carried.remote.url } : {}), ...(carried.remote.host ? { host: carried.remote.host } : {}), verified: false });
    scan.fact({ kind: 'exec-dynamic', line: cmd.line, via, input: 'remote', ...(carried.remote.url ? { url: carried.remote.url } : {}) });
    return;
  }
  if (carried.decoded) {
    markExecuted(carried);
    scan.fact({ kind: 'exec-dynamic', line: cmd.line, via, input: 'decoded' });
    const text = carried.decoded.decoded;
    if (text) scan.sink.analyze({ text, lang, line: cmd.line, context: { origin: 'decoded' } });
    return;
  }
  scan.fact({ kind: 'exec-dynamic', line: cmd.line, via, input: fallback });
}

/** What a word (an `-c` string, an `eval` argument) carries when run. */
function wordCarried(scan: ShellScan, node: SyntaxNode): Carried {
  const only = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(literalOf(node));
  if (only) return scan.vars.get(only[1]!) ?? { sources: [] };
  const subs: Carried[] = [];
  const visit = (n: SyntaxNode) => {
    if (n.type === 'command_substitution' || n.type === 'process_substitution') subs.push(substitutionOutput(scan, n));
    else for (const c of n.namedChildren) if (c) visit(c);
  };
  visit(node);
  return subs.find((s) => s.remote) ?? subs.find((s) => s.decoded) ?? { sources: [] };
}

function runCodeString(scan: ShellScan, cmd: ShellCommand, node: SyntaxNode, lang: Lang, via: string): void {
  if (isLiteral(node)) {
    scan.nested(literalOf(node), lang, node);
    return;
  }
  execute(scan, cmd, via, wordCarried(scan, node), /^\$\{?\w+\}?$/.test(literalOf(node)) ? 'variable' : 'unknown', lang);
}

/** Emits execution facts of one command. */
export function execFacts(scan: ShellScan, cmd: ShellCommand): void {
  const { name, args, argNodes } = cmd;
  if (name === 'sha256sum' || name === 'shasum' || name === 'sha512sum' || name === 'cosign' || (name === 'gpg' && hasFlag(args, undefined, '--verify'))) {
    if (hasFlag(args, 'c', '--check') || name !== 'sha256sum' && name !== 'shasum' && name !== 'sha512sum') scan.noteChecksum();
  }
  if (name === 'chmod' && args.some((a) => /\+?x|^[0-7]*[1357]$/.test(a))) for (const a of args.slice(1)) scan.executable.add(normalisePath(a));
  const interp = interpreterOf(name);
  if (interp) {
    const lang = interpreters[interp];
    const flags = lang ? codeFlags[lang] ?? [] : ['-e'];
    const at = args.findIndex((a) => flags.includes(a) || (lang === 'shell' && /^-[a-z]*c$/.test(a)));
    const program = at < 0 && awkNames.test(interp) ? argNodes.findIndex((n, i) => !args[i]!.startsWith('-') && (i === 0 || !/^-[fvF]$/.test(args[i - 1]!)) && isLiteral(n)) : -1;
    if (program >= 0) scan.nested(literalOf(argNodes[program]!), 'script', argNodes[program]!);
    const code = at >= 0 ? argNodes[at + 1] : undefined;
    if (code && lang) runCodeString(scan, cmd, code, lang, `${name} ${args[at]}`);
    else if (code) execute(scan, cmd, `${name} ${args[at]}`, isLiteral(code) ? { sources: [] } : wordCarried(scan, code), isLiteral(code) ? 'literal' : 'unknown');
    else if (runsStdin(cmd)) {
      if (cmd.heredoc && lang) scan.nested(cmd.heredoc.body, lang, cmd.heredoc.node);
      else if (cmd.index > 0 || cmd.herestring) {
        const input = commandInput(scan, cmd);
        const lit = literalInput(scan, cmd);
        if (!input.remote && !input.decoded && lit) {
          scan.fact({ kind: 'exec-dynamic', line: cmd.line, via: `| ${name}`, input: 'literal' });
          if (lang) scan.nested(lit.text, lang, lit.node);
        } else execute(scan, cmd, `| ${name}`, input, 'unknown', lang ?? 'shell');
      }
    }
    // `bash <(curl …)`, `bash ./downloaded.sh`
    const first = argNodes.findIndex((_, i) => !args[i]!.startsWith('-'));
    const script = first >= 0 ? argNodes[first] : undefined;
    if (script && at < 0 && script.type === 'process_substitution') execute(scan, cmd, `${name} <(…)`, substitutionOutput(scan, script), 'unknown', lang ?? 'shell');
    else if (script && at < 0) runDownloaded(scan, cmd, args[first]!);
    return;
  }
  if (name === 'eval') {
    const node = argNodes[0];
    if (!node) return;
    if (argNodes.every(isLiteral)) {
      scan.fact({ kind: 'exec-dynamic', line: cmd.line, via: 'eval', input: 'literal' });
      scan.nested(args.join(' '), 'shell', node);
    } else execute(scan, cmd, 'eval', wordCarried(scan, node), /^\$\{?\w+\}?$/.test(args[0]!) ? 'variable' : 'unknown');
    return;
  }
  if (name === 'source' || name === '.') {
    const node = argNodes[0];
    if (!node) return;
    if (node.type === 'process_substitution') execute(scan, cmd, 'source <(…)', substitutionOutput(scan, node), 'unknown');
    else if (!isLiteral(node)) execute(scan, cmd, name, wordCarried(scan, node), 'variable');
    else runDownloaded(scan, cmd, args[0]!);
    return;
  }
  if (cmd.nameIsLiteral) runDownloaded(scan, cmd, cmd.written);
  else execute(scan, cmd, 'command from variable', wordCarried(scan, cmd.node.childForFieldName('name') ?? cmd.node), 'variable');
}

/** Running a path this script downloaded: download-exec, verified when a checksum check came first. */
function runDownloaded(scan: ShellScan, cmd: ShellCommand, written: string): void {
  const path = normalisePath(written);
  const record = scan.downloads.get(path) ?? scan.downloads.get(written);
  if (!record) return;
  scan.fact({ kind: 'download-exec', line: cmd.line, via: 'download-then-run', ...(record.url ? { url: record.url } : {}), ...(record.host ? { host: record.host } : {}), verified: scan.checksumSeen });
}

/** Extension-less files that a shell runs: programs in a `bin` folder and shell start-up files. */
const shellTarget = /(?:^|\/)s?bin\/[^/.]+$|(?:^|\/)\.(?:bashrc|bash_profile|bash_login|bash_aliases|zshrc|zshenv|zprofile|zlogin|profile|kshrc|mkshrc)$/;
/** systemd unit files: their `Exec…=` lines are commands. */
const unitFile = /\.(?:service|timer|socket|path)$/;

/**
 * Heredoc written to a file: a file-write with content, and the content analysed by the file's
 * language. A wrapper written into `~/.local/bin` or an rc file is shell even without a shebang, and
 * a systemd unit's `ExecStart=` lines are shell commands (other lines blanked so lines still match).
 */
export function heredocToFile(scan: ShellScan, cmd: ShellCommand, path: string): void {
  if (!cmd.heredoc) return;
  const body = cmd.heredoc.body;
  if (unitFile.test(path)) {
    const exec = body.split('\n').map((l) => /^\s*Exec\w*\s*=\s*[-@+!:]*(.*)$/.exec(l)?.[1] ?? '').join('\n');
    scan.nested(exec, 'shell', cmd.heredoc.node);
    return;
  }
  const found = languageOfFile(path, body);
  const lang = found === 'text' && shellTarget.test(path) ? 'shell' : found;
  if (lang !== 'text' && lang !== 'markdown' && lang !== 'manifest') scan.nested(body, lang, cmd.heredoc.node);
}

export { shellNames };
