// The host lookups remember answers (per host, per env var name, per skill) and skip work that
// cannot change them (a URL with one colon has no port). Each must answer exactly what the plain
// lookup answers, which is written out here: on hosts in mixed case, with trailing dots, IPv6
// brackets and look-alike suffixes, and URLs with user info, paths, tabs and no scheme.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDeclaredApiHost, isLocalHost, isOwnApiHost } from '../../../../src/scan/rules/common/destination.ts';
import { exfilSinks, exfilSinkOf, hostMatches, hostMatchesAny, isVendorInstaller, secretOwners, vendorInstallers, type HostRow } from '../../../../src/scan/rules/common/hosts.ts';
import { portOf } from '../../../../src/scan/rules/unusual-port.ts';
import type { SkillInfo } from '../../../../src/scan/types.ts';

function plainPath(url: string | undefined): string {
  if (!url) return '/';
  try {
    return new URL(/^[a-z][\w+.-]*:\/\//i.test(url) ? url : `https://${url}`).pathname.toLowerCase();
  } catch {
    return '/';
  }
}

function plainFind<T extends HostRow>(rows: readonly T[], host: string, url?: string): T | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  return rows.find((r) => (h === r.host || h.endsWith('.' + r.host)) && (r.pathPrefix === undefined || plainPath(url).startsWith(r.pathPrefix)));
}

function plainOwnApi(envName: string, host: string, guess = true): boolean {
  const name = envName.toUpperCase();
  const matches = (h: string) => {
    const folded = host.toLowerCase().replace(/\.$/, '');
    return folded === h || folded.endsWith('.' + h);
  };
  if (secretOwners.some((row) => row.env.test(name) && row.hosts.some(matches))) return true;
  if (!guess) return false;
  const vendor = name.split('_').find((part) => part.length >= 3 && !/^(?:API|KEY|TOKEN|SECRET|ACCESS|APP|BOT|CLIENT|USER|AUTH)$/.test(part));
  if (vendor === undefined) return false;
  const v = vendor.toLowerCase();
  return host.toLowerCase().split('.').slice(0, -1).some((raw) => {
    const label = raw.replace(/-/g, '');
    return label === v || (Math.min(label.length, v.length) >= 4 && (label.startsWith(v) || v.startsWith(label)));
  });
}

const rowHosts = [...exfilSinks, ...vendorInstallers].map((r) => r.host);
const hosts = [
  ...rowHosts.flatMap((h) => [h, h.toUpperCase(), `${h}.`, `api.${h}`, `x${h}`, `${h}.evil.example`]),
  'localhost', 'LOCALHOST.', 'app.localhost', '127.0.0.1', '[::1]', '::1', '10.0.0.8', '172.16.0.1', '172.32.0.1', '192.168.1.1',
  '192.0.2.10', '[fd12::1]', 'fc00:abcd::1', 'host.docker.internal', '0.0.0.0', 'api.tavily.com', 'API.OPENWEATHERMAP.ORG.',
  'api.open-weather.example', 'github.com.', 'raw.githubusercontent.com', 'gist.github.com', 'example.com', '', '.',
];
const paths = ['', '/', '/api/webhooks/1/x', '/API/Webhooks', '/install', '/install.sh', '/homebrew/install/HEAD/install.sh', '/x/install/'];
const urlsOf = (host: string) => [undefined, ...paths.map((p) => `https://${host}${p}`), `${host}/install.sh`, `http://user:pw@${host}:8080/install`, `ftp://${host}\t/install`];

test('drop-box and installer rows: the remembered answer is the plain search', () => {
  // Twice: the second round answers from memory.
  for (let round = 0; round < 2; round++) {
    for (const host of hosts) {
      for (const url of urlsOf(host)) {
        assert.equal(exfilSinkOf(host, url), plainFind(exfilSinks, host, url)?.class, `${host} ${url}`);
        assert.equal(isVendorInstaller(host, url), plainFind(vendorInstallers, host, url) !== undefined, `${host} ${url}`);
      }
      assert.equal(hostMatchesAny(host, rowHosts), rowHosts.some((r) => hostMatches(host, r)), host);
    }
  }
});

test('local hosts, own APIs and declared APIs: the remembered answer is the plain one', () => {
  const names = ['GITHUB_TOKEN', 'gh_pat', 'TAVILY_API_KEY', 'OPENWEATHER_API_KEY', 'API_KEY', 'X_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'WEBHOOK_TOKEN', 'TELEGRAM_BOT_TOKEN', 'OPEN_WEATHER_KEY'];
  const skill = { declaredEnv: new Set(['TAVILY_API_KEY', 'DINGTALK_APP_SECRET']) } as unknown as SkillInfo;
  for (let round = 0; round < 2; round++) {
    for (const host of hosts) {
      const h = host.toLowerCase().replace(/^\[|\]$/g, '');
      const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
      const local = h === 'localhost' || h.endsWith('.localhost') || h === '::1' || h === '0.0.0.0' || h === 'host.docker.internal' ||
        (ipv4 ? ['127', '10'].includes(ipv4[1]!) || (ipv4[1] === '172' && Number(ipv4[2]) >= 16 && Number(ipv4[2]) <= 31) || (ipv4[1] === '192' && ipv4[2] === '168') : /^f[cd][0-9a-f]{2}:/.test(h));
      assert.equal(isLocalHost(host), local, host);
      for (const name of names) {
        assert.equal(isOwnApiHost(name, host), plainOwnApi(name, host), `${name} ${host}`);
        assert.equal(isOwnApiHost(name, host, false), plainOwnApi(name, host, false), `${name} ${host} (no guess)`);
      }
      const declared = !plainFind(exfilSinks, host) && [...skill.declaredEnv].some((name) => plainOwnApi(name, host));
      assert.equal(isDeclaredApiHost(host, skill), declared, host);
    }
  }
});

test('a URL with one colon has no port: parsing finds none either', () => {
  const urls = [
    ...hosts.flatMap(urlsOf), 'example.com:4444', 'http://example.com:4444', 'http://[2001:db8::1]/x', 'http://[2001:db8::1]:4444/x',
    'http://example.com\n:4444/', 'http://example.com:\t4444/', 'http://u:p@example.com/', 'http://example.com/a:b', 'mailto:ops@example.com',
    'HTTP://EXAMPLE.COM:1337', '  http://example.com:9001  ', 'http:example.com', 'http:/\texample.com', '\u0000http://example.com',
  ];
  let shortcuts = 0;
  for (const url of urls) {
    if (url === undefined || url.indexOf(':') !== url.lastIndexOf(':')) continue;
    shortcuts++;
    assert.equal(portOf(url), undefined, url);
    let port = '';
    try {
      port = new URL(url).port;
    } catch {
      // Not a URL: no port either.
    }
    assert.equal(port, '', url);
  }
  assert.ok(shortcuts > 50);
  assert.equal(portOf('http://example.com:4444'), 4444);
  assert.equal(portOf('http://u:p@example.com:1337/x'), 1337);
  assert.equal(portOf('ldap://example.com:389'), undefined);
});
