import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isWardenError } from '../../src/core/index.ts';
import { allowEntry, buildEngineConfig, normalisePolicy, parseAllowedHost, workspaceFilesystem } from '../../src/sandbox/index.ts';
import { DEFAULT_LIMITS, resolveLimits } from '../../src/sandbox/limits.ts';
import { boxArgv, classifyExit, commandRlimits } from '../../src/sandbox/limits.ts';

test('parseAllowedHost: exact hosts, ports, IPv6; wildcards and URLs refused', () => {
  const cases: Array<[string, string]> = [
    ['api.example.com', 'api.example.com:443'],
    ['API.Example.com:8443', 'api.example.com:8443'],
    ['127.0.0.1:9000', '127.0.0.1:9000'],
    ['[::1]:80', '[::1]:80'],
  ];
  for (const [spec, entry] of cases) assert.equal(allowEntry(parseAllowedHost(spec)), entry);
  for (const bad of ['*.example.com', '*', 'https://x.example/', 'a:b', 'a:70000', '::1', 'user@host', '']) {
    assert.throws(() => parseAllowedHost(bad), (e: unknown) => isWardenError(e) && e.code === 'usage', bad);
  }
});

test('policy → engine config: deny by default, strict list, inspection on, plumbing re-allowed, no TMPDIR', () => {
  const policy = normalisePolicy({
    allowHosts: [{ host: 'a.example', port: 443 }],
    secrets: [{ env: 'TOKEN', name: 't', value: 'v', hosts: [{ host: 'api.example', port: 443 }] }],
  });
  assert.deepEqual(policy.allowHosts.map(allowEntry), ['a.example:443', 'api.example:443']);
  const filter = async () => ({ action: 'deny' });
  const cfg = buildEngineConfig(policy, { tmpDir: '/tmp/r', seccompDir: '/pkg/vendor/seccomp' }, filter);
  assert.equal(cfg.network.strictAllowlist, true);
  assert.equal(cfg.network.refuseOpaqueTunnels, true);
  assert.equal(cfg.network.requireHostMatch, true);
  assert.deepEqual(cfg.network.tlsTerminate, {});
  assert.equal(cfg.network.filterRequest, filter);
  assert.ok(cfg.network.deniedResolvedAddresses.includes('10.0.0.0/8'));
  assert.equal(cfg.filesystem.denyRead[0], '/');
  assert.ok(cfg.filesystem.denyRead.includes('/etc/shadow'));
  assert.ok(cfg.filesystem.allowRead.includes('/pkg/vendor/seccomp'));
  assert.ok(cfg.filesystem.allowRead.includes('/tmp/r/claude-*.sock'));
  assert.ok(!cfg.filesystem.allowRead.includes('/tmp/r'));
  assert.deepEqual(cfg.credentials.envVars, [{ name: 'TOKEN', mode: 'mask', injectHosts: ['api.example'] }]);
  const fs = workspaceFilesystem(cfg.filesystem, '/w/one');
  assert.deepEqual(fs.allowWrite, ['/w/one']);
  assert.ok(fs.allowRead.includes('/w/one'));
  assert.ok(fs.denyWrite.includes('/w/one/.bashrc') && fs.denyWrite.includes('/w/one/.git/hooks'));
});

test('policy: bad variable names, duplicates, empty secrets are refused', () => {
  const s = { name: 't', value: 'v', hosts: [{ host: 'h', port: 443 }] };
  assert.throws(() => normalisePolicy({ allowHosts: [], secrets: [{ ...s, env: '1BAD' }] }));
  assert.throws(() => normalisePolicy({ allowHosts: [], secrets: [{ ...s, env: 'A' }, { ...s, env: 'A' }] }));
  assert.throws(() => normalisePolicy({ allowHosts: [], secrets: [{ ...s, env: 'A', value: '' }] }));
  assert.throws(() => normalisePolicy({ allowHosts: [], secrets: [{ ...s, env: 'A', hosts: [] }] }));
});

test('limits: defaults, validation, the box prelude joins cgroups, commands get rlimits, exits are classified', () => {
  assert.deepEqual(resolveLimits({}), DEFAULT_LIMITS);
  assert.equal(resolveLimits({ wallTimeSec: 3 }).wallTimeSec, 3);
  assert.throws(() => resolveLimits({ memoryMb: -1 }));
  const argv = boxArgv('bwrap x', ['/cg/m/b1', '/cg/p/b1']);
  assert.equal(argv.at(-1), 'bwrap x');
  assert.match(argv[2]!, /echo \$\$ > '\/cg\/m\/b1\/cgroup.procs' \|\| exit 125\necho \$\$ > '\/cg\/p\/b1\/cgroup.procs' \|\| exit 125\nexec /);
  const rl = commandRlimits(DEFAULT_LIMITS, false);
  assert.deepEqual({ cpu: rl.cpu, nofile: rl.nofile, fsize: rl.fsize, core: rl.core, as: rl.as }, { cpu: 60, nofile: 1024, fsize: DEFAULT_LIMITS.workspaceBytes, core: 0, as: null });
  assert.ok(rl.nproc! > DEFAULT_LIMITS.processes);
  assert.equal(commandRlimits({ ...DEFAULT_LIMITS, memoryMb: 2 }, true).as, 2 * 1024 * 1024);
  const base = { exitCode: 137, signal: null, killedFor: null, oomKills: 0, pidsMaxEvents: 0 };
  assert.equal(classifyExit({ ...base, oomKills: 1 }), 'memory');
  assert.equal(classifyExit({ ...base, killedFor: 'wall-time', pidsMaxEvents: 3 }), 'processes');
  assert.equal(classifyExit({ ...base, exitCode: 152 }), 'cpu-time');
  assert.equal(classifyExit({ ...base, exitCode: 153 }), 'workspace-bytes');
  assert.equal(classifyExit({ ...base, killedFor: 'output' }), 'output');
  assert.equal(classifyExit({ ...base, exitCode: 1 }), null);
});
