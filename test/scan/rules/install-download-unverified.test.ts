import { installDownloadUnverified } from '../../../src/scan/rules/install-download-unverified.ts';
import { testRule } from '../rule-tester.ts';
import { manifest } from './common/skills.ts';

const spec = (entry: object) => `metadata: ${JSON.stringify({ openclaw: { install: [entry] } })}`;

testRule(installDownloadUnverified, {
  valid: [
    { name: 'download with sha256', files: manifest(spec({ kind: 'download', url: 'https://github.com/acme/t/releases/download/v1/t.tgz', sha256: 'a'.repeat(64), bins: ['t'] })) },
    { name: 'brew formula', files: manifest(spec({ kind: 'brew', formula: 'jq', bins: ['jq'] })) },
    { name: 'node package', files: manifest(spec({ kind: 'node', package: 'notes-cli', bins: ['notes'] })) },
  ],
  invalid: [
    { name: 'github release without hash', files: manifest(spec({ kind: 'download', url: 'https://github.com/acme/t/releases/download/v1/t.tgz', bins: ['t'] })), errors: [{ messageId: 'unpinned', severity: 'medium' }] },
    { name: 'raw IP without hash', files: manifest(spec({ kind: 'download', url: 'http://198.51.100.12/t.zip', bins: ['t'] })), errors: [{ messageId: 'hostile', severity: 'high' }] },
    { name: 'paste host without hash', files: manifest(spec({ kind: 'download', url: 'https://transfer.sh/abc/t.zip', bins: ['t'] })), errors: [{ messageId: 'hostile' }] },
  ],
});
