// Runs a table of analyzer cases (python.test.ts, javascript.test.ts, manifest.test.ts): each case
// asserts the facts that must and must not come out, and the texts handed on to other analyzers.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Analyzer } from '../../../src/scan/types.ts';
import { collect, matches, strip, type Case } from './python-js-collect.ts';

export function runCases(analyzer: Analyzer, cases: readonly Case[], defaultFile: string): void {
  const names = new Set<string>();
  for (const c of cases) {
    assert.ok(!names.has(c.name), `duplicate case name ${c.name}`);
    names.add(c.name);
    assert.ok((c.facts?.length ?? 0) + (c.not?.length ?? 0) + (c.embedded?.length ?? 0) > 0, `case ${c.name} asserts nothing`);
    it(c.name, async () => {
      const got = await collect(analyzer, c.code, c.file ?? defaultFile);
      const shown = JSON.stringify(strip(got.facts), null, 1);
      for (const f of c.facts ?? []) assert.ok(got.facts.some((g) => matches(g, f)), `missing ${JSON.stringify(f)} in\n${shown}`);
      for (const f of c.not ?? []) assert.ok(!got.facts.some((g) => matches(g, f)), `unexpected ${JSON.stringify(f)} in\n${shown}`);
      for (const e of c.embedded ?? []) assert.ok(got.embedded.some((g) => matches(g, e)), `missing embedded ${JSON.stringify(e)} in ${JSON.stringify(got.embedded)}`);
    });
  }
}
