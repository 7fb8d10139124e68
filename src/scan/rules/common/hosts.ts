// Host knowledge as data: where stolen data is usually sent, which vendors publish official
// `curl | sh` installers, and which API a secret env var belongs to. A row matches a host when the
// host equals it or ends with `.` + it; `pathPrefix` narrows rows whose host also serves harmless
// content (discord.com is a chat app, discord.com/api/webhooks is a drop box).

import { memoized } from '../../../core/memo.ts';

export type SinkClass = 'webhook' | 'paste' | 'file-drop' | 'tunnel' | 'shortener' | 'chat-bot' | 'oast' | 'dynamic-dns';

export interface HostRow {
  host: string;
  pathPrefix?: string;
}

export interface SinkRow extends HostRow {
  class: SinkClass;
}

/** Services that accept arbitrary data from anyone and let the attacker read it back. */
export const exfilSinks: readonly SinkRow[] = [
  { host: 'webhook.site', class: 'webhook' },
  { host: 'requestbin.com', class: 'webhook' },
  { host: 'requestbin.net', class: 'webhook' },
  { host: 'requestcatcher.com', class: 'webhook' },
  { host: 'pipedream.net', class: 'webhook' },
  { host: 'm.pipedream.net', class: 'webhook' },
  { host: 'hookbin.com', class: 'webhook' },
  { host: 'beeceptor.com', class: 'webhook' },
  { host: 'mockbin.org', class: 'webhook' },
  { host: 'postb.in', class: 'webhook' },
  { host: 'ptsv2.com', class: 'webhook' },
  { host: 'ptsv3.com', class: 'webhook' },
  { host: 'webhook.cool', class: 'webhook' },
  { host: 'typedwebhook.tools', class: 'webhook' },
  { host: 'discord.com', pathPrefix: '/api/webhooks', class: 'chat-bot' },
  { host: 'discordapp.com', pathPrefix: '/api/webhooks', class: 'chat-bot' },
  { host: 'api.telegram.org', class: 'chat-bot' },
  { host: 'pastebin.com', class: 'paste' },
  { host: 'paste.ee', class: 'paste' },
  { host: 'hastebin.com', class: 'paste' },
  { host: 'ghostbin.com', class: 'paste' },
  { host: 'dpaste.com', class: 'paste' },
  { host: 'dpaste.org', class: 'paste' },
  { host: 'rentry.co', class: 'paste' },
  { host: 'glot.io', class: 'paste' },
  { host: 'ix.io', class: 'paste' },
  { host: 'sprunge.us', class: 'paste' },
  { host: 'termbin.com', class: 'paste' },
  { host: 'paste.rs', class: 'paste' },
  { host: 'transfer.sh', class: 'file-drop' },
  { host: 'file.io', class: 'file-drop' },
  { host: '0x0.st', class: 'file-drop' },
  { host: 'temp.sh', class: 'file-drop' },
  { host: 'bashupload.com', class: 'file-drop' },
  { host: 'catbox.moe', class: 'file-drop' },
  { host: 'litterbox.catbox.moe', class: 'file-drop' },
  { host: 'gofile.io', class: 'file-drop' },
  { host: 'anonfiles.com', class: 'file-drop' },
  { host: 'ngrok.io', class: 'tunnel' },
  { host: 'ngrok-free.app', class: 'tunnel' },
  { host: 'ngrok.app', class: 'tunnel' },
  { host: 'trycloudflare.com', class: 'tunnel' },
  { host: 'loca.lt', class: 'tunnel' },
  { host: 'localtunnel.me', class: 'tunnel' },
  { host: 'serveo.net', class: 'tunnel' },
  { host: 'localhost.run', class: 'tunnel' },
  { host: 'lhr.life', class: 'tunnel' },
  { host: 'pinggy.link', class: 'tunnel' },
  { host: 'bit.ly', class: 'shortener' },
  { host: 'tinyurl.com', class: 'shortener' },
  { host: 'is.gd', class: 'shortener' },
  { host: 't.ly', class: 'shortener' },
  { host: 'rb.gy', class: 'shortener' },
  { host: 'cutt.ly', class: 'shortener' },
  { host: 'shorturl.at', class: 'shortener' },
  { host: 'oast.fun', class: 'oast' },
  { host: 'oast.pro', class: 'oast' },
  { host: 'oast.me', class: 'oast' },
  { host: 'interact.sh', class: 'oast' },
  { host: 'burpcollaborator.net', class: 'oast' },
  { host: 'canarytokens.com', class: 'oast' },
  { host: 'dnslog.cn', class: 'oast' },
  { host: 'ceye.io', class: 'oast' },
  { host: 'duckdns.org', class: 'dynamic-dns' },
  { host: 'no-ip.org', class: 'dynamic-dns' },
  { host: 'ddns.net', class: 'dynamic-dns' },
  { host: 'hopto.org', class: 'dynamic-dns' },
];

