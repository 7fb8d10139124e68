import { testRule } from '../rule-tester.ts';
import { unpinnedInstall } from '../../../src/scan/rules/unpinned-install.ts';

const skill = (body: string) => ({ 'SKILL.md': `---\nname: helper\ndescription: Helps with tasks.\n---\n\n${body}\n` });

testRule(unpinnedInstall, {
  valid: [
    { name: 'pinned pip', files: skill('```bash\npip install requests==2.32.3\n```') },
    { name: 'pinned npm', files: skill('```bash\nnpm install lodash@4.17.21\n```') },
    { name: 'brew is not a registry package here', files: skill('```bash\nbrew install jq\n```') },
  ],
  invalid: [
    { name: 'example in a reference guide is info', files: { ...skill('See references/setup.md.'), 'references/setup.md': '# Setup\n\n```bash\nnpm install tsup\n```\n' }, errors: [{ messageId: 'unpinned', severity: 'info', file: 'references/setup.md' }] },
    { name: 'script in the skill stays low', files: { ...skill('Run setup.sh.'), 'setup.sh': 'pip install requests\n' }, errors: [{ messageId: 'unpinned', severity: 'low', file: 'setup.sh' }] },
    { name: 'pip without version', files: skill('```bash\npip install requests\n```'), errors: [{ messageId: 'unpinned', severity: 'low' }] },
    { name: 'npm without version', files: skill('```bash\nnpm install axios\n```'), errors: [{ messageId: 'unpinned' }] },
    { name: 'inline pip', files: skill('Run `pip install pandas` first.'), errors: [{ messageId: 'unpinned' }] },
  ],
});
