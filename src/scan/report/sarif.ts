// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. One run; the driver lists the rules
// that fired (with help text and a security-severity GitHub uses to rank alerts); each finding is a
// result located in its file relative to the scan root (`%SRCROOT%`). A finding inside a bundle is
// located on the bundle file, with the path inside it in the message. Baselined findings carry an
// accepted external suppression. Inputs that could not be scanned are tool notifications, and the
// run is then marked as not executed successfully.

import { createHash } from 'node:crypto';
import { isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleMap } from '../rules/index.ts';
import type { Finding, Rule, RuleMeta, ScanReport, Severity, SkillReport } from '../types.ts';

export interface SarifOptions {
  /** Absolute folder the artifact URIs are relative to (`%SRCROOT%`), normally the repository root. */
  root?: string;
  /** Rule metadata to describe findings with; default: the built-in rules. */
  rules?: readonly Rule[];
  toolVersion?: string;
}

const levelOf: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
const securitySeverity: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };
const rootId = '%SRCROOT%';

function ruleDescriptor(id: string, meta: RuleMeta | undefined) {
  if (!meta) {
    return { id, name: id, shortDescription: { text: id }, properties: { tags: ['security'] } };
  }
  const refs = meta.references.length > 0 ? `\n\nReferences:\n${meta.references.map((r) => `- ${r}`).join('\n')}` : '';
  const helpUri = meta.references.find((r) => /^https?:\/\//.test(r));
  return {
    id,
    name: id.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    help: { text: `${meta.description}${refs}`, markdown: `**${meta.title}**\n\n${meta.description}${refs}` },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: levelOf[meta.severity] },
    properties: {
      tags: ['security', `warden/${meta.category}`],
      category: meta.category,
      precision: 'high',
      'security-severity': securitySeverity[meta.severity],
    },
  };
}

/** Splits `dir/x.zip!inner/skill` into the bundle file and the skill folder inside it. */
function splitBundle(path: string): { file: string; inner?: string; bundle: boolean } {
  const m = /^(.*?\.(?:zip|tgz|tar\.gz|tar))(?:!(.*))?$/i.exec(path);
  return m ? { file: m[1]!, inner: m[2], bundle: true } : { file: path, bundle: false };
}

function artifactLocation(path: string, root: string | undefined) {
  const posixPath = path.split(sep).join('/');
  if (!root) {
    return isAbsolute(path) ? { uri: pathToFileURL(path).href } : { uri: encodeSegments(posixPath), uriBaseId: rootId };
  }
  const rel = relative(root, resolve(root, path));
  if (rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(resolve(root, path)).href };
  return { uri: encodeSegments(rel.split(sep).join('/')), uriBaseId: rootId };
}

function encodeSegments(path: string): string {
  return posix.normalize(path).split('/').map(encodeURIComponent).join('/');
}

function fingerprint(parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex');
}

function result(skill: SkillReport, f: Finding, ruleIndex: number, root: string | undefined) {
  const { file, inner, bundle } = splitBundle(skill.path);
  const innerPath = bundle ? [inner, f.file].filter(Boolean).join('/') : f.file;
  const location = artifactLocation(bundle ? file : `${skill.path}/${f.file}`, root);
  const where = bundle ? ` (in ${innerPath}:${f.line})` : '';
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: levelOf[f.severity],
    message: { text: `${f.message}${where} [skill ${skill.name}: ${skill.verdict}, score ${skill.score}]` },
    locations: [{
      physicalLocation: {
        artifactLocation: location,
        ...(bundle ? {} : { region: { startLine: Math.max(1, f.line), ...(f.evidence ? { snippet: { text: f.evidence } } : {}) } }),
      },
    }],
    partialFingerprints: { 'wardenFinding/v1': fingerprint([f.ruleId, location.uri, innerPath, f.evidence.replace(/\s+/g, ' ').trim()]) },
    ...(f.baselined ? { suppressions: [{ kind: 'external', status: 'accepted', justification: 'accepted in the Warden baseline' }] } : {}),
    properties: {
      severity: f.severity,
      category: f.category,
      skill: skill.name,
      skillPath: skill.path,
      skillHash: skill.hash,
      verdict: skill.verdict,
      score: skill.score,
      ...(bundle ? { fileInBundle: innerPath, lineInBundle: f.line } : {}),
    },
  };
}

export function formatSarif(report: ScanReport, options: SarifOptions = {}): string {
  const metas = new Map<string, RuleMeta>();
  for (const rule of options.rules ?? Object.values(ruleMap)) metas.set(rule.meta.id, rule.meta);
  const ids = [...new Set(report.skills.flatMap((s) => s.findings.map((f) => f.ruleId)))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const root = options.root;
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Warden',
          semanticVersion: options.toolVersion ?? '0.1.0',
          rules: ids.map((id) => ruleDescriptor(id, metas.get(id))),
        },
      },
      ...(root ? { originalUriBaseIds: { [rootId]: { uri: pathToFileURL(root.endsWith('/') ? root : `${root}/`).href } } } : {}),
      invocations: [{
        executionSuccessful: report.errors.length === 0,
        toolExecutionNotifications: report.errors.map((e) => ({
          level: 'error',
          message: { text: `${e.path}: ${e.message}` },
          locations: [{ physicalLocation: { artifactLocation: artifactLocation(e.path, root) } }],
        })),
      }],
      results: report.skills.flatMap((s) => s.findings.map((f) => result(s, f, index.get(f.ruleId)!, root))),
      properties: {
        skills: report.skills.map((s) => ({ path: s.path, name: s.name, hash: s.hash, verdict: s.verdict, score: s.score })),
      },
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
