// Arguments and results shared by the built-in tools. An expected failure (a bad argument, a
// missing file, a path that leaves the workspace) is a `ToolFailure` thrown inside a tool and turned
// into an `ok: false` result by `guarded`, so the model reads what went wrong and where; a tool
// never crashes the turn over input it was given.

import type { ToolResult } from './types.ts';

/** An expected failure of one tool call; `code` is stable (for the audit log), the message is for the model. */
export class ToolFailure extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ToolFailure';
    this.code = code;
    this.details = details;
  }
}

export function failed(code: string, message: string, details: Record<string, unknown> = {}): ToolResult {
  return { ok: false, content: message, summary: `failed: ${code}`, data: { error: code, ...details } };
}

/**
 * Runs a tool body; ToolFailures become results, and so do system errors of file operations (a
 * disk that is full, a file removed mid-walk): the model learns the call failed and why. Anything
 * else is a bug and propagates.
 */
export async function guarded(body: () => Promise<ToolResult> | ToolResult): Promise<ToolResult> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof ToolFailure) return failed(error.code, error.message, error.details);
    const errno = error as NodeJS.ErrnoException;
    if (typeof errno.code === 'string' && /^E[A-Z]+$/.test(errno.code) && typeof errno.syscall === 'string') {
      return failed('io-error', `the file operation failed (${errno.code} in ${errno.syscall}); the workspace may have changed meanwhile, or the disk is full`, { errno: errno.code, syscall: errno.syscall });
    }
    throw error;
  }
}

export function stringArg(args: Record<string, unknown>, name: string, options: { allowEmpty?: boolean } = {}): string {
  const value = args[name];
  if (typeof value !== 'string') throw new ToolFailure('bad-argument', `argument "${name}" must be a string (got ${describe(value)})`, { argument: name });
  if (!options.allowEmpty && value === '') throw new ToolFailure('bad-argument', `argument "${name}" must not be empty`, { argument: name });
  return value;
}

export function optionalString(args: Record<string, unknown>, name: string): string | undefined {
  return args[name] === undefined || args[name] === null ? undefined : stringArg(args, name);
}

export function optionalInteger(args: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const value = args[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ToolFailure('bad-argument', `argument "${name}" must be a whole number from ${min} to ${max} (got ${describe(value)})`, { argument: name });
  }
  return value;
}

export function optionalBoolean(args: Record<string, unknown>, name: string): boolean | undefined {
  const value = args[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new ToolFailure('bad-argument', `argument "${name}" must be true or false (got ${describe(value)})`, { argument: name });
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'an array' : typeof value;
}

/** "2.1 KiB", "512 B": sizes in summaries and markers. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
