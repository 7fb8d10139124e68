// One pass over a Python syntax tree in source order. Statements bind names to values, expressions
// evaluate to values (string value, data sources, object kind), and calls are dispatched by their
// qualified name (`requests.post`, `socket#connect` for a method of a socket object) to the tables in
// python-calls-*.ts. Taint is simple and linear: variables, attributes of `self`, and the return
// values of functions defined earlier in the file.

import { normalisePath } from './common/index.ts';
import type { Node } from './python-parser.ts';
import { callHandlers } from './python-calls.ts';
import type { FactRecorder } from './python-js-recorder.ts';
import { concat, derive, literal, unknown, type Value } from './python-js-values.ts';
import type { FactDraft } from '../facts.ts';

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
        const value = right ? this.#iterate(this.eval(right), right) : unknown;
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
      return this.#expression(node);
    } finally {
      this.#depth--;
    }
  }

  #expression(node: Node): Value {
    switch (node.type) {
      case 'string':
        return this.#string(node);
      case 'concatenated_string':
        return concat(node.namedChildren.map((c) => (c ? this.eval(c) : unknown)));
      case 'integer':
      case 'float':
        return literal(node.text);
      case 'true':
      case 'false':
      case 'none':
        return unknown;
      case 'identifier':
        return this.#identifier(node.text);
      case 'attribute':
        return this.#attribute(node);
      case 'call':
        return this.#call(node);
      case 'assignment':
      case 'augmented_assignment':
        return this.#assignment(node);
      case 'named_expression': {
        const value = node.childForFieldName('value');
        const v = value ? this.eval(value) : unknown;
        const name = node.childForFieldName('name');
        if (name) this.assign(name, v);
        return v;
      }
      case 'binary_operator':
        return this.#binary(node);
      case 'parenthesized_expression':
        return node.namedChildren[0] ? this.eval(node.namedChildren[0]) : unknown;
      case 'list':
      case 'tuple':
      case 'set':
      case 'expression_list': {
        const items = node.namedChildren.map((c) => (c ? this.eval(c) : unknown));
        return { ...derive(...items), items };
      }
      case 'dictionary':
        return this.#dictionary(node);
      case 'subscript':
        return this.#subscript(node);
      case 'generator_expression':
      case 'list_comprehension':
        return this.#comprehension(node);
      case 'for_in_clause': {
        const right = node.childForFieldName('right');
        const v = right ? this.#iterate(this.eval(right), right) : unknown;
        const left = node.childForFieldName('left');
        if (left) this.assign(left, v);
        return v;
      }
      case 'lambda': {
        const body = node.childForFieldName('body');
        return body ? this.eval(body) : unknown;
      }
      case 'comment':
        return unknown;
      default:
        return derive(...node.namedChildren.map((c) => (c ? this.eval(c) : unknown)));
    }
  }

  /**
   * `(chr(c) for c in [104, 116, …])`: a list of the characters, so `''.join(…)` rebuilds the string;
   * other comprehensions are evaluated once (their items are not known).
   */
  #comprehension(node: Node): Value {
    const body = node.childForFieldName('body');
    const clauses = node.namedChildren.filter((c) => c?.type === 'for_in_clause');
    const clause = clauses.length === 1 ? clauses[0] : undefined;
    const right = clause?.childForFieldName('right');
    const left = clause?.childForFieldName('left');
    if (body && right && left?.type === 'identifier' && /^chr\(\s*\w+\s*\)$/.test(body.text)) {
      const list = this.eval(right);
      if (list.items) {
        return { sources: [], items: list.items.map((i) => (/^\d+$/.test(i.text ?? '') ? literal(String.fromCharCode(Number(i.text) & 0xffff)) : unknown)) };
      }
    }
    return derive(...node.namedChildren.map((c) => (c ? this.eval(c) : unknown)));
  }

  #string(node: Node): Value {
    const start = node.namedChildren.find((c) => c?.type === 'string_start')?.text ?? '"';
    const prefix = start.replace(/["']+$/, '').toLowerCase();
    const raw = prefix.includes('r');
    const parts: Value[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'string_content') parts.push(literal(raw ? child.text : unescapePython(child.text)));
      else if (child.type === 'interpolation') {
        const expr = child.childForFieldName('expression');
        parts.push(expr ? this.eval(expr) : unknown);
      }
    }
    const value = parts.length === 0 ? literal('') : parts.length === 1 && parts[0]!.exact ? parts[0]! : concat(parts);
    if (value.text) this.rec.urls(value.text, this.line(node));
    if (prefix.includes('b') && value.exact && value.text !== undefined) return { ...value, bytes: Buffer.from(value.text, 'latin1') };
    return value;
  }

  #identifier(name: string): Value {
    const v = this.#scope.get(name);
    if (v) return v;
    const alias = this.aliases.get(name);
    if (alias !== undefined) return alias === 'os.environ' ? { sources: [{ kind: 'env-all' }], type: 'environ' } : { sources: [], qname: alias };
    if (this.functions.has(name)) return { sources: [], qname: name };
    return { sources: [], qname: name, name };
  }

  #attribute(node: Node): Value {
    const object = node.childForFieldName('object');
    const attr = node.childForFieldName('attribute')?.text ?? '';
    const own = this.#scope.get(node.text);
    if (own) return own;
    const obj = object ? this.eval(object) : unknown;
    if (obj.qname !== undefined) {
      const qname = `${obj.qname}.${attr}`;
      if (qname === 'os.environ' || qname === 'posix.environ') return { sources: [{ kind: 'env-all' }], type: 'environ' };
      return { sources: [], qname };
    }
    return { ...derive(obj), ...(obj.type === 'response' ? { type: 'response' } : {}) };
  }

  #binary(node: Node): Value {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const op = node.childForFieldName('operator')?.text;
    const l = left ? this.eval(left) : unknown;
    const r = right ? this.eval(right) : unknown;
    if (op === '/' && l.type === 'path') return { ...derive(l, r), type: 'path', path: joinPath(l.path ?? '*', r.text ?? '*') };
    if (op === '+') return concat([l, r]);
    if (op === '%' && l.text !== undefined) return concat([{ ...l, text: l.text.replace(/%[-#0 +]*\d*(?:\.\d+)?[sdrifx]/g, '*'), exact: false }, derive(r)]);
    return derive(l, r);
  }

  #assignment(node: Node): Value {
    const right = node.childForFieldName('right');
    const left = node.childForFieldName('left');
    let value = right ? this.eval(right) : unknown;
    if (node.type === 'augmented_assignment' && left) {
      const old = this.eval(left);
      value = node.childForFieldName('operator')?.text === '+=' ? concat([old, value]) : derive(old, value);
    }
    if (left && right) this.assign(left, value);
    return value;
  }

  #dictionary(node: Node): Value {
    const entries = new Map<string, Value>();
    const values: Value[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'pair') {
        const key = child.childForFieldName('key');
        const val = child.childForFieldName('value');
        const k = key ? this.eval(key) : unknown;
        const v = val ? this.eval(val) : unknown;
        if (k.exact && k.text !== undefined) entries.set(k.text, v);
        else if (key?.type === 'identifier') entries.set(key.text, v);
        values.push(k, v);
      } else {
        const v = this.eval(child);
        if (child.type === 'dictionary_splat') this.consume(v, child);
        values.push(v);
      }
    }
    return { ...derive(...values), entries };
  }

  #subscript(node: Node): Value {
    const base = node.childForFieldName('value');
    const index = node.childForFieldName('subscript');
    const b = base ? this.eval(base) : unknown;
    const i = index ? this.eval(index) : unknown;
    if (b.type === 'environ' && i.exact && i.text !== undefined) return this.envRead(i.text, this.line(node));
    if (index?.type === 'slice' && /^\[\s*:\s*:\s*-1\s*\]$/.test(node.text.slice(base?.text.length ?? 0)) && b.exact && b.text) {
      return this.reversed(b.text, this.line(node));
    }
    if (i.exact && i.text !== undefined && b.entries?.has(i.text)) return b.entries.get(i.text)!;
    if (i.exact && /^\d+$/.test(i.text ?? '') && b.items) return b.items[Number(i.text)] ?? derive(b);
    return derive(b);
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

  #iterate(value: Value, node: Node): Value {
    this.consume(value, node);
    return value.items?.length ? derive(...value.items) : derive(value);
  }

  #call(node: Node): Value {
    const fn = node.childForFieldName('function');
    const argList = node.childForFieldName('arguments');
    const args: Value[] = [];
    const kw = new Map<string, Value>();
    let recv: Value | undefined;
    let name = '';
    if (fn?.type === 'attribute') {
      const own = this.#scope.get(fn.text);
      const object = fn.childForFieldName('object');
      const attr = fn.childForFieldName('attribute')?.text ?? '';
      recv = own ?? (object ? this.eval(object) : unknown);
      if (recv.qname !== undefined && !recv.type) name = `${recv.qname}.${attr}`;
      else name = `${recv.type ?? ''}#${attr}`;
    } else if (fn) {
      const v = this.eval(fn);
      name = v.qname ?? fn.text;
      if (v.qname === undefined) recv = v;
    }
    // `f(x for x in y)`: the grammar gives the generator itself as the arguments node.
    const argNodes = argList?.type === 'generator_expression' ? [argList] : (argList?.namedChildren ?? []);
    for (const arg of argNodes) {
      if (!arg || arg.type === 'comment') continue;
      if (arg.type === 'keyword_argument') {
        const key = arg.childForFieldName('name')?.text ?? '';
        const val = arg.childForFieldName('value');
        const v = val ? this.eval(val) : unknown;
        kw.set(key, v);
        if (key !== 'env') this.consume(v, arg);
      } else {
        const v = this.eval(arg);
        args.push(v);
        this.consume(v, arg);
      }
    }
    const line = this.line(node);
    const site: CallSite = { name, args, kw, line, node, ...(recv ? { recv } : {}) };
    const handler = callHandlers.get(name) ?? (name.includes('#') ? callHandlers.get(name.slice(name.indexOf('#'))) : undefined);
    const result = handler?.(this, site);
    if (result) return result;
    if (recv?.type === 'environ') this.consume(recv, node);
    const local = this.functions.get(name);
    if (local) return derive(local, ...args, ...kw.values());
    return derive(...(recv && recv.qname === undefined ? [recv] : []), ...args, ...kw.values());
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

/** Joins path pieces with `/`, normalised (`~`, `*` for unknown pieces). */
export function joinPath(...parts: string[]): string {
  const joined = parts.reduce((acc, p) => (p.startsWith('/') || p.startsWith('~') ? p : acc ? `${acc.replace(/\/$/, '')}/${p}` : p), '');
  return normalisePath(joined);
}

const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '\n': '' };

/** Python string escapes (`\n`, `\xNN`, `\uNNNN`, `\NNN`). */
export function unescapePython(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|[\s\S])/g, (m, e: string) => {
    if (/^[xuU]/.test(e) && e.length > 1) return String.fromCodePoint(Math.min(parseInt(e.slice(1), 16), 0x10ffff));
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return escapes[e] ?? m;
  });
}
