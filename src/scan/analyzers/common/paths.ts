// Paths as analyzers report them: the home directory written any way (`$HOME`, `${HOME}`, `~user`,
// `%USERPROFILE%`, `$env:USERPROFILE`, `os.homedir()`, `Path.home()`, `expanduser('~')`) becomes `~`,
// `./` and `//` collapse, Windows separators after a Windows prefix become `/`, and any other dynamic
// part (`$X`, `${X}`, `$(…)`, `` `…` ``, `%X%`) becomes `*`. Case is kept: rules fold it.

import { memoized } from '../../../core/index.ts';

/** Spellings of the home directory at the start of a path. */
const homePrefix = new RegExp(
  [
    String.raw`\$\{?HOME\}?`,
    String.raw`\$\{?USERPROFILE\}?`,
    String.raw`\$env:(?:USERPROFILE|HOME)`,
    String.raw`%(?:USERPROFILE|HOMEPATH)%`,
    String.raw`%HOMEDRIVE%%HOMEPATH%`,
    String.raw`os\.homedir\(\)`,
    String.raw`(?:os\.)?path\.expanduser\(\s*["']~["']\s*\)`,
    String.raw`(?:pathlib\.)?Path\.home\(\)`,
    String.raw`(?:os\.)?(?:getenv|environ\.get)\(\s*["']HOME["']\s*\)`,
    String.raw`os\.environ\[\s*["']HOME["']\s*\]`,
    String.raw`process\.env\.(?:HOME|USERPROFILE)`,
    String.raw`\[Environment\]::GetFolderPath\(\s*["']?UserProfile["']?\s*\)`,
    String.raw`~[a-z_][\w-]*`,
    '~',
  ].join('|'),
  'i',
);

/** Well-known folders under the home directory, by the variable that names them. */
const homeFolders: readonly [RegExp, string][] = [
  [/^(?:%APPDATA%|\$env:APPDATA|\$\{?APPDATA\}?)/i, '~/AppData/Roaming'],
  [/^(?:%LOCALAPPDATA%|\$env:LOCALAPPDATA|\$\{?LOCALAPPDATA\}?)/i, '~/AppData/Local'],
  [/^\$\{?XDG_CONFIG_HOME\}?/, '~/.config'],
  [/^\$\{?XDG_DATA_HOME\}?/, '~/.local/share'],
  [/^\$\{?XDG_CACHE_HOME\}?/, '~/.cache'],
];

const dynamicPart = /\$\{[^}]*\}|\$\([^)]*\)?|`[^`]*`?|\$env:[A-Za-z_]\w*|\$[A-Za-z_]\w*|\$[0-9@*#?!$-]|%[A-Za-z_]\w*%/g;
const windowsPrefix = /^(?:[A-Za-z]:[\\/]|%[A-Za-z_]\w*%|\$env:|\\\\)/i;

/** Joiners between a home fragment and the rest: `+ '/x'`, `, '.ssh', 'id_rsa'`, ` / '.ssh'`. */
function joinFragments(rest: string): string {
  const pieces = [...rest.matchAll(/["']([^"']*)["']/g)].map((m) => m[1]!);
  if (pieces.length === 0 || !/^\s*(?:[+,/]|\)\s*[+,/]|\)?\s*\.joinpath\()/.test(rest)) return rest;
  return '/' + pieces.map((p) => p.replace(/^[\\/]+|[\\/]+$/g, '')).filter(Boolean).join('/');
}

// Analyzers normalise the same spellings over and over (`"$out"` on every line of a loop body): each
// distinct one is folded once (bounded, so a file with endless distinct paths only evicts).
/** `raw` with the home directory as `~`, separators folded and dynamic parts as `*`. */
export const normalisePath = memoized(fold, 4096);

function fold(raw: string): string {
  let p = raw.trim().replace(/^(["'])(.*)\1$/s, '$2');
  // `path.join(os.homedir(), '.ssh')`: the join is read as the fragments it joins.
  const join = /^(?:os\.)?path\.(?:join|resolve)\(\s*/.exec(p);
  if (join && homePrefix.exec(p.slice(join[0].length))?.index === 0) p = p.slice(join[0].length);
  for (const [pattern, folder] of homeFolders) {
    if (pattern.test(p)) {
      p = folder + p.replace(pattern, '');
      break;
    }
  }
  const home = homePrefix.exec(p);
  if (home && home.index === 0 && (home[0].startsWith('~') ? /^(?:[\\/]|$)/.test(p.slice(home[0].length)) : true)) {
    const rest = p.slice(home[0].length);
    p = '~' + (/^\s*[+,)]|^\s*\/\s*["']|^\)?\s*\.joinpath/.test(rest) ? joinFragments(rest) : rest);
  }
  if (windowsPrefix.test(raw.trim().replace(/^["']/, '')) || p.startsWith('~\\')) p = p.replace(/\\/g, '/');
  p = p.replace(dynamicPart, '*');
  p = p.replace(/\/{2,}/g, '/').replace(/(^|\/)(?:\.\/)+/g, '$1').replace(/\/\.$/, '');
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p || '.';
}

/** The path starts in the home directory (after normalising). */
export function isHomePath(path: string): boolean {
  return path === '~' || path.startsWith('~/');
}
