// package.json: dependencies of every kind (pinned = exact version; git/URL/file/GitHub specs are a
// source) and lifecycle scripts that run on install, handed on to the shell analyzer.

import type { ManifestOut } from './manifest-out.ts';

const depFields = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies', 'bundledDependencies'];
const installHooks = ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish', 'preprepare', 'postprepare'];
const exactSemver = /^=?v?\d+\.\d+\.\d+(?:-[\w.-]+)?(?:\+[\w.-]+)?$/;

/** The non-registry source of a version spec, when it has one. */
export function npmSource(spec: string): string | undefined {
  if (/^(?:git\+|git:|github:|gitlab:|bitbucket:|gist:|https?:|file:|link:|ssh:)/i.test(spec)) return spec;
  if (/^[\w.-]+\/[\w.-]+(?:#.*)?$/.test(spec)) return `github:${spec}`;
  if (/^(?:\.{0,2}\/|~\/)/.test(spec)) return `file:${spec}`;
  return undefined;
}

export function readPackageJson(out: ManifestOut): void {
  let pkg: unknown;
  try {
    pkg = JSON.parse(out.text);
  } catch {
    return; // not JSON: nothing to report (the load step reports broken files)
  }
  if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg)) return;
  const record = pkg as Record<string, unknown>;
  for (const field of depFields) {
    const deps = record[field];
    const fieldLine = out.lineOf(`"${field}"`);
    if (Array.isArray(deps)) {
      for (const name of deps) if (typeof name === 'string') out.dependency(out.lineOf(`"${name}"`, fieldLine), 'npm', name, undefined, false);
      continue;
    }
    if (typeof deps !== 'object' || deps === null) continue;
    for (const [name, spec] of Object.entries(deps as Record<string, unknown>)) {
      if (typeof spec !== 'string') continue;
      const alias = /^npm:((?:@[^/]+\/)?[^@]+)@?(.*)$/.exec(spec);
      const version = alias ? alias[2]! : spec;
      const source = alias ? undefined : npmSource(spec);
      const pinned = exactSemver.test(version.trim()) || (source !== undefined && /#[0-9a-f]{40}$/i.test(source));
      out.dependency(out.lineOf(`"${name}"`, fieldLine), 'npm', alias ? alias[1]! : name, version, pinned, source);
    }
  }
  const scripts = record.scripts;
  if (typeof scripts !== 'object' || scripts === null) return;
  const scriptsLine = out.lineOf('"scripts"');
  for (const hook of installHooks) {
    const command = (scripts as Record<string, unknown>)[hook];
    if (typeof command === 'string') out.hook(out.lineOf(`"${hook}"`, scriptsLine), 'npm', hook, command);
  }
}
