// Network, socket and download facts of one shell command: curl/wget, raw sockets (nc, socat,
// /dev/tcp), remote shells and copies, DNS lookups, git and mail. Data flow fills `dataSources`.

import type { FactOf, Source } from '../facts.ts';
import { findUrls, hostAndPortOf, hostOf } from './common/index.ts';
import { flagValue, flagValues, hasFlag, operandsOf, type ShellCommand } from './shell-command.ts';
import { curlDataFlags, readsOf } from './shell-files.ts';
import { commandInput, substitutionOutput } from './shell-flow.ts';
import { dedupeSources, type ShellScan } from './shell-scan.ts';

type Protocol = NonNullable<FactOf<'network'>['protocol']>;
const shells = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'fish', 'pwsh', 'powershell', 'python', 'python3', 'perl', 'ruby', 'php']);
const curlValueFlags = new Set(['-d', '--data', '--data-binary', '--data-raw', '--data-ascii', '--data-urlencode', '--json', '-F', '--form', '-H', '--header', '-o', '--output', '-X', '--request', '-u', '--user', '-A', '--user-agent', '-e', '--referer', '-T', '--upload-file', '-x', '--proxy', '-b', '--cookie', '-c', '--cookie-jar', '--connect-timeout', '-m', '--max-time', '--retry', '-w', '--write-out', '--resolve', '--cacert', '--cert', '--key', '-K', '--config', '-r', '--range', '-C', '--interface', '--dns-servers', '-E', '--proto', '--retry-delay', '-Y', '-y']);
const wgetValueFlags = new Set(['-O', '--output-document', '-P', '--directory-prefix', '-o', '--output-file', '-U', '--user-agent', '--header', '--post-data', '--post-file', '--body-data', '--body-file', '--method', '-t', '--tries', '-T', '--timeout', '-e']);
const ncValueFlags = new Set(['-e', '-c', '-p', '-s', '-w', '-i', '-x', '-X', '-q', '-I', '-O', '-T', '-W']);
const sshValueFlags = new Set(['-p', '-i', '-l', '-o', '-F', '-L', '-R', '-D', '-J', '-b', '-c', '-E', '-m', '-O', '-Q', '-S', '-W', '-w', '-B', '-P']);

function protocolOf(scheme: string): Protocol {
  const s = scheme.toLowerCase();
  if (s === 'http' || s === 'https' || s === 'ftp') return s;
  if (s === 'ws' || s === 'wss') return 'ws';
  if (s === 'ftps' || s === 'sftp') return 'ftp';
  if (s === 'git' || s === 'ssh') return 'git';
  return 'other';
}

/** Everything a command's words and stdin carry. */
function carriedBy(scan: ShellScan, cmd: ShellCommand, withInput: boolean): Source[] {
  const out = cmd.argNodes.flatMap((n) => scan.wordSources(n, (inner) => substitutionOutput(scan, inner)));
  for (const path of readsOf(cmd)) out.push(...scan.fileSources(path));
  if (withInput) out.push(...commandInput(scan, cmd).sources);
  return dedupeSources(out);
}

function network(scan: ShellScan, cmd: ShellCommand, fields: Omit<FactOf<'network'>, 'kind' | 'file' | 'context' | 'evidence' | 'line' | 'dataSources'>, sources: Source[]): void {
  const fact = scan.fact({ kind: 'network', line: cmd.line, ...fields, ...(sources.length ? { dataSources: sources } : {}) });
  if (sources.length) scan.flow(cmd.line, sources, { kind: 'network', via: fields.via, ...(fact.host ? { host: fact.host } : {}), ...(fact.url ? { url: fact.url } : {}) });
}

/** An operand that starts with a variable holding the address: `$BASE/x`, `${API_URL:-https://…}/x`. */
const baseVariable = /^\$\{?[A-Za-z_]\w*(?::?[-=][^}]*)?\}?(?:[/?]|$)/;

