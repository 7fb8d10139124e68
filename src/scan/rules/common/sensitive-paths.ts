// Which paths hold secrets, by class. Data, not code: one row per pattern, matched against a path as
// analyzers write it (`~/…` for the home directory, `*` where dynamic), after folding case and `\` to
// `/` so Windows spellings (`%APPDATA%\Exodus`, `$env:USERPROFILE\.ssh`) meet the same rows.

export type SensitiveClass =
  | 'agent-config'
  | 'ssh'
  | 'cloud'
  | 'dotenv'
  | 'browser'
  | 'wallet'
  | 'keychain'
  | 'system-secret'
  | 'history';

export interface SensitivePath {
  pattern: RegExp;
  class: SensitiveClass;
  /** What the path holds, for messages. */
  label: string;
}

const agentDir = String.raw`\.(?:openclaw|clawdbot|clawdis|moltbot)`;

export const sensitivePaths: readonly SensitivePath[] = [
  // OpenClaw's own state: the gateway config holds model and channel tokens; agents/ and credentials/
  // hold auth profiles; the workspace holds the agent's memory and persona.
  { pattern: new RegExp(`${agentDir}/?(?:\\*)?$`), class: 'agent-config', label: 'the whole OpenClaw state folder' },
  { pattern: new RegExp(`${agentDir}/(?:openclaw|clawdbot|moltbot|config)\\.json5?$`), class: 'agent-config', label: 'the OpenClaw gateway config (model and channel tokens)' },
  { pattern: new RegExp(`${agentDir}/(?:credentials|agents|sessions|identity|devices|auth[\\w-]*)(?:/|$)`), class: 'agent-config', label: 'OpenClaw credentials or sessions' },
  { pattern: new RegExp(`${agentDir}/\\.env$`), class: 'agent-config', label: "OpenClaw's environment file" },
  { pattern: new RegExp(`${agentDir}/workspace[^/]*/(?:soul|memory|agents|user|identity|tools)\\.md$`), class: 'agent-config', label: 'agent memory or persona' },
  { pattern: new RegExp(`${agentDir}/workspace[^/]*/memory(?:/|$)`), class: 'agent-config', label: 'agent memory' },

  // Private keys, not public ones or known_hosts.
  { pattern: /(?:^|\/)\.ssh\/?(?:\*)?$/, class: 'ssh', label: 'the SSH key folder' },
  { pattern: /(?:^|\/)\.ssh\/(?:id_[\w-]*|[^/]*\.pem|[^/]*_key|identity)$/, class: 'ssh', label: 'an SSH private key' },

  { pattern: /(?:^|\/)\.aws\/?(?:\*|credentials|config)?$/, class: 'cloud', label: 'AWS credentials' },
  { pattern: /(?:^|\/)\.config\/gcloud(?:\/|$)|application_default_credentials\.json$/, class: 'cloud', label: 'Google Cloud credentials' },
  { pattern: /(?:^|\/)\.azure(?:\/|$)/, class: 'cloud', label: 'Azure credentials' },
  { pattern: /(?:^|\/)\.kube\/?(?:\*|config)?$/, class: 'cloud', label: 'Kubernetes credentials' },
  { pattern: /(?:^|\/)\.docker\/config\.json$/, class: 'cloud', label: 'Docker registry credentials' },
  { pattern: /(?:^|\/)(?:\.netrc|\.git-credentials|\.npmrc|\.pypirc)$/, class: 'cloud', label: 'stored registry or git credentials' },
  { pattern: /(?:^|\/)\.config\/gh\/hosts\.ya?ml$/, class: 'cloud', label: 'GitHub CLI token' },

  // `.env.example` and friends are templates without secrets.
  { pattern: /(?:^|\/)\.env(?:\.(?!example$|sample$|template$|dist$|defaults?$)[\w-]+)?$/, class: 'dotenv', label: 'an environment file' },

  { pattern: /(?:chrome|chromium|brave[\w-]*|edge|opera[\w ]*|vivaldi|yandex\w*)\/.*(?:login data|cookies|web data|local state)$/, class: 'browser', label: 'a Chromium password or cookie store' },
  { pattern: /(?:firefox|mozilla)\/.*(?:logins\.json|key[34]\.db|cookies\.sqlite|signons\.sqlite)$|(?:^|\/)(?:logins\.json|key4\.db)$/, class: 'browser', label: 'a Firefox password or cookie store' },
  { pattern: /cookies\.binarycookies$/, class: 'browser', label: 'Safari cookies' },

  { pattern: /(?:^|\/)exodus(?:\/|$)|exodus\.wallet/, class: 'wallet', label: 'an Exodus wallet' },
  { pattern: /(?:^|\/)\.?electrum\/(?:wallets|\*)|(?:^|\/)\.electrum\/?$/, class: 'wallet', label: 'an Electrum wallet' },
  // MetaMask, Phantom, Coinbase Wallet and TronLink extension ids.
  { pattern: /nkbihfbeogaeaoehlefnkodbefgpgknn|bfnaelmomeimhlpmgjnjophhpkkoljpa|hnfanknocfeofbddgcijnmhnfnkdnaad|ibnejdfjmmkpcnlpebklmnkoeoihofec/, class: 'wallet', label: 'a browser wallet extension store' },
  { pattern: /(?:^|\/)(?:\.ethereum|\.bitcoin|\.litecoin|\.monero|atomic)\/|(?:^|\/)keystore(?:\/|$)|wallet\.dat$|\.config\/solana\/id\.json$/, class: 'wallet', label: 'a crypto wallet or keystore' },

  { pattern: /library\/keychains(?:\/|$)|\.keychain(?:-db)?$|\.local\/share\/keyrings(?:\/|$)/, class: 'keychain', label: 'a keychain database' },

  { pattern: /^\/etc\/(?:g?shadow|master\.passwd|security\/opasswd)$|^\/etc\/ssl\/private(?:\/|$)|windows\/system32\/config\/(?:sam|system|security)$/, class: 'system-secret', label: 'system password hashes or private keys' },

  { pattern: /(?:^|\/)\.(?:bash|zsh|sh|python|node_repl|psql|mysql|sqlite|irb|lesshst|r)_?history$|(?:^|\/)\.histfile$|fish\/fish_history$|consolehost_history\.txt$/, class: 'history', label: 'shell or REPL history' },
];

