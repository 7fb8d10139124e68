// A tree-sitter tree copied once into plain JavaScript objects, for analyzers that read most of it.
//
// Every property of a web-tree-sitter Node is a call into WASM (`type`, `endIndex`, `parent`,
// `childForFieldName`…) and every Node it returns is a new object built through the transfer
// buffer; an analyzer that evaluates a whole script asks for the same children, types and texts
// many times. One cursor pass reads each node's type, field, start and end once (four small calls
// and a step), then everything is property reads: `text` is a slice of the source, `startPosition`
// is found from the source's line starts, `parent` is a pointer. The copy answers exactly as the
// Node API does for the members it has (test/scan/analyzers/plain-tree.test.ts compares them on
// every node of hostile scripts); members it lacks are absent from its type, so the compiler
// catches a use.

import type { Tree } from 'web-tree-sitter';
import { LineMap } from './excerpt.ts';

/** What a tree's nodes share: the parsed text and, built on first use, where its lines start. */
class Source {
  readonly text: string;
  #lines: LineMap | undefined;

  constructor(text: string) {
    this.text = text;
  }

  /** 0-based row of a character offset: tree-sitter counts rows at `\n` only, as LineMap does. */
  rowOf(offset: number): number {
    this.#lines ??= new LineMap(this.text);
    return this.#lines.lineOf(offset) - 1;
  }
}

const noChildren: readonly PlainNode[] = Object.freeze([]);

export class PlainNode {
  /** `node.type`: the grammar's name for it, `ERROR` for an error node. */
  readonly type: string;
  readonly isNamed: boolean;
  /** Unique within its tree (the node's position in a preorder walk). */
  readonly id: number;
  /** Offsets into the parsed text, in UTF-16 code units (as web-tree-sitter gives them for a string). */
  readonly startIndex: number;
  readonly endIndex: number;
  /** The field this node fills in its parent (`name`, `argument`…), or null. */
  readonly field: string | null;
  readonly parent: PlainNode | null;
  /** Every child, named and anonymous, in source order. */
  children: readonly PlainNode[] = noChildren;
  #namedChildren: readonly PlainNode[] | undefined;
  readonly #source: Source;

  constructor(source: Source, id: number, type: string, isNamed: boolean, field: string | null, startIndex: number, endIndex: number, parent: PlainNode | null) {
    this.#source = source;
    this.id = id;
    this.type = type;
    this.isNamed = isNamed;
    this.field = field;
    this.startIndex = startIndex;
    this.endIndex = endIndex;
    this.parent = parent;
  }

  get text(): string {
    return this.#source.text.slice(this.startIndex, this.endIndex);
  }

  /** Where the node starts; only the row is kept (nothing here reads the column). */
  get startPosition(): { row: number } {
    return { row: this.#source.rowOf(this.startIndex) };
  }

  get namedChildren(): readonly PlainNode[] {
    let named = this.#namedChildren;
    if (!named) {
      named = this.children.length === 0 ? noChildren : this.children.filter((c) => c.isNamed);
      this.#namedChildren = named;
    }
    return named;
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  get firstNamedChild(): PlainNode | null {
    return this.namedChildren[0] ?? null;
  }

  /**
   * The first child in field `name`, or null. As tree-sitter's `ts_node_child_by_field_id`: an
   * error node has no production, so no field (the cursor still names the fields its hidden
   * children fill). One quirk is not copied: through a child that is a hidden rule made visible
   * by an alias (tree-sitter-python's `match_statement` body), that function also finds the
   * child's own fields (`alternative`); no analyzer asks a node for a field it does not have.
   */
  childForFieldName(name: string): PlainNode | null {
    if (this.type === 'ERROR') return null;
    for (const child of this.children) if (child.field === name) return child;
    return null;
  }

  /** Every child in field `name`, in source order. */
  childrenForFieldName(name: string): PlainNode[] {
    return this.children.filter((c) => c.field === name);
  }

  /** The field of child `index` (counting anonymous children), or null. */
  fieldNameForChild(index: number): string | null {
    return this.children[index]?.field ?? null;
  }
}

/**
 * The whole tree as PlainNodes; `text` must be the string the tree was parsed from. The tree may be
 * deleted afterwards: nothing here refers to it.
 */
export function plainTree(tree: Tree, text: string): PlainNode {
  const language = tree.language;
  const types = language.types;
  const fields = language.fields;
  const named = new Map<number, boolean>();
  const source = new Source(text);
  const cursor = tree.walk();
  let id = 0;
  const make = (parent: PlainNode | null): PlainNode => {
    const typeId = cursor.nodeTypeId;
    let isNamed = named.get(typeId);
    if (isNamed === undefined) named.set(typeId, (isNamed = language.nodeTypeIsNamed(typeId)));
    const fieldId = cursor.currentFieldId;
    return new PlainNode(source, id++, types[typeId] || 'ERROR', isNamed, fieldId ? (fields[fieldId] ?? null) : null, cursor.startIndex, cursor.endIndex, parent);
  };
  try {
    const root = make(null);
    // The nodes whose children are being read, outermost first, and those children so far; a
    // node's list is attached when the walk leaves it.
    const open: PlainNode[] = [];
    const kids: PlainNode[][] = [];
    let node = root;
    for (;;) {
      if (cursor.gotoFirstChild()) {
        open.push(node);
        kids.push([]);
      } else {
        for (;;) {
          if (open.length === 0) return root;
          if (cursor.gotoNextSibling()) break;
          cursor.gotoParent();
          open.pop()!.children = kids.pop()!;
        }
      }
      node = make(open[open.length - 1]!);
      kids[kids.length - 1]!.push(node);
    }
  } finally {
    cursor.delete();
  }
}
