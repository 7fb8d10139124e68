// Which hosts belong to what a skill is about. A vendor's skill talks to its vendor: `oo-brex` by
// OOMOL installs `cli.oomol.com` and links `static.oomol.com`; `deploy-coolify-cloud` calls
// `app.coolify.io`. A host is related to the skill when it shares a site (registrable domain) with
// a host the skill declares or links in its prose, or when that site is named after the skill.
// Shared platforms (github.com, *.github.io, vercel.app, …) never relate by site: anyone can own a
// page there, so only the exact host or the repository owner can tie them to a skill.

import type { SkillInfo } from '../../types.ts';
import { exfilSinkOf } from './hosts.ts';
import { memoized } from '../../../core/index.ts';

/** Digits and dots, or a colon: an address, which has no site. */
const isAddress = (host: string) => /^[\d.]+$/.test(host) || host.includes(':');

/** Second-level public suffixes seen in skills (country code registries). */
const twoLabelSuffixes = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'com.cn', 'net.cn', 'org.cn', 'gov.cn', 'edu.cn', 'com.au', 'net.au', 'org.au',
  'co.jp', 'ne.jp', 'or.jp', 'co.kr', 'or.kr', 'com.br', 'com.tw', 'com.hk', 'co.in', 'co.nz', 'com.sg', 'com.mx', 'co.za',
]);

/** Hosting platforms where each subdomain (or path) belongs to a different customer. */
const sharedPlatforms = [
  'github.io', 'githubusercontent.com', 'github.com', 'gitlab.io', 'gitlab.com', 'bitbucket.org', 'gitee.com',
  'vercel.app', 'netlify.app', 'pages.dev', 'workers.dev', 'herokuapp.com', 'fly.dev', 'onrender.com',
  'railway.app', 'up.railway.app', 'langgraph.app', 'azurewebsites.net', 'cloudfront.net', 'amazonaws.com',
  'appspot.com', 'web.app', 'firebaseapp.com', 'glitch.me', 'repl.co', 'replit.app', 'replit.dev', 'r2.dev',
  'surge.sh', 'deno.dev', 'blogspot.com', 'medium.com', 'notion.site', 'google.com', 'googleapis.com',
  'dropbox.com', 'npmjs.com', 'npmjs.org', 'pypi.org', 'huggingface.co', 'hf.space', 'modal.run', 'ngrok.dev',
];

/** The site a host belongs to: its registrable domain, or one label under a shared platform. */
// Remembered per host: the destination rules ask for the same hosts over and over.
export const siteOf = memoized(computeSite, 10_000);

function computeSite(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '').replace(/^\[|\]$/g, '');
  if (isAddress(h)) return h;
  const labels = h.split('.');
  const platform = sharedPlatforms.find((p) => h === p || h.endsWith('.' + p));
  if (platform) {
    const keep = platform.split('.').length + 1;
    return labels.slice(-keep).join('.');
  }
  const lastTwo = labels.slice(-2).join('.');
  return labels.slice(twoLabelSuffixes.has(lastTwo) ? -3 : -2).join('.');
}

function isPlatformSite(site: string): boolean {
  return sharedPlatforms.includes(site);
}

/** Words of skill names that say what a skill does, not whom it is for. */
const genericWords = new Set([
  'skill', 'skills', 'tool', 'tools', 'deploy', 'build', 'cloud', 'server', 'agent', 'agents', 'apps', 'with', 'init',
  'audit', 'helper', 'manager', 'client', 'code', 'data', 'using', 'user', 'open', 'auto', 'update', 'setup', 'test',
  'tests', 'docs', 'search', 'publish', 'package', 'project', 'api', 'cli', 'mcp', 'sdk', 'app', 'run', 'use', 'get',
  'web', 'http', 'remote', 'local', 'file', 'files', 'create', 'make', 'write', 'read', 'sync', 'send', 'upload', 'chat',
  'platform', 'service', 'services', 'connector', 'official', 'integration', 'workflow', 'workflows', 'task', 'tasks',
]);

/** Distinctive words of the skill's name (`deploy-coolify-cloud` → coolify). */
export function nameTokens(skill: SkillInfo): string[] {
  return skill.name.toLowerCase().split(/[^a-z0-9]+/).filter((t) => t.length >= 4 && !genericWords.has(t));
}

function namesSkill(site: string, tokens: readonly string[]): boolean {
  if (isPlatformSite(site) || site.split('.').length < 2) return false;
  // Whole label only: `coolify.io` names `deploy-coolify-cloud`, `clawhub-mirror.example` does not
  // name `clawhub-cli` (look-alike domains put the brand next to another word).
  const label = site.split('.')[0]!;
  return tokens.includes(label);
}

/**
 * The host is related to the skill: same site as a declared or documented host (never through a
 * shared platform), or a site named after the skill. Drop boxes and raw IPs never are.
 */
export function isRelatedHost(host: string, skill: SkillInfo, docHosts: ReadonlySet<string>): boolean {
  const h = host.toLowerCase();
  if (isAddress(h) || exfilSinkOf(h)) return false;
  const site = siteOf(h);
  if (!isPlatformSite(site)) {
    for (const d of docHosts) if (!exfilSinkOf(d) && !isAddress(d) && siteOf(d) === site) return true;
  }
  return namesSkill(site, nameTokens(skill));
}
