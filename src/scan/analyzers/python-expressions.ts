// Python expressions as values (python-js-values.ts): literals and f-strings, names through the
// walker's scopes and import aliases, attributes, operators, containers, subscripts and calls. A call
// is dispatched by its qualified name (`requests.post`, `socket#connect`) to the handler tables in
// python-calls-*.ts; what it returns is a value too, so data flow is followed through calls.

import type { Node } from './python-parser.ts';
import { callHandlers } from './python-calls.ts';
import { concat, derive, literal, unknown, type Value } from './python-js-values.ts';
import { joinPath, unescapePython } from './python-strings.ts';
import type { CallSite, PyWalker } from './python-walk.ts';

/** The value of an expression node; the walker's `eval` calls it under its depth guard. */
export function evaluate(w: PyWalker, node: Node): Value {
  switch (node.type) {
    case 'string':
      return stringValue(w, node);
    case 'concatenated_string':
      return concat(node.namedChildren.map((c) => (c ? w.eval(c) : unknown)));
    case 'integer':
    case 'float':
      return literal(node.text);
    case 'true':
    case 'false':
    case 'none':
      return unknown;
    case 'identifier':
      return identifier(w, node.text);
    case 'attribute':
      return attribute(w, node);
    case 'call':
      return call(w, node);
    case 'assignment':
    case 'augmented_assignment':
      return assignment(w, node);
    case 'named_expression': {
      const value = node.childForFieldName('value');
      const v = value ? w.eval(value) : unknown;
      const name = node.childForFieldName('name');
      if (name) w.assign(name, v);
      return v;
    }
    case 'binary_operator':
      return binary(w, node);
    case 'parenthesized_expression':
      return node.namedChildren[0] ? w.eval(node.namedChildren[0]) : unknown;
    case 'list':
    case 'tuple':
    case 'set':
    case 'expression_list': {
      const items = node.namedChildren.map((c) => (c ? w.eval(c) : unknown));
      return { ...derive(...items), items };
    }
    case 'dictionary':
      return dictionary(w, node);
    case 'subscript':
      return subscript(w, node);
    case 'generator_expression':
    case 'list_comprehension':
      return comprehension(w, node);
    case 'for_in_clause': {
      const right = node.childForFieldName('right');
      const v = right ? w.iterate(w.eval(right), right) : unknown;
      const left = node.childForFieldName('left');
      if (left) w.assign(left, v);
      return v;
    }
    case 'lambda': {
      const body = node.childForFieldName('body');
      return body ? w.eval(body) : unknown;
    }
    case 'comment':
      return unknown;
    default:
      return derive(...node.namedChildren.map((c) => (c ? w.eval(c) : unknown)));
  }
}

/**
 * `(chr(c) for c in [104, 116, …])`: a list of the characters, so `''.join(…)` rebuilds the string;
 * other comprehensions are evaluated once (their items are not known).
 */
function comprehension(w: PyWalker, node: Node): Value {
  const body = node.childForFieldName('body');
  const clauses = node.namedChildren.filter((c) => c?.type === 'for_in_clause');
  const clause = clauses.length === 1 ? clauses[0] : undefined;
  const right = clause?.childForFieldName('right');
  const left = clause?.childForFieldName('left');
  if (body && right && left?.type === 'identifier' && /^chr\(\s*\w+\s*\)$/.test(body.text)) {
    const list = w.eval(right);
    if (list.items) {
      return { sources: [], items: list.items.map((i) => (/^\d+$/.test(i.text ?? '') ? literal(String.fromCharCode(Number(i.text) & 0xffff)) : unknown)) };
    }
  }
  return derive(...node.namedChildren.map((c) => (c ? w.eval(c) : unknown)));
}

function stringValue(w: PyWalker, node: Node): Value {
  const start = node.namedChildren.find((c) => c?.type === 'string_start')?.text ?? '"';
  const prefix = start.replace(/["']+$/, '').toLowerCase();
  const raw = prefix.includes('r');
  const parts: Value[] = [];
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'string_content') parts.push(literal(raw ? child.text : unescapePython(child.text)));
    else if (child.type === 'interpolation') {
      const expr = child.childForFieldName('expression');
      parts.push(expr ? w.eval(expr) : unknown);
    }
  }
  const value = parts.length === 0 ? literal('') : parts.length === 1 && parts[0]!.exact ? parts[0]! : concat(parts);
  if (value.text) w.rec.urls(value.text, w.line(node));
  if (prefix.includes('b') && value.exact && value.text !== undefined) return { ...value, bytes: Buffer.from(value.text, 'latin1') };
  return value;
}

function identifier(w: PyWalker, name: string): Value {
  const v = w.lookup(name);
  if (v) return v;
  const alias = w.aliases.get(name);
  if (alias !== undefined) return alias === 'os.environ' ? { sources: [{ kind: 'env-all' }], type: 'environ' } : { sources: [], qname: alias };
  if (w.functions.has(name)) return { sources: [], qname: name };
  return { sources: [], qname: name, name };
}

