// Which analyzer reads a file: by name first, then by shebang.

import type { Lang } from './facts.ts';

const byExtension: Record<string, Lang> = {
  md: 'markdown', markdown: 'markdown', mdx: 'markdown', mdc: 'markdown',
  sh: 'shell', bash: 'shell', zsh: 'shell', ksh: 'shell', command: 'shell',
  ps1: 'powershell', psm1: 'powershell', psd1: 'powershell', bat: 'powershell', cmd: 'powershell',
  py: 'python', pyw: 'python',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript',
  ts: 'javascript', mts: 'javascript', cts: 'javascript', tsx: 'javascript',
  pl: 'script', pm: 'script', rb: 'script', rake: 'script', php: 'script', lua: 'script', tcl: 'script', awk: 'script',
  mk: 'recipe', mak: 'recipe',
};

/** Task-runner files by name: their recipes are shell commands. */
const recipeNames = /^(?:gnumakefile|makefile|\.?justfile|taskfile(?:\.dist)?\.ya?ml)$/;
const scriptNames = new Set(['rakefile', 'guardfile', 'capfile']);

const manifestNames = new Set([
  'package.json', 'pyproject.toml', 'pipfile', 'setup.cfg', 'go.mod', 'gemfile', 'cargo.toml',
  // Package-manager configs that pick the registry (dependency confusion).
  '.npmrc', '.yarnrc', '.yarnrc.yml', 'pip.conf', 'pip.ini', 'uv.toml',
]);

/** Fenced-block info strings and shebang interpreters to languages. */
const byTag: Record<string, Lang> = {
  sh: 'shell', bash: 'shell', shell: 'shell', zsh: 'shell', console: 'shell', terminal: 'shell', shellsession: 'shell',
  ps: 'powershell', ps1: 'powershell', powershell: 'powershell', pwsh: 'powershell', bat: 'powershell', cmd: 'powershell',
  py: 'python', python: 'python', python3: 'python', py3: 'python',
  js: 'javascript', javascript: 'javascript', node: 'javascript', nodejs: 'javascript', ts: 'javascript',
  typescript: 'javascript', mjs: 'javascript', jsx: 'javascript', tsx: 'javascript', deno: 'javascript', bun: 'javascript',
  md: 'markdown', markdown: 'markdown',
  perl: 'script', pl: 'script', ruby: 'script', rb: 'script', php: 'script', lua: 'script', luajit: 'script',
  tcl: 'script', tclsh: 'script', wish: 'script', awk: 'script', gawk: 'script',
  make: 'recipe', makefile: 'recipe', just: 'recipe', justfile: 'recipe',
};

export function languageOfTag(tag: string): Lang | undefined {
  return byTag[tag.trim().toLowerCase().split(/[\s{,]/)[0] ?? ''];
}

export function languageOfFile(path: string, text: string): Lang {
  const base = path.split('/').pop()!.toLowerCase();
  if (manifestNames.has(base) || /^requirements[\w.-]*\.(txt|in)$/.test(base)) return 'manifest';
  if (recipeNames.test(base)) return 'recipe';
  if (scriptNames.has(base)) return 'script';
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1) : '';
  const known = byExtension[ext];
  if (known) return known;
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text);
  if (shebang) {
    const program = shebang[1]!.split('/').pop()!;
    const interpreter = program === 'env' ? (shebang[2] ?? '') : program;
    const lang = languageOfTag(interpreter.replace(/[\d.]+$/, '')) ?? languageOfTag(interpreter);
    if (lang) return lang;
  }
  return 'text';
}
