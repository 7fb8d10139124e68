import { testRule } from '../rule-tester.ts';
import { extraIndexUrl } from '../../../src/scan/rules/extra-index-url.ts';

const skill = (body: string) => ({ 'SKILL.md': `---\nname: helper\ndescription: Helps with tasks.\n---\n\n${body}\n` });

testRule(extraIndexUrl, {
  valid: [
    { name: 'default index', files: skill('```bash\npip install requests==2.32.3\n```') },
    { name: 'explicit pypi', files: skill('```bash\npip install --index-url https://pypi.org/simple requests==2.32.3\n```') },
    { name: 'git source is not an index', files: skill('```bash\npip install git+https://github.com/psf/requests.git\n```') },
  ],
  invalid: [
    { name: 'internal name on an extra index', files: skill('```bash\npip install --extra-index-url https://pkgs.corp-mirror.example/simple acme-internal-utils\n```'), errors: [{ messageId: 'confusion', severity: 'high' }] },
    { name: 'package named after the index owner', files: { 'requirements.txt': '--extra-index-url https://pypi.acme-mirror.example/simple\nacme-warehouse-client>=0.1\n' }, errors: [{ messageId: 'confusion', severity: 'high' }] },
    { name: 'generic first word does not count as the owner', files: { 'requirements.txt': '--extra-index-url https://py.pkgs.example/simple\npy-spy>=0.3\n' }, errors: [{ messageId: 'custom', severity: 'medium' }] },
    { name: 'plain-http index', files: skill('```bash\npip install --index-url http://198.51.100.9/simple fastjson\n```'), errors: [{ messageId: 'confusion' }] },
    { name: 'custom https index', files: skill('```bash\npip install --extra-index-url https://download.pytorch.example/whl/cu121 torchaudio\n```'), errors: [{ messageId: 'custom', severity: 'medium' }] },
      {
      name: '.npmrc sends an internal-looking scope to another registry',
      files: { '.npmrc': '@acme-private:registry=https://npm.mirror.example/\n' },
      errors: [{ messageId: 'confusion', severity: 'high' }],
    },
    {
      name: 'pip.conf in the skill adds an extra index',
      files: { 'pip.conf': '[global]\nextra-index-url = https://pkgs.mirror.example/simple\n' },
      errors: [{ messageId: 'custom', severity: 'medium', line: 2 }],
    },
],
});