// Paths repeat across facts and rules (every rule asks about the same reads): fold and classify
// each distinct spelling once. Bounded, so a hostile skill with endless distinct paths only evicts.
const maxCached = 4096;
const normalised = new Map<string, string>();
const classified = new Map<string, SensitivePath | null>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= maxCached) cache.clear();
  cache.set(key, value);
  return value;
}

/** Folds a path as written into the form the table matches. */
export function normalisePath(path: string): string {
  return normalised.get(path) ?? remember(normalised, path, fold(path));
}

function fold(path: string): string {
  let p = path.trim().replace(/^["']|["']$/g, '').replace(/\\/g, '/').toLowerCase();
  p = p.replace(/^(?:\$\{?home\}?|\$env:userprofile|%userprofile%|%homepath%|\$\{?userprofile\}?)(?=\/|$)/, '~');
  p = p.replace(/^(?:%appdata%|\$env:appdata)/, '~/appdata/roaming').replace(/^(?:%localappdata%|\$env:localappdata)/, '~/appdata/local');
  return p.replace(/\/{2,}/g, '/');
}

/** The row a path falls under, or undefined when it holds no known secret. */
export function classifyPath(path: string): SensitivePath | undefined {
  const known = classified.get(path);
  if (known !== undefined) return known ?? undefined;
  const p = normalisePath(path);
  const row = p.endsWith('.pub') ? undefined : sensitivePaths.find((r) => r.pattern.test(p));
  return remember(classified, path, row ?? null) ?? undefined;
}
