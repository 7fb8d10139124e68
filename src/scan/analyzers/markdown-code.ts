// Code inside Markdown: which language an untagged block is, shell prompts to strip, and which
// inline code spans are commands worth handing to the shell analyzer.

import type { Lang } from '../facts.ts';
import { languageOfTag } from '../language.ts';

/** Programs whose name at the start of an untagged block makes it a shell block. */
const shellCommands = new Set([
  'curl', 'wget', 'pip', 'pip3', 'pipx', 'uv', 'uvx', 'npm', 'npx', 'pnpm', 'yarn', 'bun', 'bunx', 'deno', 'bash',
  'sh', 'zsh', 'sudo', 'chmod', 'chown', 'git', 'brew', 'apt', 'apt-get', 'yum', 'dnf', 'apk', 'echo', 'export',
  'cd', 'ls', 'cat', 'mkdir', 'rm', 'cp', 'mv', 'tar', 'unzip', 'python', 'python3', 'node', 'go', 'cargo',
  'docker', 'kubectl', 'make', 'openclaw', 'clawhub', 'claw', 'source', 'eval', 'base64', 'nc', 'ssh', 'scp',
  'rsync', 'crontab', 'systemctl', 'launchctl', 'open', 'xattr', 'gh', 'jq', 'touch', 'ln', 'env', 'set',
  'perl', 'ruby', 'php', 'lua', 'awk', 'gawk', 'tclsh', 'nohup', 'just', 'task', 'at', 'ncat',
]);

const commandWord = /^\s*(?:sudo\s+)?([a-z][\w.+-]*)/i;
const promptPattern = /^(\s*)(?:\$|❯|%|➜)\s+/;

/** Tags that name a data or prose format: such blocks go to the text analyzer. */
const textTags = new Set(['json', 'jsonc', 'json5', 'yaml', 'yml', 'toml', 'ini', 'env', 'dotenv', 'text', 'txt', 'plain', 'plaintext', 'xml', 'html', 'csv', 'conf', 'properties']);

/** The language of a code block from its info string, or a guess from its content. */
export function codeLanguage(tag: string | null | undefined, code: string): Lang {
  const clean = (tag ?? '').trim().toLowerCase();
  const tagged = clean ? languageOfTag(clean) : undefined;
  if (tagged) return tagged;
  const first = clean.split(/[\s{,]/)[0] ?? '';
  if (first && !textTags.has(first)) return 'text';
  const guessed = guessLanguage(code);
  // A `text` block that is plainly a shell session is still run by readers who copy it.
  return guessed === 'shell' || !first ? guessed : 'text';
}

function firstCodeLine(code: string): string {
  for (const line of code.split('\n')) {
    const t = line.trim();
    if (t && !t.startsWith('#') && !t.startsWith('//')) return t;
  }
  return '';
}

export function guessLanguage(code: string): Lang {
  const line = firstCodeLine(code);
  if (!line) return 'text';
  if (promptPattern.test(line)) return /^\S+\s+(?:PS\s|Invoke-|iwr|irm|iex)/i.test(line) ? 'powershell' : 'shell';
  if (/^(?:PS [A-Z]:\\[^>]*>|Invoke-\w+|iex\b|iwr\b|irm\b|\$env:|Start-Process|New-Object|Set-\w+|Get-\w+)/i.test(line)) return 'powershell';
  if (/^(?:import\s+\w+|from\s+[\w.]+\s+import\b|def\s+\w+\s*\(|class\s+\w+.*:$|print\(|if\s+__name__)/.test(line)) return 'python';
  if (/^(?:const|let|var)\s+\w+\s*=|^import\s+.*\bfrom\s+['"]|^(?:require|console\.\w+)\(|^(?:export\s+)?(?:async\s+)?function\b|^await\s/.test(line)) return 'javascript';
  const word = commandWord.exec(line)?.[1]?.toLowerCase();
  if (word && shellCommands.has(word)) return 'shell';
  if (/^\.?\.?\/[\w./-]+(?:\s|$)/.test(line) || /\|\s*(?:sudo\s+)?(?:ba|z)?sh\b/.test(line)) return 'shell';
  return 'text';
}

/**
 * Removes shell prompts. When any line has a prompt, only prompted lines (and their `\`
 * continuations) are commands; other lines are output and are blanked, so line numbers stay.
 */
export function stripPrompts(code: string): string {
  const lines = code.split('\n');
  if (!lines.some((l) => promptPattern.test(l))) return code;
  let continuing = false;
  return lines.map((l) => {
    if (promptPattern.test(l)) {
      continuing = /\\\s*$/.test(l);
      return l.replace(promptPattern, '$1');
    }
    if (continuing) {
      continuing = /\\\s*$/.test(l);
      return l;
    }
    return '';
  }).join('\n');
}

const inlineCommand = /\|\s*(?:sudo\s+)?(?:ba|z|da|k)?sh\b|\|\s*(?:python3?|node|perl|ruby|iex)\b|\b(?:curl|wget)\s+\S|base64\s+(?:-d|--decode|-D)\b|\bInvoke-(?:Expression|WebRequest|RestMethod)\b|\biex\s*\(|\bchmod\s+[+0-7]|\/dev\/(?:tcp|udp)\/|\b(?:pip3?|uv\s+pip)\s+install\s|\bnpm\s+(?:i|install)\s|\bnpx\s+\S|\beval\s+["'$]|\bnc\s+-[a-z]*[el]|\bbash\s+-c\b|\bpowershell(?:\.exe)?\s+-/i;

/** An inline code span that is a command (so the shell analyzer sees it), with its language. */
export function inlineCommandLanguage(code: string): Lang | undefined {
  if (code.length < 6 || !inlineCommand.test(code)) return undefined;
  return /\b(?:Invoke-|iex\b|powershell|New-Object|\$env:)/i.test(code) ? 'powershell' : 'shell';
}
