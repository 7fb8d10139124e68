// Which files a shell command reads and writes, as written (the caller normalises). Pure functions
// of a command model; redirects included.

import { flagValue, flagValues, hasFlag, operandsOf, type ShellCommand } from './shell-command.ts';

/** Programs whose every operand is a file they read. */
const wholeReaders = new Set([
  'cat', 'tac', 'less', 'more', 'head', 'tail', 'base64', 'base32', 'basenc', 'xxd', 'od', 'hexdump', 'strings', 'gpg',
  'sqlite3', 'source', '.', 'gzip', 'bzip2', 'xz', 'zstd', 'nl', 'bat', 'uuencode', 'iconv', 'file-read',
]);
/** Programs whose first operand is a pattern or program, the rest files. */
const patternReaders = new Set(['grep', 'egrep', 'fgrep', 'rg', 'awk', 'gawk', 'sed', 'jq', 'yq']);
const copiers = new Set(['cp', 'mv', 'scp', 'rsync', 'install', 'ditto']);

const valueFlags: Record<string, ReadonlySet<string>> = {
  head: new Set(['-n', '-c']),
  tail: new Set(['-n', '-c']),
  gpg: new Set(['-r', '--recipient', '-o', '--output', '-u', '--local-user']),
  grep: new Set(['-e', '-f', '-m', '-A', '-B', '-C', '--include', '--exclude']),
  rg: new Set(['-e', '-g', '-t', '-m', '-A', '-B', '-C']),
  sed: new Set(['-e', '-f']),
  awk: new Set(['-F', '-v', '-f']),
  jq: new Set(['--arg', '--argjson', '-f']),
  scp: new Set(['-P', '-i', '-o', '-F', '-c', '-l', '-S']),
  rsync: new Set(['-e', '--rsh', '--exclude', '--include', '--port']),
  cp: new Set(['-t', '--target-directory', '-S']),
  mv: new Set(['-t', '--target-directory', '-S']),
  install: new Set(['-m', '-o', '-g', '-t']),
  tar: new Set(['-f', '--file', '-C', '--directory', '--exclude', '-T']),
  zip: new Set(['-P', '--password', '-x', '-i']),
  xxd: new Set(['-l', '-s', '-c', '-g']),
  base64: new Set(['-w', '--wrap', '-b']),
};

const remoteSpec = /^(?:[\w.-]+@)?[\w.-]+:(?!\/\/)|^rsync:\/\//;

function operands(cmd: ShellCommand): string[] {
  return operandsOf(cmd.args, valueFlags[cmd.name]).map((i) => cmd.args[i]!);
}

