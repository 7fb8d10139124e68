// Commands whose output is a secret though they name no file, for every analyzer that sees a
// command line (shell, Python subprocess): cloud and forge CLIs printing their tokens (read as the
// store they print from: `gh auth token` is ~/.config/gh/hosts.yml, so rules judge it like that
// store), the keychain, Windows saved credentials and Wi-Fi keys, and the clipboard.

import type { Source } from '../../facts.ts';

/** `program sub…` (lower case, joined by spaces) to the store it prints. */
const tokenCommands: readonly [RegExp, string][] = [
  [/^gh auth token\b|^gh auth status\b.*--show-token/, '~/.config/gh/hosts.yml'],
  [/^glab auth (?:token|status\b.*--show-token)/, '~/.config/glab-cli/config.yml'],
  [/^gcloud auth (?:application-default )?print-(?:access|identity)-token\b/, '~/.config/gcloud/credentials.db'],
  [/^aws configure (?:export-credentials|get aws_secret_access_key)\b|^aws sts get-session-token\b/, '~/.aws/credentials'],
  [/^az account get-access-token\b/, '~/.azure/msal_token_cache.json'],
  [/^kubectl config view\b.*--raw/, '~/.kube/config'],
  [/^docker-credential-\S+ get\b/, '~/.docker/config.json'],
  [/^doctl auth token\b/, '~/.config/doctl/config.yaml'],
];
const keychain = /^security (?:find-(?:generic|internet)-password|dump-keychain|export)\b|^secret-tool lookup\b|^cmdkey(?:\.exe)? \/list\b|^netsh(?:\.exe)? wlan\b.*\bkey=clear\b/;
const clipboard = /^(?:pbpaste|wl-paste)\b|^xclip\b.*\s-o(?:ut)?\b|^xsel\b.*\s-[a-z]*o|^(?:powershell|pwsh)\b.*\bget-clipboard\b/;

/**
 * What every pattern above starts with (before its first space): a line whose program does not
 * start so matches none of them. Every command line of a script is asked and nearly all run other
 * programs, answered here without joining the line or running the patterns.
 */
const printerStart = /^(?:gh|glab|gcloud|aws|az|kubectl|docker-credential-|doctl|security|secret-tool|cmdkey|netsh|pbpaste|wl-paste|xclip|xsel|powershell|pwsh)/;

/** What a command prints, when that is a secret; `words` is the program and its arguments. */
export function secretPrinted(words: readonly string[]): Source[] {
  const program = (words[0] ?? '').replace(/^.*[\\/]/, '').toLowerCase();
  if (!printerStart.test(program)) return [];
  const line = [program, ...words.slice(1)].join(' ').toLowerCase();
  if (keychain.test(line)) return [{ kind: 'keychain' }];
  if (clipboard.test(line)) return [{ kind: 'clipboard' }];
  for (const [pattern, path] of tokenCommands) if (pattern.test(line)) return [{ kind: 'file', path }];
  return [];
}
