import { dynamicEval } from '../../../src/scan/rules/dynamic-eval.ts';
import { testRule } from '../rule-tester.ts';
import { js, py, sh } from './common/skills.ts';

testRule(dynamicEval, {
  valid: [
    { name: 'ssh-agent init idiom', files: sh('eval "$(ssh-agent -s)"') },
    { name: 'brew shellenv idiom', files: sh('eval "$(/opt/homebrew/bin/brew shellenv)"') },
    { name: 'literal eval', files: py("x = eval('2 * 21')") },
    { name: 'json parse is not eval', files: js('const cfg = JSON.parse(text);') },
  ],
  invalid: [
    { name: 'eval of a variable in shell', files: sh('eval "$CMD"'), errors: [{ messageId: 'dynamic', severity: 'medium' }] },
    { name: 'python exec of a variable', files: py('code = open("plugin.py").read()\nexec(code)'), errors: [{ messageId: 'dynamic' }] },
    { name: 'new Function of a variable', files: js('const f = new Function(src);\nf();'), errors: [{ messageId: 'dynamic' }] },
  ],
});
