// A preorder walk over the named nodes of a tree-sitter tree that makes no Node object for nodes
// nobody asks about. Walking with `namedChildren` builds a Node (one WASM crossing, a copy through
// the transfer buffer and an allocation) for every node of the tree and another crossing for its
// `type`; a TreeCursor moves in place and reads the type as a number, and only the nodes a visitor
// wants are materialised (`cursor.currentNode`). Same nodes, same order as a stack walk over
// `namedChildren`: anonymous nodes are neither visited nor entered (they are never named children).

import type { Language, Node, TreeCursor } from 'web-tree-sitter';

/** What to do after visiting a node: go into its children (default), skip them, or end the walk. */
export type WalkStep = 'skip' | 'stop' | void;

export interface NamedVisit {
  /** The node's type, as `node.type` would say it. */
  type: string;
  /** The type of the node's parent (`''` for the walk's root). */
  parentType: string;
  /** The cursor standing on the node; `cursor.currentNode` makes the Node when it is needed. */
  cursor: TreeCursor;
}

interface TypeTable {
  /** `node.type` by type id, filled on first sight. */
  names: Map<number, string>;
  /** `node.isNamed` by type id, filled on first sight. */
  named: Map<number, boolean>;
}

const tables = new WeakMap<Language, TypeTable>();

function tableOf(language: Language): TypeTable {
  let table = tables.get(language);
  if (!table) tables.set(language, (table = { names: new Map(), named: new Map() }));
  return table;
}

/** Visits `root` and every named node under it in source order. */
export function walkNamed(root: Node, visit: (node: NamedVisit) => WalkStep): void {
  const language = root.tree.language;
  const { names, named } = tableOf(language);
  const cursor = root.walk();
  const parents: string[] = [''];
  try {
    for (;;) {
      const id = cursor.nodeTypeId;
      let isNamed = named.get(id);
      if (isNamed === undefined) named.set(id, (isNamed = language.nodeTypeIsNamed(id)));
      let enter = false;
      let type = '';
      if (isNamed) {
        type = names.get(id) ?? '';
        if (!names.has(id)) names.set(id, (type = language.types[id] || 'ERROR'));
        const step = visit({ type, parentType: parents[parents.length - 1]!, cursor });
        if (step === 'stop') return;
        enter = step !== 'skip';
      }
      if (enter && cursor.gotoFirstChild()) {
        parents.push(type);
        continue;
      }
      // Next sibling, or up until there is one; the root's siblings are not part of the walk.
      for (;;) {
        if (parents.length === 1) return;
        if (cursor.gotoNextSibling()) break;
        cursor.gotoParent();
        parents.pop();
      }
    }
  } finally {
    cursor.delete();
  }
}
