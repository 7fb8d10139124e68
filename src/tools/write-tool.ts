// `write`: create or replace a file in the workspace with the given text. Missing parent
// directories are made. The file is replaced by write-to-temp + rename, so a link or hard link
// planted at the path by a command is replaced, never written through.

import { closeSync } from 'node:fs';
import { skillCopyAt } from './skill-copies.ts';
import { formatBytes, guarded, stringArg, ToolFailure } from './tool-result.ts';
import type { Tool, ToolSkill } from './types.ts';
import { parseWorkspacePath, replaceFile, resolveEntry, shown, type Entry } from './workspace-fs.ts';

export interface WriteToolOptions {
  /** Largest content accepted, in bytes. Default 4 MiB. */
  maxBytes?: number;
}

/** Refuses writes into the copy of an approved skill (they would be undone before the next command). */
export function refuseSkillCopy(entry: Pick<Entry, 'real'> & { dirFd?: number }, skills: ReadonlyMap<string, ToolSkill>): void {
  const skill = skillCopyAt(entry.real, skills);
  if (skill === undefined) return;
  if (entry.dirFd !== undefined) closeSync(entry.dirFd);
  throw new ToolFailure('skill-files-read-only', `${shown(entry.real)} belongs to the approved skill "${skill}"; its files are restored before every command and cannot be changed here. Write your file elsewhere in the workspace.`, { path: shown(entry.real), skill });
}

export function createWriteTool(options: WriteToolOptions = {}): Tool {
  const maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
  return {
    name: 'write',
    description: 'Create or overwrite a text file in the workspace with the given content; missing directories are created.',
    parameters: {
      type: 'object',
      properties: {
        path: { type: 'string', description: 'File path relative to the workspace.' },
        content: { type: 'string', description: 'The complete new content of the file.' },
      },
      required: ['path', 'content'],
      additionalProperties: false,
    },
    writes: false,
    run: (args, context) =>
      guarded(() => {
        const path = stringArg(args, 'path');
        const content = stringArg(args, 'content', { allowEmpty: true });
        const data = Buffer.from(content, 'utf8');
        if (data.length > maxBytes) {
          throw new ToolFailure('too-large', `content is ${formatBytes(data.length)}; write accepts at most ${formatBytes(maxBytes)} per file`, { bytes: data.length });
        }
        const components = parseWorkspacePath(context.workspace, path);
        // Checked before any directory is made, and again on the resolved path (links).
        refuseSkillCopy({ real: components }, context.skills);
        const entry = resolveEntry(context.workspace, components, true);
        refuseSkillCopy(entry, context.skills);
        try {
          replaceFile(entry, data);
        } finally {
          closeSync(entry.dirFd);
        }
        const where = shown(entry.real);
        const verb = entry.stat ? 'replaced' : 'created';
        return { ok: true, content: `${verb} ${where} (${formatBytes(data.length)})`, summary: `${verb} ${where}, ${formatBytes(data.length)}`, data: { path: where, bytes: data.length, created: !entry.stat } };
      }),
  };
}