function attribute(w: PyWalker, node: Node): Value {
  const object = node.childForFieldName('object');
  const attr = node.childForFieldName('attribute')?.text ?? '';
  const own = w.lookup(node.text);
  if (own) return own;
  const obj = object ? w.eval(object) : unknown;
  if (obj.qname !== undefined) {
    const qname = `${obj.qname}.${attr}`;
    if (qname === 'os.environ' || qname === 'posix.environ') return { sources: [{ kind: 'env-all' }], type: 'environ' };
    return { sources: [], qname };
  }
  return { ...derive(obj), ...(obj.type === 'response' ? { type: 'response' } : {}) };
}

function binary(w: PyWalker, node: Node): Value {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  const op = node.childForFieldName('operator')?.text;
  const l = left ? w.eval(left) : unknown;
  const r = right ? w.eval(right) : unknown;
  if (op === '/' && l.type === 'path') return { ...derive(l, r), type: 'path', path: joinPath(l.path ?? '*', r.text ?? '*') };
  if (op === '+') return concat([l, r]);
  if (op === '%' && l.text !== undefined) return concat([{ ...l, text: l.text.replace(/%[-#0 +]*\d*(?:\.\d+)?[sdrifx]/g, '*'), exact: false }, derive(r)]);
  return derive(l, r);
}

function assignment(w: PyWalker, node: Node): Value {
  const right = node.childForFieldName('right');
  const left = node.childForFieldName('left');
  let value = right ? w.eval(right) : unknown;
  if (node.type === 'augmented_assignment' && left) {
    const old = w.eval(left);
    value = node.childForFieldName('operator')?.text === '+=' ? concat([old, value]) : derive(old, value);
  }
  if (left && right) w.assign(left, value);
  return value;
}

function dictionary(w: PyWalker, node: Node): Value {
  const entries = new Map<string, Value>();
  const values: Value[] = [];
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'pair') {
      const key = child.childForFieldName('key');
      const val = child.childForFieldName('value');
      const k = key ? w.eval(key) : unknown;
      const v = val ? w.eval(val) : unknown;
      if (k.exact && k.text !== undefined) entries.set(k.text, v);
      else if (key?.type === 'identifier') entries.set(key.text, v);
      values.push(k, v);
    } else {
      const v = w.eval(child);
      if (child.type === 'dictionary_splat') w.consume(v, child);
      values.push(v);
    }
  }
  return { ...derive(...values), entries };
}

function subscript(w: PyWalker, node: Node): Value {
  const base = node.childForFieldName('value');
  const index = node.childForFieldName('subscript');
  const b = base ? w.eval(base) : unknown;
  const i = index ? w.eval(index) : unknown;
  if (b.type === 'environ' && i.exact && i.text !== undefined) return w.envRead(i.text, w.line(node));
  if (index?.type === 'slice' && /^\[\s*:\s*:\s*-1\s*\]$/.test(node.text.slice(base?.text.length ?? 0)) && b.exact && b.text) {
    return w.reversed(b.text, w.line(node));
  }
  if (i.exact && i.text !== undefined && b.entries?.has(i.text)) return b.entries.get(i.text)!;
  if (i.exact && /^\d+$/.test(i.text ?? '') && b.items) return b.items[Number(i.text)] ?? derive(b);
  return derive(b);
}


/** A call: its qualified name, receiver and arguments, handed to the handler of that name. */
function call(w: PyWalker, node: Node): Value {
  const fn = node.childForFieldName('function');
  const argList = node.childForFieldName('arguments');
  const args: Value[] = [];
  const kw = new Map<string, Value>();
  let recv: Value | undefined;
  let name = '';
  if (fn?.type === 'attribute') {
    const own = w.lookup(fn.text);
    const object = fn.childForFieldName('object');
    const attr = fn.childForFieldName('attribute')?.text ?? '';
    recv = own ?? (object ? w.eval(object) : unknown);
    if (recv.qname !== undefined && !recv.type) name = `${recv.qname}.${attr}`;
    else name = `${recv.type ?? ''}#${attr}`;
  } else if (fn) {
    const v = w.eval(fn);
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
      const v = val ? w.eval(val) : unknown;
      kw.set(key, v);
      if (key !== 'env') w.consume(v, arg);
    } else {
      const v = w.eval(arg);
      args.push(v);
      w.consume(v, arg);
    }
  }
  const line = w.line(node);
  const site: CallSite = { name, args, kw, line, node, ...(recv ? { recv } : {}) };
  const handler = callHandlers.get(name) ?? (name.includes('#') ? callHandlers.get(name.slice(name.indexOf('#'))) : undefined);
  const result = handler?.(w, site);
  if (result) return result;
  if (recv?.type === 'environ') w.consume(recv, node);
  const local = w.functions.get(name);
  if (local) return derive(local, ...args, ...kw.values());
  return derive(...(recv && recv.qname === undefined ? [recv] : []), ...args, ...kw.values());
}