function urlFields(raw: string): { url: string; host?: string; port?: number; protocol: Protocol } {
  const url = /^[a-z][\w+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  const scheme = /^([a-z][\w+.-]*):/i.exec(url)![1]!;
  const parts = hostAndPortOf(url);
  return { url: raw, ...(parts?.host ? { host: parts.host } : {}), ...(parts?.port !== undefined ? { port: parts.port } : {}), protocol: protocolOf(scheme) };
}

function curlLike(scan: ShellScan, cmd: ShellCommand): void {
  const { name, args } = cmd;
  const curl = name === 'curl';
  const urls = [...operandsOf(args, curl ? curlValueFlags : wgetValueFlags).map((i) => args[i]!), ...flagValues(args, new Set(['--url']))]
    .filter((a) => /^[a-z][\w+.-]*:\/\/|^[\w$-]+(?:\.[\w$-]+)+(?:[:/]|$)/i.test(a) || baseVariable.test(a));
  const data = curl
    ? flagValues(args, curlDataFlags).length + flagValues(args, new Set(['-F', '--form', '--form-string', '-T', '--upload-file'])).length > 0
    : flagValues(args, new Set(['--post-data', '--post-file', '--body-data', '--body-file'])).length > 0;
  let method = (curl ? flagValue(args, '-X', '--request') : flagValue(args, undefined, '--method'))?.toUpperCase();
  if (!method && curl && hasFlag(args, 'T', '--upload-file')) method = 'PUT';
  if (!method && data) method = 'POST';
  const stdinUsed = args.some((a) => a === '@-' || a === '-T' && args[args.indexOf(a) + 1] === '-' || /=@-$/.test(a)) || (curl && hasFlag(args, undefined, '--data-binary') && cmd.index > 0);
  const sources = carriedBy(scan, cmd, stdinUsed || data && cmd.index > 0);
  for (const raw of urls.length ? urls : ['']) {
    // `"$API_BASE_URL/v1/items"`: the address comes from a variable; keep it as written so rules
    // can tell which variable says where the request goes.
    const u = !raw ? undefined : baseVariable.test(raw) ? { url: raw } : urlFields(raw);
    const dynamicQuery = !!raw && /[?&=/].*\$|\$\(/.test(raw.replace(/^[^/]*\/\/[^/]*/, ''));
    const sendsData = data || method === 'POST' || method === 'PUT' || method === 'PATCH' || dynamicQuery;
    network(scan, cmd, { via: name, ...(u ?? {}), ...(method ? { method } : {}), sendsData }, sources);
    downloadOf(scan, cmd, raw, u && 'host' in u ? u.host : undefined);
  }
}

function downloadOf(scan: ShellScan, cmd: ShellCommand, url: string, host: string | undefined): void {
  const { name, args } = cmd;
  let path: string | undefined;
  if (name === 'curl') {
    path = flagValue(args, '-o', '--output');
    if (!path && hasFlag(args, 'O', '--remote-name')) path = url.replace(/[?#].*$/, '').split('/').pop() || undefined;
    if (!path) return;
  } else {
    const o = flagValue(args, '-O', '--output-document');
    if (o === '-' || /(?:^|\s)-\w*O-/.test(args.join(' '))) return;
    path = o ?? url.replace(/[?#].*$/, '').split('/').pop() ?? undefined;
    const dir = flagValue(args, '-P', '--directory-prefix');
    if (dir && path && !o) path = `${dir}/${path}`;
  }
  if (!path || path === '-' || path === '/dev/null') return;
  scan.fact({ kind: 'download', line: cmd.line, ...(url ? { url } : {}), ...(host ? { host } : {}), path });
  scan.downloads.set(path.replace(/^\.\//, ''), { ...(url ? { url } : {}), ...(host ? { host } : {}), line: cmd.line, verified: false });
}

function socketCommand(scan: ShellScan, cmd: ShellCommand): void {
  const { args } = cmd;
  const ops = operandsOf(args, ncValueFlags).map((i) => args[i]!);
  const listen = hasFlag(args, 'l', '--listen');
  const udp = hasFlag(args, 'u', '--udp');
  const execFlag = flagValue(args, '-e', '--exec') ?? flagValue(args, '-c', '--sh-exec');
  const host = listen ? undefined : ops.find((o) => !/^\d+$/.test(o));
  const portText = ops.find((o) => /^\d+$/.test(o)) ?? flagValue(args, '-p');
  const port = portText ? Number(portText) : undefined;
  const shellInPipe = cmd.stages.some((s) => s !== cmd && (shells.has(s.name) || s.name === 'mkfifo'));
  const interactive = !!execFlag || shellInPipe;
  scan.fact({ kind: 'socket', line: cmd.line, protocol: udp ? 'udp' : 'tcp', ...(host ? { host: host.toLowerCase() } : {}), ...(port !== undefined ? { port } : {}), ...(interactive ? { interactive } : {}), ...(listen ? { listen } : {}) });
  if (!listen && host) {
    const sendsInput = cmd.index > 0 || cmd.redirects.some((r) => r.op === '<') || !!cmd.herestring;
    network(scan, cmd, { via: cmd.name, host: host.toLowerCase(), ...(port !== undefined ? { port } : {}), protocol: udp ? 'udp' : 'tcp', sendsData: sendsInput || interactive }, carriedBy(scan, cmd, true));
  }
}

function socat(scan: ShellScan, cmd: ShellCommand): void {
  const interactive = cmd.args.some((a) => /^(?:exec|system):/i.test(a));
  for (const a of cmd.args) {
    const m = /^(tcp|udp|openssl|ssl)[46]?(-connect|-listen|-l)?:([^,]*)/i.exec(a);
    if (!m) continue;
    const listen = /listen|-l/i.test(m[2] ?? '');
    const [host, port] = listen ? [undefined, m[3]] : (() => { const i = m[3]!.lastIndexOf(':'); return [m[3]!.slice(0, i), m[3]!.slice(i + 1)]; })();
    const protocol = m[1]!.toLowerCase().startsWith('udp') ? 'udp' : 'tcp';
    scan.fact({ kind: 'socket', line: cmd.line, protocol, ...(host ? { host: host.toLowerCase() } : {}), ...(port && /^\d+$/.test(port) ? { port: Number(port) } : {}), ...(interactive ? { interactive } : {}), ...(listen ? { listen } : {}) });
    if (host) network(scan, cmd, { via: 'socat', host: host.toLowerCase(), ...(port && /^\d+$/.test(port) ? { port: Number(port) } : {}), protocol, sendsData: true }, carriedBy(scan, cmd, true));
  }
}

/** `/dev/tcp/H/P` and `/dev/udp/H/P` redirects, on any command. */
export function devTcp(scan: ShellScan, cmd: ShellCommand): void {
  for (const r of cmd.redirects) {
    const m = /^\/dev\/(tcp|udp)\/([^/]+)\/(\d+)/.exec(r.target);
    if (!m) continue;
    const protocol = m[1] as 'tcp' | 'udp';
    const host = m[2]!.toLowerCase();
    const port = Number(m[3]);
    const interactive = shells.has(cmd.name) || (r.op.includes('<') && r.op.includes('>')) || cmd.redirects.some((o) => o !== r && /^[0-2]$|^&[0-2]$/.test(o.target)) || cmd.name === 'exec';
    scan.fact({ kind: 'socket', line: cmd.line, protocol, host, port, ...(interactive ? { interactive } : {}) });
    const sends = r.op.includes('>');
    const sources = sends ? carriedBy(scan, cmd, true) : [];
    network(scan, cmd, { via: '/dev/' + protocol, host, port, protocol, sendsData: sends }, sources);
  }
}

function remoteSpecs(scan: ShellScan, cmd: ShellCommand): void {
  const { name, args } = cmd;
  const ops = operandsOf(args, sshValueFlags).map((i) => args[i]!);
  if (name === 'ssh' || name === 'telnet' || name === 'ftp' || name === 'sftp') {
    const target = ops[0];
    if (!target) return;
    const host = target.replace(/^.*@/, '').replace(/:.*$/, '').toLowerCase();
    const portText = name === 'telnet' ? ops[1] : flagValue(args, '-p') ?? flagValue(args, '-P');
    const sends = name === 'ssh' ? cmd.index > 0 || ops.length > 1 || hasFlag(args, 'R') : cmd.index > 0;
    network(scan, cmd, { via: name, host, ...(portText && /^\d+$/.test(portText) ? { port: Number(portText) } : {}), protocol: name === 'telnet' ? 'tcp' : name === 'ftp' ? 'ftp' : 'other', sendsData: sends }, carriedBy(scan, cmd, cmd.index > 0));
    return;
  }
  // scp / rsync: a remote destination uploads the local operands.
  const remote = ops.map((o) => /^(?:([\w.-]+)@)?([\w.-]+):(?!\/\/)/.exec(o) ?? /^rsync:\/\/([^/]*@)?([^/]+)/.exec(o));
  const last = remote.at(-1);
  const any = remote.find((r) => r);
  if (!any) return;
  network(scan, cmd, { via: name, host: any[2]!.toLowerCase(), protocol: 'other', sendsData: !!last }, last ? carriedBy(scan, cmd, false) : []);
}

function dns(scan: ShellScan, cmd: ShellCommand): void {
  const ops = operandsOf(cmd.args, new Set(['-t', '-p', '-q', '-c', '-x', '-type', '-port'])).map((i) => cmd.args[i]!);
  const server = ops.find((o) => o.startsWith('@'));
  const names = ops.filter((o) => !o.startsWith('@') && !/^[A-Z]+$/.test(o) && !/^-/.test(o));
  const name = names[0];
  if (!name) return;
  const nodeIndex = cmd.args.indexOf(name);
  const node = cmd.argNodes[nodeIndex];
  const sources = node ? scan.wordSources(node, (inner) => substitutionOutput(scan, inner)) : [];
  const dynamic = /\$/.test(name);
  network(scan, cmd, { via: cmd.name, host: name.toLowerCase(), protocol: 'dns', sendsData: dynamic, ...(server ? { url: server } : {}) }, dedupeSources(sources));
}

function git(scan: ShellScan, cmd: ShellCommand): void {
  const [sub, ...rest] = cmd.args.filter((a, i) => !(i === 0 && a === '-C'));
  const urlArg = rest.find((a) => findUrls(a).length > 0);
  const u = urlArg ? findUrls(urlArg)[0] : undefined;
  const base = { via: 'git ' + sub, protocol: 'git' as const, ...(u ? { url: u.url, host: u.host } : {}) };
  if (sub === 'push') network(scan, cmd, { ...base, sendsData: true }, []);
  else if (sub === 'remote' && rest[0] === 'add') network(scan, cmd, { ...base, sendsData: false }, []);
  else if ((sub === 'clone' || sub === 'fetch' || sub === 'pull') && u) network(scan, cmd, { ...base, sendsData: false }, []);
}

function mail(scan: ShellScan, cmd: ShellCommand): void {
  const rcpt = cmd.args.find((a) => /^[^@\s-][^@\s]*@[\w.-]+\.\w+$/.test(a));
  network(scan, cmd, { via: cmd.name, protocol: 'smtp', sendsData: true, ...(rcpt ? { host: hostOf(rcpt.replace(/^.*@/, '')) ?? rcpt } : {}) }, carriedBy(scan, cmd, true));
}

/** Emits the network-side facts of one command. */
export function networkFacts(scan: ShellScan, cmd: ShellCommand): void {
  switch (cmd.name) {
    case 'curl': case 'wget': return curlLike(scan, cmd);
    case 'nc': case 'ncat': case 'netcat': return socketCommand(scan, cmd);
    case 'socat': return socat(scan, cmd);
    case 'ssh': case 'telnet': case 'ftp': case 'sftp': case 'scp': case 'rsync': return remoteSpecs(scan, cmd);
    case 'dig': case 'nslookup': case 'host': case 'drill': return dns(scan, cmd);
    case 'git': return git(scan, cmd);
    case 'mail': case 'mailx': case 'sendmail': case 'mutt': case 'msmtp': return mail(scan, cmd);
    default: return undefined;
  }
}
