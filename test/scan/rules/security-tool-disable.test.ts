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
    { name: 'defender off', files: ps('Set-MpPreference -DisableRealtimeMonitoring $true'), errors: [{ messageId: 'disable' }] },
  ],
});
