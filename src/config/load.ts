// Reads warden.yaml (WARDEN_CONFIG, default ./warden.yaml) and the environment. Only this part reads
// process.env; callers pass it in from their entry point.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { WardenError } from '../core/index.ts';
import { configSchema, type WardenConfig } from './schema.ts';

export interface LoadedConfig {
  config: WardenConfig;
  /** The config file read, or undefined when none exists and defaults are used. */
  file?: string;
  /** Absolute data directory. */
  home: string;
}

function describeIssue(issue: z.core.$ZodIssue, file: string): string {
  const key = issue.path.length ? issue.path.join('.') : '(top level)';
  return `${file}: key "${key}": ${issue.message}`;
}

export function parseConfig(text: string, file: string): WardenConfig {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    throw new WardenError('config-invalid', `${file}: not valid YAML: ${first.message}`, { file });
  }
  const result = configSchema.safeParse(doc.toJS() ?? {});
  if (!result.success) {
    const lines = result.error.issues.map((issue) => describeIssue(issue, file));
    throw new WardenError('config-invalid', `${lines.join('\n')}\nSee the README's "Configuration" section for a valid example.`, { file });
  }
  return result.data;
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd: string): LoadedConfig {
  const file = resolve(cwd, env.WARDEN_CONFIG ?? 'warden.yaml');
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' || env.WARDEN_CONFIG) {
      throw new WardenError('config-invalid', `cannot read config file ${file}: ${code ?? (error as Error).message}`, { file });
    }
  }
  const config = text === undefined ? configSchema.parse({}) : parseConfig(text, file);
  const home = env.WARDEN_HOME ? resolve(cwd, env.WARDEN_HOME) : resolve(text === undefined ? cwd : dirname(file), config.home);
  return { config, file: text === undefined ? undefined : file, home };
}
