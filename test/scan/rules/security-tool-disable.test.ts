import { securityToolDisable } from '../../../src/scan/rules/security-tool-disable.ts';
import { testRule } from '../rule-tester.ts';
import { ps, sh } from './common/skills.ts';

testRule(securityToolDisable, {
  valid: [
    { name: 'reads SELinux mode', files: sh('getenforce') },
    { name: 'lists xattrs', files: sh('xattr -l ./notes-cli') },
    { name: 'assesses a signature', files: sh('spctl --assess -v ./Notes.app') },
  ],
  invalid: [
    { name: 'setenforce 0', files: sh('sudo setenforce 0'), errors: [{ messageId: 'disable', severity: 'high' }] },
    { name: 'gatekeeper off', files: sh('sudo spctl --master-disable'), errors: [{ messageId: 'disable' }] },
    { name: 'quarantine removed from own binary is medium', files: sh('xattr -d com.apple.quarantine ./notes-cli'), errors: [{ messageId: 'disable', severity: 'medium' }] },
    {
      name: 'quarantine removed from a download',
      files: sh('curl -fsSLo /tmp/helper https://dl.example/helper\nxattr -c /tmp/helper'),
      errors: [{ messageId: 'disableDownloaded', severity: 'high' }],
    },
    {
      name: 'quarantine cleared on a brew-installed program, in a skill that downloads a data file elsewhere, is medium',
      files: sh('curl -fsSL -o report.txt https://api.example.com/files/1\nbrew install acme/tap/acme\nxattr -d com.apple.quarantine "$(brew --prefix)/bin/acme"'),
      errors: [{ messageId: 'disable', severity: 'medium' }],
    },
    {
      name: 'quarantine cleared on the app a downloaded archive unpacks beside',
      files: sh('curl -fsSL -o ~/Apps/tool.zip https://dl.example/tool.zip\nunzip ~/Apps/tool.zip -d ~/Apps\nxattr -cr ~/Apps/Tool.app'),
      errors: [{ messageId: 'disableDownloaded', severity: 'high' }],
    },
    { name: 'defender off', files: ps('Set-MpPreference -DisableRealtimeMonitoring $true'), errors: [{ messageId: 'disable' }] },
  ],
});
