// One pass over an ESTree program (from oxc-parser) in source order, with the same value model as
// the Python walk: identifiers bind values, expressions evaluate to string values, data sources and
// object kinds (the scope-free ones in javascript-expressions.ts), and calls dispatch by qualified
// name (`fs.readFileSync`, `socket#write`) to the tables in javascript-calls*.ts. Nodes the walk
// does not know are visited generically, so TypeScript and JSX syntax costs nothing but is never
// skipped over.

import { LineMap } from './common/index.ts';
import { callHandlers } from './javascript-calls.ts';
import { dynamicImport, identifier, importDeclaration, literalValue, member, objectValue, propertyName, template } from './javascript-expressions.ts';
import type { FactRecorder } from './python-js-recorder.ts';
import { concat, derive, literal, unknown, type Value } from './python-js-values.ts';
import type { FactDraft } from '../facts.ts';

/** An ESTree node as oxc-parser gives it (offsets in UTF-16 units). */
export interface JsNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

export interface JsCall {
  name: string;
  recv?: Value;
  args: Value[];
  line: number;
  node: JsNode;
  /** `new X()` rather than `X()`. */
  isNew: boolean;
}

export type JsHandler = (w: JsWalker, c: JsCall) => Value | undefined;

interface Scope {
  vars: Map<string, Value>;
  parent?: Scope;
  returns?: Value[];
}

