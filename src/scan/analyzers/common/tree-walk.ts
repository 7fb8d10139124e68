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

function typeName(table: TypeTable, language: Language, id: number): string {
  let type = table.names.get(id);
  if (type === undefined) table.names.set(id, (type = language.types[id] || 'ERROR'));
  return type;
}

function namedType(table: TypeTable, language: Language, id: number): boolean {
  let isNamed = table.named.get(id);
  if (isNamed === undefined) table.named.set(id, (isNamed = language.nodeTypeIsNamed(id)));
  return isNamed;
}

/**
 * The text of the first named child of type `type` of the node the cursor stands on, read through
 * the cursor (`node.namedChildren.find(…)?.text` without a Node for each child); the cursor is left
 * where it was.
 */
export function childTextOfType(cursor: TreeCursor, language: Language, type: string): string | undefined {
  if (!cursor.gotoFirstChild()) return undefined;
  const table = tableOf(language);
  try {
    do {
      const id = cursor.nodeTypeId;
      if (namedType(table, language, id) && typeName(table, language, id) === type) return cursor.nodeText;
    } while (cursor.gotoNextSibling());
    return undefined;
  } finally {
    cursor.gotoParent();
  }
}

/** Visits `root` and every named node under it in source order. */
export function walkNamed(root: Node, visit: (node: NamedVisit) => WalkStep): void {
  const language = root.tree.language;
  const table = tableOf(language);
  const cursor = root.walk();
  const parents: string[] = [''];
  try {
    for (;;) {
      const id = cursor.nodeTypeId;
      let enter = false;
      let type = '';
      if (namedType(table, language, id)) {
        type = typeName(table, language, id);
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
