// common/tree-walk.ts childTextOfType: the same answer as `namedChildren.find(type)?.text`, for
// every named node of real scripts, and the cursor is left on the node it was asked about.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { childTextOfType, loadParser, walkNamed } from '../../../src/scan/analyzers/common/index.ts';

const scripts = [
  'echo "$HOME" ${TOKEN:-none} ${#ARR[@]} ${!ref} $1 "${X/a/b}"\n',
  'for f in *.txt; do cat "$f" | grep -e "${PATTERN}" > "$OUT/$f"; done\n',
  'x=$(curl -s "https://example.com/$PATH_PART?q=${Q}")\ncat <<EOF\n$BODY\nEOF\n',
  'if [[ $A == "b" ]]; then exit; fi # $COMMENTED\n',
];

describe('common/tree-walk childTextOfType', () => {
  it('matches namedChildren.find(type).text and leaves the cursor in place', async () => {
    const parser = await loadParser('tree-sitter-bash/tree-sitter-bash.wasm');
    let asked = 0;
    let found = 0;
    for (const text of scripts) {
      const tree = parser.parse(text)!;
      const language = tree.language;
      walkNamed(tree.rootNode, ({ cursor }) => {
        const node = cursor.currentNode;
        const expected = node.namedChildren.find((c) => c?.type === 'variable_name')?.text;
        assert.equal(childTextOfType(cursor, language, 'variable_name'), expected, node.text);
        assert.equal(cursor.currentNode.id, node.id);
        asked++;
        if (expected !== undefined) found++;
      });
      tree.delete();
    }
    assert.ok(asked > 40, `asked ${asked}`);
    assert.ok(found >= 10, `found ${found}`);
  });
});
