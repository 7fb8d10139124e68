// One pass over a Python syntax tree in source order. Statements bind names to values in scopes;
// expressions evaluate to values (string value, data sources, object kind) in python-expressions.ts,
// where calls are dispatched by their qualified name to the tables in python-calls-*.ts. Taint is
// simple and linear: variables, attributes of `self`, and the return values of functions defined
// earlier in the file.

import type { FactDraft } from '../facts.ts';
import { evaluate } from './python-expressions.ts';
import type { Node } from './python-parser.ts';
import type { FactRecorder } from './python-js-recorder.ts';
import { derive, literal, unknown, type Value } from './python-js-values.ts';

export interface CallSite {
  /** Qualified name: `requests.post`, `open`, `socket#connect` (method of a typed object), `#strip`. */
  name: string;
  /** The receiver, for method calls. */
  recv?: Value;
  args: Value[];
  kw: Map<string, Value>;
  line: number;
  node: Node;
}

export type CallHandler = (w: PyWalker, c: CallSite) => Value | undefined;

class Scope {
  readonly vars = new Map<string, Value>();
  readonly parent: Scope | undefined;
  returns: Value[] | undefined;

  constructor(parent?: Scope, isFunction = false) {
    this.parent = parent;
    if (isFunction) this.returns = [];
  }

  get(name: string): Value | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const v = s.vars.get(name);
      if (v) return v;
    }
    return undefined;
  }
}

const maxDepth = 150;
const shells = /^(?:\/(?:usr\/)?bin\/)?(?:ba|z|da|k|c|tc|fi)?sh$/;

export class PyWalker {
  readonly rec: FactRecorder;
  /** Import aliases: local name → dotted module path (`ur` → `urllib.request`). */
  readonly aliases = new Map<string, string>();
  /** Functions defined so far: name → union of their return values. */
  readonly functions = new Map<string, Value>();
  /** Classes defined so far: name → node (for setup.py cmdclass). */
  readonly classes = new Map<string, Node>();
  /** A socket whose descriptor was `dup2`'d onto stdio. */
  dupedSocket: FactDraft | undefined;
  #scope = new Scope();
  #depth = 0;

  constructor(rec: FactRecorder) {
    this.rec = rec;
  }

  line(node: Node): number {
    return node.startPosition.row + 1;
  }

  // ---- statements ----

  walk(node: Node): void {
    if (++this.#depth > maxDepth) {
      this.#depth--;
      return;
    }
    try {
      this.#statement(node);
    } finally {
      this.#depth--;
    }
  }

