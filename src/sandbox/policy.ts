// Policy → engine configuration. Pure: no I/O, so the mapping is unit-tested on its own.
//
// The engine (@anthropic-ai/sandbox-runtime) is configured once per runner (one trust domain), so
// everything here is per runner: the allow-list, the secrets and the request filter. The per-run
// filesystem view (the workspace) is the only per-command part.

import { isIP } from 'node:net';
import { WardenError } from '../core/index.ts';
import type { AllowedHost, SecretGrant } from './types.ts';

/** Default port when `--allow HOST` names none: HTTPS. */
export const DEFAULT_PORT = 443;

/**
 * Parse `host[:port]` or `[v6]:port`. Exact names only: a wildcard lets the box choose labels the
 * proxy then resolves, which is a DNS side channel, so `*` is refused outright.
 */
export function parseAllowedHost(spec: string, where = '--allow'): AllowedHost {
  const text = spec.trim().toLowerCase();
  const bad = (why: string): never => {
    throw new WardenError('usage', `${where} "${spec}": ${why}. Example: ${where} api.example.com:443`, { spec });
  };
  if (text === '') bad('empty host');
  if (text.includes('*')) bad('wildcards are not allowed (list exact hosts; a wildcard is a DNS side channel)');
  if (/[/@?#\s]/.test(text)) bad('give a host and optional port, not a URL');
  let host: string;
  let portText: string | undefined;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) bad('unclosed "[" in an IPv6 address');
    host = text.slice(1, close);
    const rest = text.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) bad('expected ":PORT" after "]"');
    portText = rest === '' ? undefined : rest.slice(1);
    if (isIP(host) !== 6) bad('not an IPv6 address inside "[ ]"');
  } else {
    const colons = text.split(':').length - 1;
    if (colons > 1) bad('write an IPv6 address as [addr]:port');
    [host, portText] = colons === 1 ? (text.split(':') as [string, string]) : [text, undefined];
    if (isIP(host) === 0 && !/^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)*\.?$/.test(host)) {
      bad('not a valid host name');
    }
    host = host.replace(/\.$/, '');
  }
  let port = DEFAULT_PORT;
  if (portText !== undefined) {
    if (!/^\d{1,5}$/.test(portText)) bad('port must be a number');
    port = Number(portText);
    if (port < 1 || port > 65535) bad('port must be 1-65535');
  }
  return { host, port };
}

/** The engine's spelling of an allow entry: `host:port`, `[v6]:port`. */
export function allowEntry({ host, port }: AllowedHost): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}

export function sameHost(a: AllowedHost, b: AllowedHost): boolean {
  return a.host === b.host && a.port === b.port;
}

/** Private address space a permitted *name* must not resolve to (the engine adds loopback, link-local, metadata, own addresses). */
export const DENIED_RESOLVED_ADDRESSES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7'];

/** Files under /etc a command never needs and must not read. */
export const DENIED_ETC = ['/etc/shadow', '/etc/gshadow', '/etc/shadow-', '/etc/gshadow-', '/etc/ssh', '/etc/ssl/private', '/etc/sudoers', '/etc/sudoers.d'];

/** Workspace dotfiles a shell or tool may source or run; the box may not write them. */
export const WORKSPACE_DENY_WRITE = ['.bashrc', '.bash_profile', '.bash_login', '.profile', '.zshrc', '.zprofile', '.zshenv', '.inputrc', '.git/hooks', '.git/config', '.mcp.json', '.vscode', '.idea', '.npmrc', '.config/autostart'];

export interface RunnerPolicy {
  allowHosts: AllowedHost[];
  secrets: SecretGrant[];
}

/**
 * Validate and normalise a runner's policy: every secret host must also be reachable (it is added
 * to the allow-list), environment names must be plain identifiers, and no name is granted twice.
 */
export function normalisePolicy(policy: RunnerPolicy): RunnerPolicy {
  const allow: AllowedHost[] = [];
  const add = (h: AllowedHost) => {
    if (!allow.some((x) => sameHost(x, h))) allow.push({ host: h.host.toLowerCase(), port: h.port });
  };
  for (const h of policy.allowHosts) add(h);
  const seen = new Set<string>();
  for (const s of policy.secrets) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(s.env)) {
      throw new WardenError('usage', `secret variable "${s.env}": not a valid environment variable name. Example: --secret GITHUB_TOKEN=github`, { env: s.env });
    }
    if (seen.has(s.env)) throw new WardenError('usage', `secret variable "${s.env}" is granted twice; grant each variable once`, { env: s.env });
    seen.add(s.env);
    if (s.value === '') throw new WardenError('secret-store', `secret "${s.name}" is empty; set it again with \`warden secrets set ${s.name}\``, { name: s.name });
    if (s.hosts.length === 0) throw new WardenError('secret-store', `secret "${s.name}" is bound to no host; set it again with --host`, { name: s.name });
    for (const h of s.hosts) add(h);
  }
  return { allowHosts: allow, secrets: policy.secrets };
}

export interface EnginePaths {
  /** The runner's private TMPDIR (engine sockets, MITM CA). Never readable as a whole from the box. */
  tmpDir: string;
  /** The engine package's vendor/seccomp directory (apply-seccomp helper). */
  seccompDir: string;
  /** Warden's box launcher (box-launcher.py), readable in the box; without it no box starts. */
  launcherPath?: string;
}

/**
 * The engine configuration of one runner. `filterRequest` is Warden's egress decision; it is the
 * only place a request is allowed, so it is required. Everything unlisted is denied: no ask
 * callback, strictAllowlist, opaque tunnels refused, Host/SNI must match.
 */
export function buildEngineConfig(policy: RunnerPolicy, paths: EnginePaths, filterRequest: (request: Request, info?: unknown) => Promise<unknown>) {
  const hosts = policy.allowHosts.map(allowEntry);
  return {
    network: {
      allowedDomains: hosts,
      deniedDomains: [],
      strictAllowlist: true,
      deniedResolvedAddresses: DENIED_RESOLVED_ADDRESSES,
      tlsTerminate: {},
      refuseOpaqueTunnels: true,
      requireHostMatch: true,
      ambiguousRequestTarget: 'refuse' as const,
      filterRequest,
    },
    filesystem: {
      // The engine's own plumbing must be re-allowed under denyRead '/' (research §4.3): its seccomp
      // helper, the proxy bridge socket and the observer socket. Never the whole TMPDIR (CA key).
      denyRead: ['/', ...DENIED_ETC],
      allowRead: ['/usr', '/etc', paths.seccompDir, ...(paths.launcherPath ? [paths.launcherPath] : []), `${paths.tmpDir}/claude-*.sock`, `${paths.tmpDir}/srt-obs-*`],
      allowWrite: [],
      denyWrite: [],
    },
    credentials: {
      envVars: policy.secrets.map((s) => ({ name: s.env, mode: 'mask' as const, injectHosts: s.hosts.map((h) => h.host) })),
    },
  };
}

/** The per-command filesystem part: the workspace read-write, its dotfiles read-only. */
export function workspaceFilesystem(base: ReturnType<typeof buildEngineConfig>['filesystem'], workspace: string) {
  return {
    denyRead: base.denyRead,
    allowRead: [...base.allowRead, workspace],
    allowWrite: [workspace],
    denyWrite: WORKSPACE_DENY_WRITE.map((name) => `${workspace}/${name}`),
  };
}
