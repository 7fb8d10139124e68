// Commands whose output is a credential though they name no file: cloud and forge CLIs printing
// their tokens, Windows' saved credentials and Wi-Fi keys. Each is read as the store it prints from
// (`gh auth token` is ~/.config/gh/hosts.yml), so the rules that judge a store sent somewhere judge
// these the same way.

import type { Source } from '../facts.ts';
import type { ShellCommand } from './shell-command.ts';

/** `program sub…` prefixes (lower case, joined by spaces) to the store they print. */
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

/** The credential store a command prints, as a file source, when it is one of the token printers. */
export function printedCredential(cmd: ShellCommand): Source[] {
  const name = cmd.name.toLowerCase();
  if (name === 'cmdkey' && cmd.args.some((a) => /^\/list/i.test(a))) return [{ kind: 'keychain' }];
  if (name === 'netsh' && /\bwlan\b/i.test(cmd.args.join(' ')) && cmd.args.some((a) => /^key=clear$/i.test(a))) return [{ kind: 'keychain' }];
  const line = [name, ...cmd.args].join(' ');
  for (const [pattern, path] of tokenCommands) if (pattern.test(line)) return [{ kind: 'file', path }];
  return [];
}
