// Package installs run from shell: pip/uv, npm/pnpm/yarn/bun, gem, go, cargo, brew, apt.

import type { FactOf } from '../facts.ts';
import { flagValue, flagValues, operandsOf, type ShellCommand } from './shell-command.ts';
import type { ShellScan } from './shell-scan.ts';

type Ecosystem = FactOf<'dependency'>['ecosystem'];

const pipValue = new Set(['-i', '--index-url', '--extra-index-url', '-r', '--requirement', '-c', '--constraint', '-t', '--target', '--prefix', '-f', '--find-links', '--trusted-host', '--root', '--python']);
const npmValue = new Set(['--registry', '--prefix', '-C', '--tag', '--workspace', '-w']);

interface Spec {
  name: string;
  version?: string;
  pinned: boolean;
  source?: string;
}

function pipSpec(raw: string): Spec {
  if (/^(?:git\+|https?:|file:)|\.(?:whl|tar\.gz|zip)$/.test(raw)) return { name: raw.replace(/^.*\/|#.*$|\.git$/g, '') || raw, pinned: /#sha256=|@[0-9a-f]{40}$/.test(raw), source: raw };
  const m = /^([A-Za-z0-9_.\-[\]]+)\s*(===?|>=|<=|~=|!=|>|<)?\s*([^;\s]*)/.exec(raw);
  const name = (m?.[1] ?? raw).replace(/\[.*\]$/, '');
  const op = m?.[2];
  const version = m?.[3] || undefined;
  return { name, ...(version ? { version } : {}), pinned: (op === '==' || op === '===') && !!version && !version.includes('*') };
}

function npmSpec(raw: string): Spec {
  if (/^(?:git\+|git:|github:|https?:|file:)|\.tgz$/.test(raw) || /^[\w-]+\/[\w.-]+$/.test(raw)) return { name: raw, pinned: /#[0-9a-f]{40}$/.test(raw), source: raw };
  const at = raw.lastIndexOf('@');
  const name = at > 0 ? raw.slice(0, at) : raw;
  const version = at > 0 ? raw.slice(at + 1) : undefined;
  return { name, ...(version ? { version } : {}), pinned: !!version && /^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(version) };
}

function atSpec(raw: string, exact: RegExp): Spec {
  const at = raw.lastIndexOf('@');
  const name = at > 0 ? raw.slice(0, at) : raw;
  const version = at > 0 ? raw.slice(at + 1) : undefined;
  return { name, ...(version ? { version } : {}), pinned: !!version && exact.test(version) };
}

function emit(scan: ShellScan, cmd: ShellCommand, ecosystem: Ecosystem, specs: Spec[], source?: string): void {
  for (const s of specs) {
    const src = s.source ?? source;
    scan.fact({ kind: 'dependency', line: cmd.line, ecosystem, name: s.name, ...(s.version ? { version: s.version } : {}), pinned: s.pinned, ...(src ? { source: src } : {}), via: 'install-command' });
  }
}

/** Emits dependency facts for an install command. */
export function dependencyFacts(scan: ShellScan, cmd: ShellCommand): void {
  let { name, args } = cmd;
  if (/^python[\d.]*$/.test(name) && args[0] === '-m' && /^pip3?$/.test(args[1] ?? '')) [name, args] = ['pip', args.slice(2)];
  if (name === 'uv' && args[0] === 'pip') [name, args] = ['pip', args.slice(1)];
  if (name === 'pipx' || name === 'uv' && args[0] === 'tool') [name, args] = ['pip', name === 'uv' ? args.slice(1) : args];
  const sub = args[0];
  const rest = args.slice(1);
  if (/^pip3?$/.test(name) && sub === 'install') {
    const ops = operandsOf(rest, pipValue).map((i) => rest[i]!);
    const index = [...flagValues(rest, new Set(['--extra-index-url'])), flagValue(rest, '-i', '--index-url')].filter(Boolean)[0];
    emit(scan, cmd, 'pypi', ops.map(pipSpec), index);
  } else if (['npm', 'pnpm', 'yarn', 'bun'].includes(name) && ['install', 'i', 'add', 'isntall'].includes(sub ?? '')) {
    const ops = operandsOf(rest, npmValue).map((i) => rest[i]!);
    emit(scan, cmd, 'npm', ops.map(npmSpec), flagValue(rest, undefined, '--registry'));
  } else if (name === 'gem' && sub === 'install') {
    const ops = operandsOf(rest, new Set(['-v', '--version', '--source', '-s'])).map((i) => rest[i]!);
    const version = flagValue(rest, '-v', '--version');
    emit(scan, cmd, 'gem', ops.map((n) => ({ name: n, ...(version ? { version } : {}), pinned: !!version && /^\d[\w.]*$/.test(version) })), flagValue(rest, '-s', '--source'));
  } else if (name === 'go' && (sub === 'install' || sub === 'get')) {
    emit(scan, cmd, 'go', operandsOf(rest).map((i) => atSpec(rest[i]!, /^v\d+\.\d+\.\d+/)));
  } else if (name === 'cargo' && sub === 'install') {
    const ops = operandsOf(rest, new Set(['--version', '--git', '--branch', '--tag', '--rev', '--root', '--registry', '--index'])).map((i) => rest[i]!);
    const version = flagValue(rest, undefined, '--version');
    const git = flagValue(rest, undefined, '--git');
    const specs = ops.map((o) => atSpec(o, /^=?\d+\.\d+\.\d+/)).map((s) => (version ? { ...s, version, pinned: /^=?\d+\.\d+\.\d+/.test(version) } : s));
    emit(scan, cmd, 'cargo', git && specs.length === 0 ? [{ name: git, pinned: !!flagValue(rest, undefined, '--rev'), source: git }] : specs, git ?? flagValue(rest, undefined, '--index'));
  } else if (name === 'brew' && sub === 'install') {
    emit(scan, cmd, 'brew', operandsOf(rest).map((i) => ({ name: rest[i]!, pinned: false, ...(/^https?:/.test(rest[i]!) ? { source: rest[i]! } : {}) })));
  } else if ((name === 'apt-get' || name === 'apt' || name === 'yum' || name === 'dnf' || name === 'apk') && (sub === 'install' || sub === 'add')) {
    const ops = operandsOf(rest, new Set(['-o', '-t', '--target-release'])).map((i) => rest[i]!);
    emit(scan, cmd, name === 'apk' || name === 'yum' || name === 'dnf' ? 'other' : 'apt', ops.map((o) => {
      const [n, v] = o.split('=');
      return { name: n!, ...(v ? { version: v } : {}), pinned: !!v, ...(/^https?:|\.deb$/.test(o) ? { source: o } : {}) };
    }));
  }
}