/**
 * Vendors whose documented installer is `curl … | sh` from their own domain. The path prefix keeps
 * a shared host (raw.githubusercontent.com) to the vendor's own repository.
 */
export const vendorInstallers: readonly HostRow[] = [
  { host: 'sh.rustup.rs' },
  { host: 'static.rust-lang.org' },
  { host: 'raw.githubusercontent.com', pathPrefix: '/homebrew/install/' },
  { host: 'raw.githubusercontent.com', pathPrefix: '/nvm-sh/nvm/' },
  { host: 'deno.land', pathPrefix: '/install' },
  { host: 'deno.land', pathPrefix: '/x/install' },
  { host: 'bun.sh', pathPrefix: '/install' },
  { host: 'astral.sh' },
  { host: 'ollama.com', pathPrefix: '/install' },
  { host: 'get.docker.com' },
  { host: 'install.python-poetry.org' },
  { host: 'get.pnpm.io' },
  { host: 'fnm.vercel.app' },
  { host: 'tailscale.com', pathPrefix: '/install' },
  { host: 'starship.rs', pathPrefix: '/install' },
  { host: 'sdk.cloud.google.com' },
  { host: 'deb.nodesource.com' },
  { host: 'rpm.nodesource.com' },
  { host: 'claude.ai', pathPrefix: '/install' },
  { host: 'openclaw.ai', pathPrefix: '/install' },
  { host: 'cli.moonbitlang.com' },
  { host: 'pixi.sh', pathPrefix: '/install' },
  { host: 'mise.run' },
  { host: 'get.helm.sh' },
  { host: 'raw.githubusercontent.com', pathPrefix: '/helm/helm/' },
  { host: 'opencode.ai', pathPrefix: '/install' },
  { host: 'foundry.paradigm.xyz' },
  { host: 'get.volta.sh' },
  { host: 'sh.uv.dev' },
  { host: 'railway.com', pathPrefix: '/install.sh' },
  { host: 'cli.github.com' },
];

/**
 * Secret env vars and the hosts of the API they belong to. `env` matches the variable's name. A
 * variable named after its vendor (`TAVILY_API_KEY` → api.tavily.com) is also matched by name in
 * `isOwnApiHost`, so this table lists only what that cannot infer.
 */