/** Paths read through `<` redirects. */
export function redirectReads(cmd: ShellCommand): string[] {
  return cmd.redirects.filter((r) => r.op === '<' || r.op === '<>').map((r) => r.target).filter((t) => !/^\/dev\/(?:tcp|udp)\//.test(t));
}

/** Files a command reads, as written. */
export function readsOf(cmd: ShellCommand): string[] {
  const out = redirectReads(cmd);
  const { name, args } = cmd;
  const ops = operands(cmd);
  if (wholeReaders.has(name)) out.push(...ops.filter((o) => o !== '-'));
  else if (patternReaders.has(name)) {
    const hasScript = name === 'sed' || name.endsWith('awk') ? hasFlag(args, 'e') || hasFlag(args, 'f') : hasFlag(args, 'e') || hasFlag(args, 'f');
    if (!(name === 'sed' && hasFlag(args, 'i', '--in-place'))) out.push(...ops.slice(hasScript ? 0 : 1));
  } else if (copiers.has(name)) {
    const target = flagValue(args, '-t', '--target-directory');
    out.push(...(target ? ops : ops.slice(0, -1)).filter((o) => !remoteSpec.test(o)));
  } else if (name === 'tar' && isTarCreate(args)) {
    // Old-style bundles (`tar czf out.tgz dir`) take the archive as the next word.
    const bundle = /^[a-zA-Z]+$/.test(args[0] ?? '') ? args[0]! : undefined;
    const archive = bundle?.includes('f') ? args[1] : flagValue(args, '-f', '--file');
    out.push(...ops.filter((o) => o !== archive && o !== bundle));
  } else if (name === 'zip' || ((name === '7z' || name === '7za') && ops[0] === 'a')) {
    out.push(...ops.slice(name === 'zip' ? 1 : 2));
  } else if (name === 'openssl') {
    const input = flagValue(args, '-in');
    if (input) out.push(input);
  } else if (name === 'dd') {
    for (const a of args) if (a.startsWith('if=')) out.push(a.slice(3));
  } else if (name === 'curl') {
    for (const v of flagValues(args, curlDataFlags)) if (v.startsWith('@') && v !== '@-') out.push(v.slice(1));
    for (const v of flagValues(args, new Set(['-F', '--form', '--form-string']))) {
      const m = /=[@<]([^;]+)/.exec(v);
      if (m && m[1] !== '-') out.push(m[1]!);
    }
    for (const v of flagValues(args, new Set(['-T', '--upload-file']))) if (v !== '-') out.push(v);
  } else if (name === 'wget') {
    for (const v of flagValues(args, new Set(['--post-file', '--body-file']))) out.push(v);
  } else if (name === 'mail' || name === 'mailx' || name === 'mutt') {
    out.push(...flagValues(args, new Set(['-A', '-a', '--attach'])));
  }
  return out.filter((p) => p.length > 0);
}

export const curlDataFlags: ReadonlySet<string> = new Set(['-d', '--data', '--data-binary', '--data-raw', '--data-ascii', '--data-urlencode', '--json']);

function isTarCreate(args: readonly string[]): boolean {
  const first = args[0] ?? '';
  return hasFlag(args, 'c', '--create') || (/^[a-zA-Z]+$/.test(first) && first.includes('c'));
}

export interface WriteTarget {
  path: string;
  append: boolean;
}

const nonFiles = /^(?:\/dev\/(?:null|stdout|stderr|tty|fd\/\d+|tcp\/.*|udp\/.*)|&?\d+|-)$/;

/** Files a command writes, as written. */
export function writesOf(cmd: ShellCommand): WriteTarget[] {
  const out: WriteTarget[] = [];
  for (const r of cmd.redirects) {
    if (!/>/.test(r.op) || nonFiles.test(r.target)) continue;
    out.push({ path: r.target, append: r.op.includes('>>') });
  }
  const { name, args } = cmd;
  const ops = operands(cmd);
  if (name === 'tee') out.push(...ops.map((path) => ({ path, append: hasFlag(args, 'a', '--append') })));
  else if (copiers.has(name) && name !== 'scp' && name !== 'rsync') {
    const target = flagValue(args, '-t', '--target-directory') ?? (ops.length >= 2 ? ops.at(-1) : undefined);
    if (target) out.push({ path: target, append: false });
  } else if ((name === 'scp' || name === 'rsync') && ops.length >= 2 && !remoteSpec.test(ops.at(-1)!)) {
    out.push({ path: ops.at(-1)!, append: false });
  } else if (name === 'sed' && hasFlag(args, 'i', '--in-place')) {
    const hasScript = hasFlag(args, 'e') || hasFlag(args, 'f');
    out.push(...ops.slice(hasScript ? 0 : 1).map((path) => ({ path, append: false })));
  } else if (name === 'dd') {
    for (const a of args) if (a.startsWith('of=')) out.push({ path: a.slice(3), append: false });
  } else if (name === 'crontab' && !hasFlag(args, 'l') && !hasFlag(args, 'r') && (ops.length > 0 || cmd.index > 0)) {
    out.push({ path: '/var/spool/cron/crontabs/*', append: false });
  } else if (name === 'tar' && isTarCreate(args)) {
    const bundle = /^[a-zA-Z]+$/.test(args[0] ?? '') ? args[0]! : undefined;
    const archive = bundle?.includes('f') ? args[1] : flagValue(args, '-f', '--file');
    if (archive && archive !== '-') out.push({ path: archive, append: false });
  } else if ((name === 'zip' || ((name === '7z' || name === '7za') && ops[0] === 'a')) && ops.length >= 2) {
    out.push({ path: ops[name === 'zip' ? 0 : 1]!, append: false });
  } else if (name === 'ln' && ops.length >= 2) {
    out.push({ path: ops.at(-1)!, append: false });
  }
  return out.filter((w) => w.path.length > 0);
}

/** The command dumps the whole environment. */
export function isEnvDump(cmd: ShellCommand): boolean {
  const { name, args } = cmd;
  if (name === 'env' || name === 'printenv') return args.every((a) => a.startsWith('-'));
  if (name === 'export' || name === 'declare' || name === 'typeset') return args.length === 0 || args.every((a) => /^-[px]+$/.test(a));
  if (name === 'set') return args.length === 0;
  if (name === 'compgen') return args.includes('-v') || args.includes('-e');
  return false;
}
