// policy.yaml text → compiled Policy. The caller reads the file; this part does no I/O. Every
// error names the file, the key path, the value found and why it is wrong.

import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { WardenError } from '../core/index.ts';
import { compilePolicy } from './compile.ts';
import { policySchema, type PolicyDocument } from './schema.ts';
import type { Policy } from './types.ts';

function keyPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, k) => (typeof k === 'number' ? `${out}[${k}]` : out ? `${out}.${String(k)}` : String(k)), '') || '(top level)';
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = root;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function show(value: unknown): string {
  if (value === undefined) return '(missing)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function problem(file: string, path: ReadonlyArray<PropertyKey>, value: unknown, why: string): string {
  return `${file}: key "${keyPath(path)}": value ${show(value)}: ${why}`;
}

/** Roles named by principals, groups and approvers must be defined (default and external roles may be implicit). */
function undefinedRoles(doc: PolicyDocument, file: string): string[] {
  const known = new Set([...Object.keys(doc.roles), doc.defaultRole, doc.externalRole]);
  const out: string[] = [];
  const check = (role: string, path: PropertyKey[]) => {
    if (!known.has(role)) out.push(problem(file, path, role, `no role "${role}" is defined under roles`));
  };
  for (const [name, p] of Object.entries(doc.principals)) p.roles.forEach((r, i) => check(r, ['principals', name, 'roles', i]));
  for (const [name, g] of Object.entries(doc.groups)) g.roles.forEach((r, i) => check(r, ['groups', name, 'roles', i]));
  for (const [name, role] of Object.entries(doc.roles)) {
    role.approvals.forEach((a, i) => {
      if ('role' in a.approvers) check(a.approvers.role, ['roles', name, 'approvals', i, 'approvers', 'role']);
    });
  }
  return out;
}

export function parsePolicy(text: string, file = 'policy.yaml'): Policy {
  const yaml = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (yaml.errors.length > 0) {
    throw new WardenError('policy-invalid', `${file}: not valid YAML: ${yaml.errors[0]!.message}`, { file });
  }
  const raw: unknown = yaml.toJS() ?? {};
  const result = policySchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue: z.core.$ZodIssue) => problem(file, issue.path, valueAt(raw, issue.path), issue.message));
    throw new WardenError('policy-invalid', `${lines.join('\n')}\nSee docs/policy.md for a valid example.`, { file });
  }
  const missing = undefinedRoles(result.data, file);
  if (missing.length) throw new WardenError('policy-invalid', `${missing.join('\n')}\nSee docs/policy.md for a valid example.`, { file });
  return compilePolicy(result.data);
}
