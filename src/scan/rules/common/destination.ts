// Where a network operation goes, judged for exfiltration: a local address, a destination the user
// configures (a declared env var, an address variable like `$API_BASE_URL`, the repository's own
// git remote), the secret's own API, a host the skill declares or is about, a known drop box, a
// raw IP, or somewhere unknown.

import { memoized } from '../../../core/memo.ts';
import type { FactOf } from '../../facts.ts';
import type { FactIndex, SkillInfo } from '../../types.ts';
import { exfilSinkOf, hostMatchesAny, secretOwners, type SinkClass } from './hosts.ts';
import { isRelatedHost } from './related-hosts.ts';

export type DestinationKind = 'local' | 'user-configured' | 'declared' | 'exfil-sink' | 'raw-ip' | 'unknown';

export interface Destination {
  kind: DestinationKind;
  /** Host, or the variable the destination comes from, for messages. */
  label: string;
  host?: string;
  sinkClass?: SinkClass;
  /** The env var the destination is read from, when it is one. */
  variable?: string;
}

const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function isIpLiteral(host: string): boolean {
  return ipv4.test(host) || /^\[?[0-9a-f:]+:[0-9a-f:]*\]?$/i.test(host);
}

/**
 * Loopback, private and link-local-free ranges. Documentation ranges (192.0.2.0/24 …) are public on
 * purpose: defanged samples use them in place of real attacker addresses. 169.254.169.254 (cloud
 * metadata, where instance credentials live) is not local either.
 */
export const isLocalHost = memoized((host: string): boolean => {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1' || h === '0.0.0.0' || h === 'host.docker.internal') return true;
  const m = ipv4.exec(h);
  if (!m) return /^f[cd][0-9a-f]{2}:/.test(h);
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}, 20_000);

/** The env var a destination is read from: `$X`, `${X}`, `$env:X`, `process.env.X`, `os.environ["X"]`, `os.getenv("X")`. */
export function variableOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /^\s*["']?(?:\$\{?|\$env:|%)([A-Za-z_]\w*)/.exec(text)
    ?? /(?:process\.env\.|process\.env\[["']|environ(?:\.get)?\(?\[?["']|getenv\(["'])([A-Za-z_]\w*)/.exec(text);
  return m?.[1];
}

export function hostOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host || undefined;
  } catch {
    return undefined;
  }
}

/** Last words of env var names that configure something rather than hold a credential. */
const settingSuffix = new Set([
  'ID', 'IDS', 'URL', 'URLS', 'URI', 'HOST', 'HOSTNAME', 'PORT', 'REGION', 'ZONE', 'ORG', 'ORGANIZATION', 'NAME', 'PATH',
  'DIR', 'FILE', 'ENDPOINT', 'DOMAIN', 'TENANT', 'PROJECT', 'EMAIL', 'USER', 'USERNAME', 'TYPE', 'MODE', 'VERSION',
  'MODEL', 'TIMEOUT', 'TTL', 'EXPIRY', 'EXPIRES', 'HEADER', 'SCOPE', 'SCOPES', 'ENABLED', 'PREFIX', 'TOKENS', 'LIMIT',
  'COUNT', 'SIZE', 'LENGTH', 'FORMAT', 'LOCATION', 'ENV', 'ENVIRONMENT',
]);

/**
 * Env var names that hold secrets by convention: a credential word (TOKEN, SECRET, PASSWORD,
 * CREDENTIAL, COOKIE, PRIVATE, KEY, PAT, AUTH, PASS). A name that ends in a setting word is the
 * thing's address or identity, not its secret (`SESSION_ID`, `OAUTH_TOKEN_URL`, `MAX_TOKENS`,
 * `GIT_AUTHOR_NAME`), except the AWS key id, which always travels with its secret.
 */
export const isSecretEnvName = memoized((name: string): boolean => {
  const n = name.toUpperCase();
  if (/ACCESS_KEY_ID$/.test(n)) return true;
  const words = n.split(/[^A-Z0-9]+/).filter(Boolean);
  if (words.length > 1 && settingSuffix.has(words[words.length - 1]!)) return false;
  if (/TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|COOKIE|PRIVATE/.test(n)) return true;
  return words.some((w, i) => w === 'KEY' || w === 'APIKEY' || w === 'PAT' || w === 'AUTH' || w === 'PASS' || (w === 'PWD' && i > 0));
}, 20_000);

