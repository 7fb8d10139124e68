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
    { name: 'running a program named by a variable is low', files: sh('if "$TOOL_PATH" --version | grep -q "^4"; then echo ok; fi'), errors: [{ messageId: 'dynamic', severity: 'low' }] },
    { name: 'sourcing a config file named at run time is low', files: sh('source "$HOME/.config/tool.env"'), errors: [{ messageId: 'dynamic', severity: 'low' }] },
    { name: 'subprocess with a shell string stays medium', files: py('import subprocess\nsubprocess.run(cmd, shell=True)'), errors: [{ messageId: 'dynamic', severity: 'medium' }] },
    {
      name: 'eval in a reference example is one step lower',
      files: { 'SKILL.md': '---\nname: t\ndescription: d\n---\n\n# T\n', 'references/recipes.md': '# Recipes\n\n```python\nexec(compile(code, "<sandbox>", "exec"), env)\n```\n' },
      errors: [{ messageId: 'dynamic', severity: 'low' }],
    },
    { name: 'new Function of a variable', files: js('const f = new Function(src);\nf();'), errors: [{ messageId: 'dynamic' }] },
  ],
});
