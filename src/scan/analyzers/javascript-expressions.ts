// JavaScript/TypeScript expressions as values (python-js-values.ts) that need no scope of their
// own: literals and template strings (their URLs and prose recorded), names through the walker's
// scopes and import aliases, member chains (`process.env.X` is an env read), object literals and
// imports. Calls, functions and bindings stay in the walker (javascript-walk.ts).

import { concat, derive, literal, unknown, type Value } from './python-js-values.ts';
import type { JsNode, JsWalker } from './javascript-walk.ts';

/** Canonical module name: `node:fs` → `fs`, `fs/promises` → `fs.promises`. */
export function moduleName(spec: string): string {
  return spec.replace(/^node:/, '').replace(/^(fs|dns|stream|timers|readline)\/promises$/, '$1.promises').replace(/\/promises$/, '.promises');
}

/** A string or number literal; URLs and prose in a string are recorded. */
export function literalValue(w: JsWalker, n: JsNode): Value {
  if (typeof n.value === 'string') {
    w.rec.urls(n.value, w.line(n));
    return literal(n.value);
  }
  if (typeof n.value === 'number') return literal(String(n.value));
  return unknown;
}

/** A template literal as a concatenation; its URLs and prose are recorded. */
export function template(w: JsWalker, n: JsNode): Value {
  const quasis = n.quasis as JsNode[];
  const exprs = n.expressions as JsNode[];
  const parts: Value[] = [];
  quasis.forEach((q, i) => {
    const cooked = (q.value as { cooked?: string | null; raw: string }).cooked ?? (q.value as { raw: string }).raw;
    if (cooked) parts.push(literal(cooked));
    if (exprs[i]) parts.push(w.eval(exprs[i]));
  });
  const v = parts.length === 0 ? literal('') : concat(parts);
  if (v.text) w.rec.urls(v.text, w.line(n));
  return v;
}

/** A name: a bound value, an import alias (`process.env` is the environment) or a global by name. */
export function identifier(w: JsWalker, name: string): Value {
  const v = w.lookup(name);
  if (v) return v;
  const alias = w.aliases.get(name);
  if (alias !== undefined) return alias === 'process.env' ? envValue() : { sources: [], qname: alias };
  return { sources: [], qname: name, name };
}

/** The dotted name of a member chain when it is static (`a.b.c`, `a['b']`). */
export function propertyName(n: JsNode): string | undefined {
  const prop = n.property as JsNode;
  if (!n.computed) return (prop.name as string) ?? undefined;
  return prop.type === 'Literal' && typeof prop.value === 'string' ? prop.value : undefined;
}

/** `a.b`, `a[k]`: a static chain is a qualified name; `process.env.X` reads X. */
export function member(w: JsWalker, n: JsNode): Value {
  const obj = w.eval(n.object as JsNode);
  const prop = propertyName(n);
  if (n.computed && prop === undefined) {
    const key = w.eval(n.property as JsNode);
    if (obj.type === 'environ') return key.exact && key.text ? w.envRead(key.text, n) : obj;
    return derive(obj, key);
  }
  if (obj.type === 'environ' && prop !== undefined) return w.envRead(prop, n);
  if (obj.qname !== undefined && prop !== undefined) {
    const qname = `${obj.qname}.${prop}`;
    return qname === 'process.env' ? envValue() : { sources: [], qname };
  }
  if (prop !== undefined && obj.entries?.has(prop)) return obj.entries.get(prop)!;
  const keep = obj.type === 'socket' || obj.type === 'shell-proc' || obj.type === 'response' ? { type: obj.type, ...(obj.handle ? { handle: obj.handle } : {}) } : {};
  return { ...derive(obj), ...keep };
}

/**
 * `childEnv`: the object is the `env` option of a child process (`{ env: { ...process.env, X } }`),
 * which inherits the environment rather than dumping it; its values still carry their sources.
 */
export function objectValue(w: JsWalker, n: JsNode, childEnv = false): Value {
  const entries = new Map<string, Value>();
  const values: Value[] = [];
  for (const p of n.properties as JsNode[]) {
    if (p.type === 'SpreadElement') {
      values.push(childEnv ? w.eval(p.argument as JsNode) : w.eval(p));
      continue;
    }
    const key = p.key as JsNode;
    const name = !p.computed && key.type === 'Identifier' ? (key.name as string) : key.type === 'Literal' ? String(key.value) : undefined;
    const value = p.value as JsNode;
    const v = name === 'env' && value.type === 'ObjectExpression' ? objectValue(w, value, true) : w.eval(value);
    if (name !== undefined) entries.set(name, v);
    values.push(v);
  }
  return { ...derive(...values), entries };
}

/** `import … from 'x'`: an import fact, and its local names as aliases of the module. */
export function importDeclaration(w: JsWalker, n: JsNode): Value {
  const spec = (n.source as JsNode).value as string;
  const module = moduleName(spec);
  w.rec.emit({ kind: 'import', line: w.line(n), module: spec });
  for (const s of (n.specifiers as JsNode[]) ?? []) {
    const local = (s.local as JsNode).name as string;
    if (s.type === 'ImportSpecifier') {
      const imported = (s.imported as JsNode).name as string ?? String((s.imported as JsNode).value);
      w.aliases.set(local, imported === 'default' ? module : `${module}.${imported}`);
    } else w.aliases.set(local, module);
  }
  return unknown;
}

/** `import(x)`: a literal module is an import, anything else runs code chosen at run time. */
export function dynamicImport(w: JsWalker, n: JsNode): Value {
  const v = w.eval(n.source as JsNode);
  if (v.exact && v.text !== undefined) {
    w.rec.emit({ kind: 'import', line: w.line(n), module: v.text });
    return { sources: [], qname: moduleName(v.text) };
  }
  w.rec.exec(w.line(n), 'import()', v, 'javascript');
  return unknown;
}

function envValue(): Value {
  return { sources: [{ kind: 'env-all' }], type: 'environ' };
}