export const secretOwners: readonly { env: RegExp; hosts: readonly string[] }[] = [
  { env: /^(?:GITHUB|GH)_/, hosts: ['github.com', 'githubusercontent.com', 'api.github.com'] },
  { env: /^GITLAB_/, hosts: ['gitlab.com'] },
  { env: /^(?:OPENAI|AZURE_OPENAI)_/, hosts: ['openai.com', 'openai.azure.com'] },
  { env: /^(?:ANTHROPIC|CLAUDE)_/, hosts: ['anthropic.com'] },
  { env: /^(?:GOOGLE|GEMINI|GCP|GCLOUD)_/, hosts: ['googleapis.com', 'google.com'] },
  { env: /^(?:DINGTALK|DINGDING|DING)_/, hosts: ['dingtalk.com', 'dingtalkapps.com'] },
  { env: /^(?:FEISHU|LARK)_/, hosts: ['feishu.cn', 'larksuite.com', 'larkoffice.com'] },
  { env: /^(?:WECOM|WEWORK|WECHAT|WX)_/, hosts: ['weixin.qq.com', 'qyapi.weixin.qq.com'] },
  { env: /^(?:DASHSCOPE|QWEN|ALIBABA|ALIYUN|ALICLOUD)_/, hosts: ['aliyuncs.com', 'aliyun.com', 'dashscope.aliyuncs.com'] },
  { env: /^(?:HF|HUGGINGFACE|HUGGING_FACE)_/, hosts: ['huggingface.co', 'hf.co'] },
  { env: /^AWS_/, hosts: ['amazonaws.com'] },
  { env: /^(?:AZURE|ARM)_/, hosts: ['azure.com', 'microsoft.com', 'microsoftonline.com', 'windows.net'] },
  { env: /^(?:SLACK)_/, hosts: ['slack.com'] },
  { env: /^(?:DISCORD)_/, hosts: ['discord.com', 'discordapp.com'] },
  { env: /^(?:TELEGRAM|TG)_/, hosts: ['api.telegram.org'] },
  { env: /^(?:XAI|GROK)_/, hosts: ['x.ai'] },
  { env: /^(?:TWITTER|X)_/, hosts: ['twitter.com', 'x.com'] },
  { env: /^(?:MOONSHOT|KIMI)_/, hosts: ['moonshot.cn', 'moonshot.ai'] },
  { env: /^(?:ZHIPU|GLM|BIGMODEL)_/, hosts: ['bigmodel.cn'] },
  { env: /^(?:BAIDU|QIANFAN|ERNIE)_/, hosts: ['baidu.com', 'baidubce.com'] },
  { env: /^(?:TENCENT|HUNYUAN)_/, hosts: ['tencentcloudapi.com', 'tencent.com'] },
  { env: /^(?:SERP|SERPAPI)_/, hosts: ['serpapi.com'] },
  { env: /^BRAVE_/, hosts: ['search.brave.com', 'brave.com'] },
  { env: /^(?:ATLASSIAN|JIRA|CONFLUENCE)_/, hosts: ['atlassian.net', 'atlassian.com'] },
];

/** The host as the rows spell hosts: lower case, without a trailing dot. */
export const foldHost = memoized((host: string) => host.toLowerCase().replace(/\.$/, ''), 20_000);

/** True when `host` is `row` or a subdomain of it. */
export function hostMatches(host: string, rowHost: string): boolean {
  const h = foldHost(host);
  return h === rowHost || h.endsWith('.' + rowHost);
}

/** True when `host` is one of `rowHosts` or a subdomain of one. */
export function hostMatchesAny(host: string, rowHosts: Iterable<string>): boolean {
  const h = foldHost(host);
  for (const rowHost of rowHosts) if (h === rowHost || h.endsWith('.' + rowHost)) return true;
  return false;
}

const pathOf = memoized((url: string): string => {
  if (!url) return '/';
  try {
    // `curl -fsSL railway.com/install.sh`: curl reads a URL without a scheme as http(s).
    return new URL(/^[a-z][\w+.-]*:\/\//i.test(url) ? url : `https://${url}`).pathname.toLowerCase();
  } catch {
    return '/';
  }
}, 20_000);

/**
 * Per table, the rows whose host matches a host, path aside: the same few hosts recur across the
 * facts and rules of a skill, and most match no row at all, whatever their path.
 */
const rowsOfHost = new Map<readonly HostRow[], (host: string) => readonly HostRow[]>();
const none: readonly HostRow[] = [];

function findRow<T extends HostRow>(rows: readonly T[], host: string, url?: string): T | undefined {
  let rowsOf = rowsOfHost.get(rows);
  if (!rowsOf) {
    rowsOf = memoized((host: string) => {
      const h = foldHost(host);
      const matching = rows.filter((r) => h === r.host || h.endsWith('.' + r.host));
      return matching.length > 0 ? matching : none;
    }, 20_000);
    rowsOfHost.set(rows, rowsOf);
  }
  const matching = rowsOf(host) as readonly T[];
  if (matching.length === 0) return undefined;
  // Parse the URL only for a row with a path; no URL reads as an empty one.
  return matching.find((r) => r.pathPrefix === undefined || pathOf(url ?? '').startsWith(r.pathPrefix));
}

/** The exfiltration sink class of a destination, or undefined. */
export function exfilSinkOf(host: string | undefined, url?: string): SinkClass | undefined {
  return host ? findRow(exfilSinks, host, url)?.class : undefined;
}

/** The URL is a vendor's official installer on its own domain. */
export function isVendorInstaller(host: string | undefined, url?: string): boolean {
  return host !== undefined && findRow(vendorInstallers, host, url) !== undefined;
}
