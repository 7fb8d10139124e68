// Python calls that run code: subprocess/os.system/pty (literal commands go to the shell analyzer),
// exec/eval/compile/__import__/importlib, os.dup2 (reverse shells), and setup(cmdclass=…) install hooks.

import { oneLine, secretPrinted } from './common/index.ts';
import { exactText, unknown, type Value } from './python-js-values.ts';
import type { CallHandler, CallSite, PyWalker } from './python-walk.ts';

/** The program and arguments of a command value (`'a b'` or `['a', 'b']`), unknown parts as `*`. */
function commandWords(v: Value | undefined): string[] {
  if (v?.items) return v.items.map((i) => exactText(i) ?? '*');
  return exactText(v)?.trim().split(/\s+/) ?? [];
}

function subprocess(via: string): CallHandler {
  return (w, c) => {
    const command = c.args[0] ?? c.kw.get('args') ?? c.kw.get('cmd') ?? c.kw.get('command');
    w.shellSpawned(c, w.rec.runCommand(c.line, via, command));
    // Its output carries the secret a secret-printing command prints (`security find-generic-password`).
    return { sources: secretPrinted(commandWords(command)), type: 'process' };
  };
}

/**
 * `os.execv(path, argv)` (`vector`), `os.execl(path, arg0, …)` (`list`: argv after the path),
 * `create_subprocess_exec(prog, *args)` (`all`).
 */
function execArgs(via: string, shape: 'vector' | 'list' | 'all'): CallHandler {
  return (w, c) => {
    const items = shape === 'vector' ? c.args[1]?.items : shape === 'list' ? c.args.slice(1) : c.args;
    w.shellSpawned(c, w.rec.runCommand(c.line, via, { sources: [], items: items?.length ? items : c.args.slice(0, 1) }));
    return { sources: [], type: 'process' };
  };
}

function execCode(via: string): CallHandler {
  return (w, c) => {
    w.rec.runCode(c.line, via, c.args[0] ?? c.kw.get('source') ?? unknown, 'python');
    return unknown;
  };
}

function importDynamic(via: string): CallHandler {
  return (w, c) => {
    const name = exactText(c.args[0] ?? c.kw.get('name'));
    if (name !== undefined) {
      w.rec.emit({ kind: 'import', line: c.line, module: name });
      return { sources: [], qname: name };
    }
    w.rec.exec(c.line, via, c.args[0] ?? unknown, 'python');
    return unknown;
  };
}

/** `setup(cmdclass={'install': PostInstall})`: an install hook per overridden command. */
function setup(w: PyWalker, c: CallSite): Value {
  const cmdclass = c.kw.get('cmdclass');
  for (const [hook, cls] of cmdclass?.entries ?? []) {
    const name = cls.qname ?? cls.name ?? '';
    const node = w.classes.get(name);
    const command = node ? oneLine(node.text).slice(0, 300) : name || '?';
    w.rec.emit({ kind: 'install-hook', line: c.line, manager: 'setuptools', hook, command });
  }
  return unknown;
}

export const execHandlers: [string, CallHandler][] = [
  ...['os.system', 'os.popen', 'subprocess.getoutput', 'subprocess.getstatusoutput', 'commands.getoutput', 'asyncio.create_subprocess_shell', 'os.popen2', 'os.popen3']
    .map((n): [string, CallHandler] => [n, subprocess(n)]),
  ...['run', 'call', 'check_call', 'check_output', 'Popen'].map((n): [string, CallHandler] => [`subprocess.${n}`, subprocess(`subprocess.${n}`)]),
  ['pty.spawn', subprocess('pty.spawn')],
  ...['os.execv', 'os.execve', 'os.execvp', 'os.execvpe'].map((n): [string, CallHandler] => [n, execArgs(n, 'vector')]),
  ...['os.execl', 'os.execle', 'os.execlp', 'os.spawnl', 'os.spawnlp'].map((n): [string, CallHandler] => [n, execArgs(n, 'list')]),
  ['asyncio.create_subprocess_exec', execArgs('asyncio.create_subprocess_exec', 'all')],
  ...['exec', 'eval', 'compile', 'builtins.exec', 'builtins.eval'].map((n): [string, CallHandler] => [n, execCode(n.replace('builtins.', ''))]),
  ['__import__', importDynamic('__import__')],
  ['importlib.import_module', importDynamic('importlib.import_module')],
  ['os.dup2', (w, c) => {
    const handle = c.args[0]?.handle;
    if (handle?.kind === 'socket') w.dupedSocket = handle;
    return unknown;
  }],
  ...['setup', 'setuptools.setup', 'distutils.core.setup'].map((n): [string, CallHandler] => [n, setup]),
];