  #statement(node: Node): void {
    switch (node.type) {
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
        return this.#import(node);
      case 'expression_statement':
        for (const child of node.namedChildren) if (child) this.eval(child);
        return;
      case 'function_definition':
        return this.#function(node);
      case 'class_definition':
        return this.#class(node);
      case 'decorated_definition':
        for (const child of node.namedChildren) if (child) child.type === 'decorator' ? this.eval(child) : this.walk(child);
        return;
      case 'return_statement': {
        const child = node.namedChildren[0];
        const value = child ? this.eval(child) : unknown;
        this.#functionScope()?.returns?.push(value);
        return;
      }
      case 'for_statement': {
        const right = node.childForFieldName('right');
        const value = right ? this.iterate(this.eval(right), right) : unknown;
        const left = node.childForFieldName('left');
        if (left) this.assign(left, value);
        for (const field of ['body', 'alternative']) {
          const block = node.childForFieldName(field);
          if (block) this.walk(block);
        }
        return;
      }
      case 'with_statement':
        return this.#with(node);
      default:
        for (const child of node.namedChildren) {
          if (!child || child.type === 'comment') continue;
          if (isStatementLike(child.type)) this.walk(child);
          else this.eval(child);
        }
    }
  }

  #functionScope(): Scope | undefined {
    let s: Scope | undefined = this.#scope;
    while (s && !s.returns) s = s.parent;
    return s;
  }

  #import(node: Node): void {
    const line = this.line(node);
    const from = node.type === 'import_from_statement' ? node.childForFieldName('module_name')?.text : undefined;
    if (from !== undefined) this.rec.emit({ kind: 'import', line, module: from.replace(/^\.+/, '') || from });
    for (const name of node.childrenForFieldName('name')) {
      if (!name) continue;
      const dotted = name.type === 'aliased_import' ? (name.childForFieldName('name')?.text ?? '') : name.text;
      const alias = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : undefined;
      if (from !== undefined) {
        this.aliases.set(alias ?? dotted, `${from}.${dotted}`);
        continue;
      }
      this.rec.emit({ kind: 'import', line, module: dotted });
      if (alias) this.aliases.set(alias, dotted);
      else this.aliases.set(dotted.split('.')[0]!, dotted.split('.')[0]!);
    }
  }

  #function(node: Node): void {
    const name = node.childForFieldName('name')?.text;
    const outer = this.#scope;
    this.#scope = new Scope(outer, true);
    try {
      const body = node.childForFieldName('body');
      if (body) this.walk(body);
      if (name) this.functions.set(name, derive(...(this.#scope.returns ?? [])));
    } finally {
      this.#scope = outer;
    }
  }

  #class(node: Node): void {
    const name = node.childForFieldName('name')?.text;
    if (name) this.classes.set(name, node);
    const supers = node.childForFieldName('superclasses');
    if (supers) this.eval(supers);
    const body = node.childForFieldName('body');
    if (body) this.walk(body);
  }

  #with(node: Node): void {
    const clause = node.namedChildren.find((c) => c?.type === 'with_clause');
    for (const item of clause?.namedChildren ?? []) {
      const value = item?.childForFieldName('value');
      if (!value) continue;
      if (value.type === 'as_pattern') {
        const expr = value.namedChildren[0];
        const target = value.childForFieldName('alias')?.namedChildren[0];
        const v = expr ? this.eval(expr) : unknown;
        if (target) this.assign(target, v);
      } else this.eval(value);
    }
    const body = node.childForFieldName('body');
    if (body) this.walk(body);
  }

  /** Binds a target (name, tuple of names, `self.x`, `d[k]`) to a value. */
  assign(target: Node, value: Value): void {
    switch (target.type) {
      case 'identifier':
        this.#scope.vars.set(target.text, { ...value, name: target.text });
        return;
      case 'attribute':
        this.#scope.vars.set(target.text, { ...value, name: target.text });
        return;
      case 'subscript': {
        const base = target.childForFieldName('value');
        if (base?.type === 'identifier') {
          const old = this.#scope.get(base.text);
          if (old) this.#scope.vars.set(base.text, { ...old, sources: derive(old, value).sources });
        }
        return;
      }
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern': {
        const targets = target.namedChildren;
        targets.forEach((t, i) => t && this.assign(t, value.items?.[i] ?? derive(value)));
        return;
      }
      case 'list_splat_pattern': {
        const inner = target.namedChildren[0];
        if (inner) this.assign(inner, derive(value));
        return;
      }
      default:
        return;
    }
  }

  lookup(name: string): Value | undefined {
    return this.#scope.get(name);
  }

  // ---- expressions ----

  eval(node: Node): Value {
    if (++this.#depth > maxDepth) {
      this.#depth--;
      return unknown;
    }
    try {
      return evaluate(this, node);
    } finally {
      this.#depth--;
    }
  }

  /** `text[::-1]`: reversed string building, reported as a decode when it reads as code or a URL. */
  reversed(text: string, line: number): Value {
    const out = [...text].reverse().join('');
    if (out.length >= 8 && /[/:.| ]/.test(out)) {
      const decoded = this.rec.decode({ kind: 'decode', line, encoding: 'reverse', length: text.length, decoded: out });
      return { ...literal(out), decoded };
    }
    return literal(out);
  }

  envRead(name: string, line: number): Value {
    this.rec.emit({ kind: 'env-read', line, name });
    if (name === 'HOME' || name === 'USERPROFILE') return literal('~');
    return { sources: [{ kind: 'env', name }] };
  }

  /** The whole environment is used as a value (copied, serialised, iterated). */
  consume(value: Value | undefined, node: Node): void {
    if (value?.type === 'environ') this.rec.emit({ kind: 'env-dump', line: this.line(node) });
  }

  /** The items of an iterated value (the whole environment iterated is a dump). */
  iterate(value: Value, node: Node): Value {
    this.consume(value, node);
    return value.items?.length ? derive(...value.items) : derive(value);
  }

  /** A shell spawned here: a socket dup'd onto stdio, or passed as stdin/stdout, becomes interactive. */
  shellSpawned(c: CallSite, program: string | undefined): void {
    if (!program || !shells.test(program.split(/\s+/)[0] ?? '')) return;
    const socket = this.dupedSocket ?? ['stdin', 'stdout', 'stderr'].map((k) => c.kw.get(k)?.handle).find((h) => h?.kind === 'socket');
    if (socket?.kind === 'socket') socket.interactive = true;
  }
}

function isStatementLike(type: string): boolean {
  return type.endsWith('_statement') || type === 'block' || type.endsWith('_clause') || type === 'function_definition'
    || type === 'class_definition' || type === 'decorated_definition' || type === 'case_block';
}