/** Env var names that hold where to connect (`API_BASE_URL`, `COOLIFY_HOST`, `SERVER`). */
export function isAddressEnvName(name: string): boolean {
  return /(?:^|_)(?:URL|URI|HOST|HOSTNAME|ENDPOINT|BASE|DOMAIN|SERVER|ORIGIN|API)$/i.test(name) || /BASE_?URL/i.test(name);
}

/**
 * The env var is sent to the API it belongs to: a row of `secretOwners`, or a host with a label
 * that names the variable's vendor (`TAVILY_API_KEY` → api.tavily.com). `guess: false` keeps to the
 * table: a drop box named like the variable (`WEBHOOK_TOKEN` → webhook.site) is not its API.
 */
export function isOwnApiHost(envName: string, host: string, guess = true): boolean {
  const { ownerHosts, vendor: v } = secretOwnerOf(envName);
  if (hostMatchesAny(host, ownerHosts)) return true;
  if (!guess || v === undefined) return false;
  // `OPENWEATHER_API_KEY` → api.openweathermap.org: one name may extend the other.
  return labelsOf(host).some((label) => label === v || (Math.min(label.length, v.length) >= 4 && (label.startsWith(v) || v.startsWith(label))));
}

/** Per env var name: the hosts of its rows in `secretOwners`, and the vendor word its name gives (lower case). */
const secretOwnerOf = memoized((envName: string): { ownerHosts: readonly string[]; vendor: string | undefined } => {
  const name = envName.toUpperCase();
  const ownerHosts = secretOwners.filter((row) => row.env.test(name)).flatMap((row) => row.hosts);
  const vendor = name.split('_').find((part) => part.length >= 3 && !/^(?:API|KEY|TOKEN|SECRET|ACCESS|APP|BOT|CLIENT|USER|AUTH)$/.test(part));
  return { ownerHosts, vendor: vendor?.toLowerCase() };
}, 20_000);

/** A host's labels before its last, lower case and without hyphens (`api.open-weather.example` → api, openweather). */
const labelsOf = memoized((host: string): readonly string[] => host.toLowerCase().split('.').slice(0, -1).map((raw) => raw.replace(/-/g, '')), 20_000);

/**
 * The host is the API of a credential the skill declares. Short-lived tokens minted at run time
 * from declared app keys (DingTalk, Feishu, WeCom access tokens) go to that same API under names the
 * skill cannot declare in advance (`$TOKEN`, `access_token`), so a secret sent there is the skill's
 * own business. Drop boxes never count, whatever a declared variable is called.
 */
export function isDeclaredApiHost(host: string, skill: SkillInfo): boolean {
  let known = declaredApiHosts.get(skill);
  if (!known) declaredApiHosts.set(skill, (known = new Map()));
  let answer = known.get(host);
  if (answer === undefined) {
    answer = !exfilSinkOf(host) && [...skill.declaredEnv].some((name) => isOwnApiHost(name, host));
    known.set(host, answer);
  }
  return answer;
}

/** Answers of `isDeclaredApiHost` per skill and host: the rules ask it of the same few hosts. */
const declaredApiHosts = new WeakMap<SkillInfo, Map<string, boolean>>();

const docHostsCache = new WeakMap<FactIndex, { skill: SkillInfo; hosts: ReadonlySet<string> }>();

/**
 * Hosts the skill names as its own: homepage and frontmatter URLs, hosts in the description, and
 * hosts of links in its documentation prose (not in code). Computed once per skill: a dozen rules ask.
 */
