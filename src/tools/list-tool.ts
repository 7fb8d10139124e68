// `list`: what a workspace directory holds, to a depth, optionally filtered by a glob. Links are
// shown with their targets and never followed while walking (the walk opens every directory with
// O_NOFOLLOW), so a link planted by a command cannot take the listing outside the workspace.

import { closeSync, lstatSync, openSync, readdirSync, readlinkSync } from 'node:fs';
import { matchesGlob } from 'node:path';
import { materialiseFor } from './skill-copies.ts';
import { formatBytes, guarded, optionalInteger, optionalString } from './tool-result.ts';
import type { Tool } from './types.ts';
import { at, DIR_FLAGS, openDirectory, parseWorkspacePath, shown } from './workspace-fs.ts';

export interface ListToolOptions {
  /** Entries one call returns at most. Default 1000. */
  maxEntries?: number;
}

const MAX_DEPTH = 10;

function describe(dirFd: number, name: string): { line: string; dir: boolean } {
  const st = lstatSync(at(dirFd, name));
  if (st.isDirectory()) return { line: `${name}/`, dir: true };
  if (st.isFile()) return { line: `${name}  (${formatBytes(st.size)})`, dir: false };
  if (st.isSymbolicLink()) return { line: `${name} -> ${readlinkSync(at(dirFd, name))}`, dir: false };
  const kind = st.isFIFO() ? 'fifo' : st.isSocket() ? 'socket' : 'device';
  return { line: `${name}  [${kind}]`, dir: false };
}

export function createListTool(options: ListToolOptions = {}): Tool {
  const maxEntries = options.maxEntries ?? 1000;
  return {
    name: 'list',
    description: 'List the files and directories under a workspace path (default the workspace itself), to a depth, optionally only those matching a glob such as "**/*.md". Skills are under skills/.',
    parameters: {
      type: 'object',
      properties: {
        path: { type: 'string', description: 'Directory relative to the workspace. Default ".".' },
        depth: { type: 'integer', minimum: 1, maximum: MAX_DEPTH, description: 'How many levels to descend. Default 1, or 10 with a glob.' },
        glob: { type: 'string', description: 'Only entries whose path below the listed directory matches, e.g. "**/*.py".' },
      },
      additionalProperties: false,
    },
    writes: false,
    run: (args, context) =>
      guarded(async () => {
        const path = optionalString(args, 'path') ?? '.';
        const glob = optionalString(args, 'glob');
        const depth = optionalInteger(args, 'depth', 1, MAX_DEPTH) ?? (glob ? MAX_DEPTH : 1);
        const components = parseWorkspacePath(context.workspace, path);
        await materialiseFor(components, context);
        const opened = openDirectory(context.workspace, components);
        const lines: string[] = [];
        let more = false;
        const walk = (fd: number, rel: string, level: number) => {
          for (const name of readdirSync(at(fd, '.')).sort()) {
            if (lines.length >= maxEntries) {
              more = true;
              return;
            }
            const entryPath = rel ? `${rel}/${name}` : name;
            let entry;
            try {
              entry = describe(fd, name);
            } catch {
              continue; // removed meanwhile
            }
            if (!glob || matchesGlob(entryPath, glob)) lines.push(`${rel ? `${rel}/` : ''}${entry.line}`);
            if (entry.dir && level < depth) {
              let child: number;
              try {
                child = openSync(at(fd, name), DIR_FLAGS);
              } catch {
                continue; // replaced by a link or removed meanwhile: not followed
              }
              try {
                walk(child, entryPath, level + 1);
              } finally {
                closeSync(child);
              }
            }
          }
        };
        try {
          walk(opened.fd, '', 1);
        } finally {
          closeSync(opened.fd);
        }
        const where = shown(opened.real);
        if (more) lines.push(`[… stopped at ${maxEntries} entries; list a subdirectory or use a glob to narrow it]`);
        const content = lines.length > 0 ? lines.join('\n') : `${where} is empty${glob ? ` (nothing matches ${glob})` : ''}`;
        return { ok: true, content, summary: `listed ${where}: ${lines.length - (more ? 1 : 0)} entries${more ? ' (cut)' : ''}`, data: { path: where, entries: lines.length - (more ? 1 : 0), cut: more } };
      }),
  };
}