const maxDepth = 200;
const skipKeys = new Set(['type', 'start', 'end', 'range', 'loc', 'parent', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeArguments']);
/** Methods whose first callback parameter receives the receiver's (resolved) value. */
const passThrough = new Set(['then', 'catch', 'finally', 'on', 'once', 'forEach', 'map', 'filter', 'reduce']);

function isNode(v: unknown): v is JsNode {
  return typeof v === 'object' && v !== null && typeof (v as JsNode).type === 'string';
}

export class JsWalker {
  readonly rec: FactRecorder;
  readonly text: string;
  readonly #lines: LineMap;
  readonly aliases = new Map<string, string>();
  readonly functions = new Map<string, Value>();
  #scope: Scope = { vars: new Map() };
  #depth = 0;
  #binding: { node: JsNode; name: string } | undefined;
  /**
   * A member target (`a.b = …`) has been bound under its source text. Only such names hold '.' or
   * '[' (every other binding is an identifier), so until one exists a method call's receiver text
   * cannot be bound and is not sliced out to be looked up.
   */
  #memberBound = false;

  constructor(rec: FactRecorder, text: string) {
    this.rec = rec;
    this.text = text;
    this.#lines = new LineMap(text);
  }

  line(node: JsNode): number {
    return this.#lines.lineOf(node.start);
  }

  source(node: JsNode): string {
    return this.text.slice(node.start, node.end);
  }

  lookup(name: string): Value | undefined {
    for (let s: Scope | undefined = this.#scope; s; s = s.parent) {
      const v = s.vars.get(name);
      if (v) return v;
    }
    return undefined;
  }

  bind(name: string, value: Value): void {
    this.#scope.vars.set(name, { ...value, name });
  }

  eval(node: JsNode | undefined | null): Value {
    if (!node) return unknown;
    if (++this.#depth > maxDepth) {
      this.#depth--;
      return unknown;
    }
    try {
      return this.#node(node);
    } finally {
      this.#depth--;
    }
  }

  #node(n: JsNode): Value {
    switch (n.type) {
      case 'Literal':
        return literalValue(this, n);
      case 'TemplateLiteral':
        return template(this, n);
      case 'TaggedTemplateExpression':
        return this.eval(n.quasi as JsNode);
      case 'Identifier':
        return identifier(this, n.name as string);
      case 'MemberExpression':
        return member(this, n);
      case 'CallExpression':
      case 'NewExpression':
        return this.#call(n);
      case 'ImportExpression':
        return dynamicImport(this, n);
      case 'ImportDeclaration':
        return importDeclaration(this, n);
      case 'VariableDeclarator': {
        const id = n.id as JsNode;
        // `const c = net.connect(…, () => c.pipe(…))`: callbacks see `c` bound to the call's result.
        if (id.type === 'Identifier' && isNode(n.init)) this.#binding = { node: n.init, name: id.name as string };
        this.#assign(id, this.eval(n.init as JsNode), n.init as JsNode | undefined);
        return unknown;
      }
      case 'AssignmentExpression': {
        // Setting `process.env.X` still touches X (NODE_TLS_REJECT_UNAUTHORIZED = '0' must be seen).
        if ((n.left as JsNode).type === 'MemberExpression' && n.operator === '=') this.eval(n.left as JsNode);
        let value = this.eval(n.right as JsNode);
        if (n.operator === '+=') value = concat([this.eval(n.left as JsNode), value]);
        this.#assign(n.left as JsNode, value, n.right as JsNode);
        return value;
      }
      case 'BinaryExpression': {
        const l = this.eval(n.left as JsNode);
        const r = this.eval(n.right as JsNode);
        return n.operator === '+' ? concat([l, r]) : derive(l, r);
      }
      case 'ObjectExpression':
        return objectValue(this, n);
      case 'ArrayExpression': {
        const items = (n.elements as (JsNode | null)[]).map((e) => (e ? this.eval(e) : unknown));
        return { ...derive(...items), items };
      }
      case 'SpreadElement': {
        const v = this.eval(n.argument as JsNode);
        this.consume(v, n);
        return v;
      }
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return this.#function(n, []);
      case 'ReturnStatement': {
        const v = this.eval(n.argument as JsNode);
        for (let s: Scope | undefined = this.#scope; s; s = s.parent) {
          if (s.returns) {
            s.returns.push(v);
            break;
          }
        }
        return unknown;
      }
      case 'ForOfStatement':
      case 'ForInStatement': {
        const right = this.eval(n.right as JsNode);
        this.consume(right, n);
        const left = n.left as JsNode;
        const target = left.type === 'VariableDeclaration' ? ((left.declarations as JsNode[])[0]?.id as JsNode) : left;
        if (target) this.#assign(target, right.items?.length ? derive(...right.items) : derive(right), undefined);
        this.eval(n.body as JsNode);
        return unknown;
      }
      case 'ChainExpression':
      case 'ParenthesizedExpression':
      case 'AwaitExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
        return this.eval((n.expression ?? n.argument) as JsNode);
      case 'ConditionalExpression':
      case 'LogicalExpression':
      case 'SequenceExpression':
      default:
        return this.#children(n);
    }
  }

  /**
   * Every child node in key order (arrays item by item), evaluated; an expression derives from its
   * children. Children are read as they are visited: the walk never changes a node.
   */
  #children(n: JsNode): Value {
    const parts: Value[] | undefined = n.type.endsWith('Expression') ? [] : undefined;
    for (const key in n) {
      if (skipKeys.has(key)) continue;
      const v = n[key];
      if (Array.isArray(v)) {
        for (const item of v) {
          if (!isNode(item)) continue;
          const value = this.eval(item);
          parts?.push(value);
        }
      } else if (isNode(v)) {
        const value = this.eval(v);
        parts?.push(value);
      }
    }
    return parts ? derive(...parts) : unknown;
  }

  envRead(name: string, n: JsNode): Value {
    this.rec.emit({ kind: 'env-read', line: this.line(n), name });
    if (name === 'HOME' || name === 'USERPROFILE') return literal('~');
    return { sources: [{ kind: 'env', name }] };
  }

  consume(value: Value, n: JsNode): void {
    if (value.type === 'environ') this.rec.emit({ kind: 'env-dump', line: this.line(n) });
  }

  #assign(target: JsNode, value: Value, init: JsNode | undefined): void {
    switch (target.type) {
      case 'Identifier':
        if (init && /Function/.test(init.type)) this.functions.set(target.name as string, value);
        this.bind(target.name as string, value);
        return;
      case 'MemberExpression':
        this.#memberBound = true;
        this.bind(this.source(target), value);
        return;
      case 'ObjectPattern':
        for (const p of target.properties as JsNode[]) {
          if (p.type === 'RestElement') {
            this.consume(value, p);
            this.#assign(p.argument as JsNode, derive(value), undefined);
            continue;
          }
          const key = (p.key as JsNode).name as string | undefined ?? String((p.key as JsNode).value ?? '');
          let inner = (p.value as JsNode) ?? p.key;
          if (inner.type === 'AssignmentPattern') inner = inner.left as JsNode;
          let v: Value;
          if (value.type === 'environ') v = this.envRead(key, p);
          else if (value.qname !== undefined) v = { sources: [], qname: `${value.qname}.${key}` };
          else v = value.entries?.get(key) ?? derive(value);
          if (inner.type === 'Identifier' && v.qname !== undefined) this.aliases.set(inner.name as string, v.qname);
          else this.#assign(inner, v, undefined);
        }
        return;
      case 'ArrayPattern':
        (target.elements as (JsNode | null)[]).forEach((e, i) => e && this.#assign(e, value.items?.[i] ?? derive(value), undefined));
        return;
      case 'AssignmentPattern':
        this.#assign(target.left as JsNode, value, init);
        return;
      default:
        return;
    }
  }

  /** Walks a function body in its own scope, parameters bound to `params`; returns its result. */
  #function(n: JsNode, params: readonly Value[]): Value {
    const outer = this.#scope;
    this.#scope = { vars: new Map(), parent: outer, returns: [] };
    try {
      (n.params as JsNode[]).forEach((p, i) => this.#assign(p, params[i] ?? unknown, undefined));
      const body = n.body as JsNode | undefined;
      const result = body && body.type !== 'BlockStatement' && body.type !== 'FunctionBody' ? this.eval(body) : (this.eval(body), undefined);
      const returned = derive(...(this.#scope.returns ?? []), ...(result ? [result] : []));
      const out = result && result.remote !== undefined ? { ...returned, remote: result.remote } : returned;
      if (n.type === 'FunctionDeclaration' && n.id) outer.vars.delete((n.id as JsNode).name as string);
      if (n.type === 'FunctionDeclaration' && n.id) this.functions.set((n.id as JsNode).name as string, out);
      return out;
    } finally {
      this.#scope = outer;
    }
  }

  #call(n: JsNode): Value {
    const callee = n.callee as JsNode;
    let recv: Value | undefined;
    let name: string;
    let method = '';
    if (callee.type === 'MemberExpression' || (callee.type === 'ChainExpression' && (callee.expression as JsNode).type === 'MemberExpression')) {
      const member = callee.type === 'ChainExpression' ? (callee.expression as JsNode) : callee;
      const own = this.#memberBound ? this.lookup(this.source(member)) : undefined;
      recv = own ?? this.eval(member.object as JsNode);
      method = propertyName(member) ?? '';
      name = recv.qname !== undefined && !recv.type ? `${recv.qname}.${method}` : `${recv.type ?? ''}#${method}`;
    } else {
      const v = this.eval(callee);
      name = v.qname ?? '';
      if (v.qname === undefined) recv = v;
    }
    const argNodes = (n.arguments as JsNode[]) ?? [];
    const callbacks: [JsNode, number][] = [];
    const args: Value[] = argNodes.map((a, i) => {
      if (a.type.endsWith('FunctionExpression')) {
        callbacks.push([a, i]);
        return unknown;
      }
      const v = this.eval(a);
      if (a.type !== 'SpreadElement') this.consume(v, a);
      return v;
    });
    const line = this.line(n);
    const site: JsCall = { name, args, line, node: n, isNew: n.type === 'NewExpression' };
    if (recv) site.recv = recv;
    const handler = callHandlers.get(name) ?? (name.includes('#') ? callHandlers.get(name.slice(name.indexOf('#'))) : undefined);
    let result = handler?.(this, site);
    if (!result && recv?.type === 'environ') this.consume(recv, n);
    if (this.#binding?.node === n && result && callbacks.length > 0) this.bind(this.#binding.name, result);
    for (const [fn, index] of callbacks) {
      const params = passThrough.has(method) ? [recv ?? unknown] : index > 0 && result?.type ? [result] : [unknown, result ?? unknown];
      const returned = this.#function(fn, params);
      if (method === 'then') result = returned.remote === undefined && recv?.remote !== undefined && !returned.sources.length ? { ...returned, remote: recv.remote } : returned;
    }
    if (result) return result;
    const local = this.functions.get(name);
    if (local) return derive(local, ...args);
    const base = derive(...(recv && recv.qname === undefined ? [recv] : []), ...args);
    return method === 'then' || method === 'catch' ? { ...base, ...(recv?.remote !== undefined ? { remote: recv.remote } : {}) } : base;
  }

  /** A socket's stream attached to a shell process's stdio (pipe either way, or stdio option). */
  attach(a: Value | undefined, b: Value | undefined): void {
    const socket = [a, b].find((v) => v?.handle?.kind === 'socket')?.handle as FactDraft | undefined;
    if (socket?.kind === 'socket' && [a, b].some((v) => v?.type === 'shell-proc')) socket.interactive = true;
  }
}
