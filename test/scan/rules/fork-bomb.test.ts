import { forkBomb } from '../../../src/scan/rules/fork-bomb.ts';
import { testRule } from '../rule-tester.ts';
import { doc, sh } from './common/skills.ts';

testRule(forkBomb, {
  valid: [
    { name: 'a function that pipes to another', files: sh('f() { ls | grep x; }; f') },
    { name: 'background job', files: sh('sleep 10 &') },
    { name: 'a recursive function with a stop', files: sh('count() { [ "$1" -gt 0 ] && count $(($1-1)); }; count 3') },
  ],
  invalid: [
    { name: 'classic', files: sh(':(){ :|:& };:'), errors: [{ messageId: 'bomb', severity: 'critical' }] },
    { name: 'named', files: sh('bomb() { bomb | bomb & }; bomb'), errors: [{ messageId: 'bomb' }] },
    { name: 'in a teaching block', files: doc(':(){ :|:& };:', { heading: 'Examples of malicious commands' }), errors: [{ messageId: 'bomb', severity: 'medium' }] },
  ],
});