export function documentedHosts(facts: FactIndex, skill: SkillInfo): ReadonlySet<string> {
  const cached = docHostsCache.get(facts);
  if (cached && cached.skill === skill) return cached.hosts;
  const hosts = new Set(skill.declaredHosts);
  for (const u of facts.of('url')) {
    if (u.context.origin === 'prose' || u.context.origin === 'frontmatter') hosts.add(u.host.toLowerCase());
  }
  for (const m of skill.description.matchAll(/\b((?:[a-z0-9-]+\.)+[a-z]{2,})\b/gi)) hosts.add(m[1]!.toLowerCase());
  docHostsCache.set(facts, { skill, hosts });
  return hosts;
}

/** Judges where a network fact or sink goes. */
export function judgeDestination(
  target: { host?: string; url?: string; protocol?: string },
  skill: SkillInfo,
  docHosts: ReadonlySet<string>,
): Destination {
  const rawHost = target.host && !/[$%{(]/.test(target.host) ? target.host.toLowerCase() : undefined;
  const host = rawHost ?? hostOfUrl(target.url);
  if (!host) {
    // A `git push` to a named remote goes where the user's repository points.
    if (target.protocol === 'git' && !target.url && !target.host) return { kind: 'user-configured', label: "the repository's remote" };
    const variable = variableOf(target.host) ?? variableOf(target.url);
    // The environment says where to connect: the user's deployment, not a place the author chose
    // (a script that assigns the variable itself has it filled in by the analyzer).
    if (variable && (skill.declaredEnv.has(variable) || isAddressEnvName(variable))) return { kind: 'user-configured', label: `$${variable}`, variable };
    return { kind: 'unknown', label: variable ? `$${variable}` : (target.url ?? 'an unknown host'), variable };
  }
  if (isLocalHost(host)) return { kind: 'local', label: host, host };
  const sinkClass = exfilSinkOf(host, target.url);
  if (sinkClass) return { kind: 'exfil-sink', label: host, host, sinkClass };
  if (isIpLiteral(host)) return { kind: 'raw-ip', label: host, host };
  if (hostMatchesAny(host, docHosts) || isRelatedHost(host, skill, docHosts)) return { kind: 'declared', label: host, host };
  return { kind: 'unknown', label: host, host };
}

type DataSend = { fact: FactOf<'network'>; dest: Destination };
const sendsCache = new WeakMap<FactIndex, { skill: SkillInfo; docHosts: ReadonlySet<string>; sends: readonly DataSend[] }>();

/** Network facts that upload data, paired with where they go (computed once per skill and host set). */
export function dataSends(facts: FactIndex, skill: SkillInfo, docHosts: ReadonlySet<string>): readonly DataSend[] {
  const cached = sendsCache.get(facts);
  if (cached && cached.skill === skill && cached.docHosts === docHosts) return cached.sends;
  const sends = facts.of('network')
    .filter((n) => n.sendsData)
    .map((fact) => ({ fact, dest: judgeDestination(fact, skill, docHosts) }));
  sendsCache.set(facts, { skill, docHosts, sends });
  return sends;
}

/** A destination where nobody but the skill's author reads what arrives. */
export function isForeign(dest: Destination): boolean {
  return dest.kind === 'exfil-sink' || dest.kind === 'raw-ip' || dest.kind === 'unknown';
}

/**
 * `file:line` keys of sends to a chat-bot sink (Telegram bot API, Discord webhook) that carry a
 * declared secret env var: in the URL (`bot${TELEGRAM_BOT_TOKEN}`) or among the data the analyzer
 * traced into the request. That bot belongs to whoever configures the skill.
 */
export function ownBotLines(facts: FactIndex, skill: SkillInfo): Set<string> {
  const lines = new Set<string>();
  const declaredSecret = (name: string) => skill.declaredEnv.has(name) && isSecretEnvName(name);
  for (const n of facts.of('network')) {
    const host = n.host ?? hostOfUrl(n.url);
    if (!host || exfilSinkOf(host, n.url) !== 'chat-bot') continue;
    const inUrl = [...(n.url ?? '').matchAll(/\$\{?([A-Za-z_]\w*)/g)].some((m) => declaredSecret(m[1]!));
    const traced = (n.dataSources ?? []).some((s) => s.kind === 'env' && declaredSecret(s.name));
    if (inUrl || traced) lines.add(`${n.file}:${n.line}`);
  }
  return lines;
}
