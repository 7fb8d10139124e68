// The secret-printer table (common/secret-commands.ts), including the quick look at the program
// name that answers most command lines: every spelling a pattern accepts (a path, `.exe`, a word
// boundary after the name) must still reach the patterns, and other programs must print nothing.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secretPrinted } from '../../../src/scan/analyzers/common/index.ts';

const cases: [string, string][] = [
  ['gh auth token', 'file:~/.config/gh/hosts.yml'],
  ['/usr/local/bin/gh auth status --show-token', 'file:~/.config/gh/hosts.yml'],
  ['GCLOUD auth print-access-token', 'file:~/.config/gcloud/credentials.db'],
  ['aws configure get aws_secret_access_key', 'file:~/.aws/credentials'],
  ['kubectl config view --raw', 'file:~/.kube/config'],
  ['docker-credential-desktop get', 'file:~/.docker/config.json'],
  ['security find-generic-password -w -s x', 'keychain'],
  ['C:\\Windows\\System32\\cmdkey.exe /list', 'keychain'],
  ['netsh.exe wlan show profile name=x key=clear', 'keychain'],
  ['pbpaste', 'clipboard'],
  ['pbpaste.exe', 'clipboard'],
  ['xclip-copyfile -selection c -o', 'clipboard'],
  ['pwsh-preview -c Get-Clipboard', 'clipboard'],
  ['ghost auth token', ''],
  ['gh repo list', ''],
  ['echo gh auth token', ''],
  ['curl -s https://example.com', ''],
  ['', ''],
];

describe('common/secret-commands', () => {
  for (const [line, expected] of cases) {
    it(`${JSON.stringify(line)} prints ${expected || 'no secret'}`, () => {
      const found = secretPrinted(line.split(' ')).map((s) => (s.kind === 'file' ? `file:${s.path}` : s.kind));
      assert.deepEqual(found, expected ? [expected] : []);
    });
  }
});
