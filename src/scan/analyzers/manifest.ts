// The manifest analyzer: package manifests (package.json, requirements*.txt/.in, pyproject.toml,
// Pipfile, setup.cfg, go.mod, Gemfile, Cargo.toml) to dependency and install-hook facts. setup.py is
// Python and goes to the Python analyzer, which reports its cmdclass hooks.

import type { Analyzer, AnalyzeInput, AnalyzerSink } from '../types.ts';
import { readPackageJson } from './manifest-npm.ts';
import { readNpmConfig, readPythonIndexConfig } from './manifest-config.ts';
import { readCargo, readGemfile, readGoMod } from './manifest-other.ts';
import { ManifestOut } from './manifest-out.ts';
import { readPyproject, readRequirements, readSetupCfg } from './manifest-python.ts';

const maxInput = 2_000_000;

const readers: [RegExp, (out: ManifestOut) => void][] = [
  [/^package\.json$/, readPackageJson],
  [/^requirements[\w.-]*\.(?:txt|in)$|^constraints[\w.-]*\.txt$/, readRequirements],
  [/^pyproject\.toml$|^pipfile$/, readPyproject],
  [/^setup\.cfg$/, readSetupCfg],
  [/^go\.mod$/, readGoMod],
  [/^gemfile$/, readGemfile],
  [/^cargo\.toml$/, readCargo],
  [/^\.npmrc$|^\.yarnrc(?:\.yml)?$/, readNpmConfig],
  [/^pip\.(?:conf|ini)$|^uv\.toml$/, readPythonIndexConfig],
];

export const manifestAnalyzer: Analyzer = {
  lang: 'manifest',
  analyze(input: AnalyzeInput, sink: AnalyzerSink): void {
    if (input.text.length > maxInput) return;
    const base = input.file.split('/').pop()!.toLowerCase();
    const reader = readers.find(([pattern]) => pattern.test(base))?.[1];
    reader?.(new ManifestOut(input.text, sink));
  },
};
