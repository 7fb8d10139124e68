// URLs and hosts in code strings: absolute URLs (http, https, ws, wss, ftp, sftp, …), scp-style git
// remotes (`git@host:owner/repo`) and IP literals with a port (`203.0.113.7:4444`). Pure and total.

export interface UrlMatch {
  /** The URL as written (trailing punctuation trimmed); `git@host:path` and `ip:port` as written. */
  url: string;
  /** Lower-case host without brackets; may contain `$VAR` when the host is dynamic. */
  host: string;
  /** Lower-case scheme; `ssh` for `git@host:path`, `tcp` for a bare `ip:port`. */
  scheme: string;
  port?: number;
  /** Offset of the match in the searched text. */
  index: number;
}

const absolute = /\b([a-z][a-z0-9+.-]{1,15}):\/\/[^\s"'<>`|;(){}\\]+/gi;
const scpRemote = /(?<![\w.@/-])[a-z0-9_.-]+@([a-z0-9][a-z0-9.-]*\.[a-z]{2,}|\d{1,3}(?:\.\d{1,3}){3}):(?!\/\/)[\w.~/-]+/gi;
const ipPort = /(?<![\w.:/@-])(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})(?![\w.:])/g;
const networkSchemes = new Set(['http', 'https', 'ws', 'wss', 'ftp', 'ftps', 'sftp', 'ssh', 'git', 'tcp', 'udp', 'smtp', 'smtps', 'rsync', 'telnet', 'ldap', 'ldaps', 'gopher', 'dict', 'tftp', 'irc', 'mqtt', 'redis', 'socks5', 'socks4']);
const defaultPorts: Record<string, number> = { http: 80, https: 443, ws: 80, wss: 443, ftp: 21, sftp: 22, ssh: 22, git: 9418, smtp: 25, telnet: 23 };

const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The host is an IP address (v4, v6, or the decimal/hex single-number forms browsers accept). */
export function isIpLiteral(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  const m = ipv4.exec(h);
  if (m) return m.slice(1).every((part) => Number(part) <= 255);
  if (/^[0-9a-f]*:[0-9a-f:.]*$/i.test(h) && h.includes(':') && h.length >= 2) return true;
  return /^(?:0x[0-9a-f]{1,8}|\d{8,10})$/i.test(h);
}

/** The default port of a scheme, when it has one. */
export function defaultPort(scheme: string): number | undefined {
  return defaultPorts[scheme.toLowerCase()];
}

interface HostParts {
  host: string;
  port?: number;
  /** A port was written but is out of range: no default applies. */
  invalidPort?: boolean;
}

/** Host and port of `authority` (`user:pw@host:port`), tolerating `$VAR` hosts that `URL` rejects. */
function splitAuthority(authority: string): HostParts | undefined {
  const afterUser = authority.slice(authority.lastIndexOf('@') + 1);
  const bracketed = /^\[([^\]]*)\](?::(\d+))?$/.exec(afterUser);
  if (bracketed) return { host: bracketed[1]!.toLowerCase(), ...(bracketed[2] ? { port: Number(bracketed[2]) } : {}) };
  const m = /^([^:]*)(?::(\d*))?$/.exec(afterUser);
  if (!m || !m[1]) return undefined;
  const port = m[2] ? Number(m[2]) : undefined;
  if (port !== undefined && port > 65535) return { host: m[1].toLowerCase().replace(/\.$/, ''), invalidPort: true };
  return { host: m[1].toLowerCase().replace(/\.$/, ''), ...(port !== undefined ? { port } : {}) };
}

/**
 * Host of a URL, `git@host:path`, `host:port` or bare host, lower case without brackets; undefined
 * when there is none. Hosts written with variables (`http://$HOST/x`) come back as written.
 */
export function hostOf(url: string): string | undefined {
  return hostAndPortOf(url)?.host;
}

/** Host and explicit port (or the scheme's default) of anything `hostOf` accepts. */
export function hostAndPortOf(url: string): HostParts | undefined {
  const text = url.trim();
  const abs = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]*)/i.exec(text);
  if (abs) {
    const parts = splitAuthority(abs[2]!);
    if (!parts) return undefined;
    const port = parts.invalidPort ? undefined : (parts.port ?? defaultPort(abs[1]!));
    return port === undefined ? { host: parts.host } : { host: parts.host, port };
  }
  const scp = /^[\w.-]+@([\w.-]+):/.exec(text);
  if (scp) return { host: scp[1]!.toLowerCase(), port: 22 };
  if (!/^[\w.-]+$|^[\w.-]+:\d+$|^\[[0-9a-f:.]+\](?::\d+)?$/i.test(text)) return undefined;
  const parts = splitAuthority(text);
  return parts && { host: parts.host, ...(parts.port !== undefined ? { port: parts.port } : {}) };
}

function trimTail(url: string): string {
  return url.replace(/[.,;:!?'"\]]+$/, '');
}

/** Every URL, scp-style remote and `ip:port` in `text`, in order of appearance. */
export function findUrls(text: string): UrlMatch[] {
  const found: UrlMatch[] = [];
  const hasScheme = text.includes('://');
  if (hasScheme) {
    for (const m of text.matchAll(absolute)) {
      const scheme = m[1]!.toLowerCase();
      if (!networkSchemes.has(scheme)) continue;
      const url = trimTail(m[0]);
      const parts = hostAndPortOf(url);
      if (!parts || !parts.host) continue;
      found.push({ url, host: parts.host, scheme, index: m.index, ...(parts.port !== undefined ? { port: parts.port } : {}) });
    }
  }
  if (text.includes('@')) {
    for (const m of text.matchAll(scpRemote)) {
      if (covered(found, m.index)) continue;
      found.push({ url: trimTail(m[0]), host: m[1]!.toLowerCase(), scheme: 'ssh', port: 22, index: m.index });
    }
  }
  if (/\d:\d/.test(text)) {
    for (const m of text.matchAll(ipPort)) {
      if (covered(found, m.index) || !isIpLiteral(m[1]!)) continue;
      const port = Number(m[2]);
      if (port > 65535) continue;
      found.push({ url: m[0], host: m[1]!, scheme: 'tcp', port, index: m.index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

function covered(found: readonly UrlMatch[], index: number): boolean {
  return found.some((f) => index >= f.index && index < f.index + f.url.length);
}
