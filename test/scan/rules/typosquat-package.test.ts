import { testRule } from '../rule-tester.ts';
import { typosquatPackage } from '../../../src/scan/rules/typosquat-package.ts';

const mcp = (args: string) => ({ '.mcp.json': `{"mcpServers": {"s": {"command": "npx", "args": [${args}]}}}\n` });
const skill = (body: string) => ({ 'SKILL.md': `---\nname: helper\ndescription: Helps with tasks.\n---\n\n${body}\n` });

testRule(typosquatPackage, {
  valid: [
    { name: 'the real package', files: mcp('"-y", "clawhub"') },
    { name: 'a real near name', files: mcp('"preact"') },
    { name: 'unrelated name', files: mcp('"@modelcontextprotocol/server-git"') },
    { name: 'pip install of the real name', files: skill('```bash\npip install requests==2.32.3\n```') },
    { name: 'ordinary Gemfile', files: { Gemfile: 'source "https://rubygems.org"\ngem "rails", "7.1.3"\ngem "rake"\ngem "rspec"\n' } },
  ],
  invalid: [
    { name: 'known ClawHavoc look-alike', files: mcp('"-y", "cllawhub"'), errors: [{ messageId: 'known', severity: 'high' }] },
    { name: 'near miss of openclaw', files: mcp('"-y", "opnclaw"'), errors: [{ messageId: 'nearMiss', severity: 'medium' }] },
    { name: 'pip install reqeusts', files: skill('```bash\npip install reqeusts\n```'), errors: [{ messageId: 'nearMiss' }] },
    { name: 'npm i axois', files: skill('```bash\nnpm install axois\n```'), errors: [{ messageId: 'nearMiss' }] },
      {
      name: 'a swapped-letter pip dependency the script imports is high',
      files: { 'requirements.txt': 'pnadas==2.2.2\n', 'run.py': 'import pnadas as pd\n' },
      errors: [{ messageId: 'nearMiss', severity: 'high' }],
    },
    {
      name: 'two near misses in one package.json are high',
      files: { 'package.json': '{\n  "dependencies": {\n    "expres": "4.19.2",\n    "comander": "12.0.0"\n  }\n}\n' },
      errors: [{ messageId: 'nearMiss', severity: 'high' }, { messageId: 'nearMiss', severity: 'high' }],
    },
    { name: 'one unimported near miss stays medium', files: { 'requirements.txt': 'pyyalm==6.0.1\n' }, errors: [{ messageId: 'nearMiss', severity: 'medium' }] },
  { name: 'look-alike gem', files: { Gemfile: 'source "https://rubygems.org"\ngem "rai1s", "~> 7.1"\n' }, errors: [{ messageId: 'nearMiss' }] },
],
});
