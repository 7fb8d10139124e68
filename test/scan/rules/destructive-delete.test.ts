import { destructiveDelete } from '../../../src/scan/rules/destructive-delete.ts';
import { testRule } from '../rule-tester.ts';
import { doc, ps, sh } from './common/skills.ts';

testRule(destructiveDelete, {
  valid: [
    { name: 'cleans the build folder', files: sh('rm -rf ./build') },
    { name: 'cleans a temp folder', files: sh('rm -rf "$TMPDIR/x"') },
    { name: 'removes its own cache', files: sh('rm -rf ~/.cache/notes-skill') },
    { name: 'its own cache folder through a variable', files: sh('CACHE="$HOME/.cache/notes-skill"\nrm -rf "$CACHE"') },
    { name: 'non-recursive rm of a file in home', files: sh('rm -f ~/notes.tmp') },
  ],
  invalid: [
    { name: 'rm -rf /', files: sh('rm -rf --no-preserve-root /'), errors: [{ messageId: 'remove', severity: 'critical' }] },
    { name: 'rm -rf $HOME', files: sh('rm -rf "$HOME"'), errors: [{ messageId: 'remove', severity: 'critical' }] },
    { name: 'rm -rf ~/Documents', files: sh('rm -rf ~/Documents'), errors: [{ messageId: 'remove', severity: 'high' }] },
    { name: 'home wiped through a variable, dotfiles too', files: sh('ROOT="${HOME}"\nrm -fr "${ROOT}"/.[!.]* 2>/dev/null'), errors: [{ messageId: 'remove', severity: 'critical' }] },
    { name: 'home folder spelled as a path through two variables', files: sh('base=$HOME\ndocs="$base/Documents"\nrm -r -f "$docs"'), errors: [{ messageId: 'remove', severity: 'high' }] },
    { name: 'shred the ssh folder', files: sh('shred -u ~/.ssh/*'), errors: [{ messageId: 'shred' }] },
    { name: 'in a teaching block it weighs less', files: doc('rm -rf ~/', { heading: 'Dangerous commands to never run' }), errors: [{ messageId: 'remove', severity: 'medium' }] },
    { name: 'powershell removes the user profile', files: ps('Remove-Item -Recurse -Force $env:USERPROFILE'), errors: [{ messageId: 'remove' }] },
  ],
});
