// `edit`: replace an exact string in a workspace file. The string must occur exactly once unless
// replace_all is set; zero or several matches fail with the count, so the model adds context
// instead of editing the wrong place. The file is rewritten by temp + rename, like `write`.

import { closeSync, readFileSync } from 'node:fs';
import { formatBytes, guarded, optionalBoolean, stringArg, ToolFailure } from './tool-result.ts';
import type { Tool } from './types.ts';
import { openRegularFile, parseWorkspacePath, replaceFile, resolveEntry, shown } from './workspace-fs.ts';
import { refuseSkillCopy } from './write-tool.ts';

export interface EditToolOptions {
  /** Largest file edited, in bytes. Default 4 MiB. */
  maxBytes?: number;
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

export function createEditTool(options: EditToolOptions = {}): Tool {
  const maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
  return {
    name: 'edit',
    description: 'Replace an exact string in a workspace file. old_string must match exactly once (give enough surrounding text), or set replace_all to change every occurrence.',
    parameters: {
      type: 'object',
      properties: {
        path: { type: 'string', description: 'File path relative to the workspace.' },
        old_string: { type: 'string', description: 'The exact text to replace, whitespace included.' },
        new_string: { type: 'string', description: 'The text to put in its place.' },
        replace_all: { type: 'boolean', description: 'Replace every occurrence instead of exactly one. Default false.' },
      },
      required: ['path', 'old_string', 'new_string'],
      additionalProperties: false,
    },
    writes: false,
    run: (args, context) =>
      guarded(() => {
        const path = stringArg(args, 'path');
        const oldString = stringArg(args, 'old_string');
        const newString = stringArg(args, 'new_string', { allowEmpty: true });
        const replaceAll = optionalBoolean(args, 'replace_all') ?? false;
        if (oldString === newString) throw new ToolFailure('bad-argument', 'old_string and new_string are the same; nothing would change', { argument: 'new_string' });
        const entry = resolveEntry(context.workspace, parseWorkspacePath(context.workspace, path));
        refuseSkillCopy(entry, context.skills);
        const where = shown(entry.real);
        try {
          const opened = openRegularFile(entry);
          let text: string;
          try {
            if (opened.stat.size > maxBytes) throw new ToolFailure('too-large', `${where} is ${formatBytes(opened.stat.size)}; edit handles files up to ${formatBytes(maxBytes)} (use exec with sed or a script for larger ones)`, { path: where, bytes: opened.stat.size });
            const bytes = readFileSync(opened.fd);
            if (bytes.subarray(0, 8192).includes(0)) throw new ToolFailure('binary-file', `${where} is a binary file; edit changes text files only`, { path: where });
            text = bytes.toString('utf8');
          } finally {
            closeSync(opened.fd);
          }
          const count = countOccurrences(text, oldString);
          if (count === 0) throw new ToolFailure('no-match', `old_string was not found in ${where}; read the file and copy the exact text (whitespace and line breaks included)`, { path: where, matches: 0 });
          if (count > 1 && !replaceAll) throw new ToolFailure('ambiguous-match', `old_string occurs ${count} times in ${where}; include more surrounding text so it matches once, or set replace_all to change all ${count}`, { path: where, matches: count });
          const updated = replaceAll ? text.split(oldString).join(newString) : text.replace(oldString, () => newString);
          replaceFile(entry, Buffer.from(updated, 'utf8'));
          const what = `${count} replacement${count === 1 ? '' : 's'}`;
          return { ok: true, content: `edited ${where}: ${what}`, summary: `edited ${where}, ${what}`, data: { path: where, replacements: count } };
        } finally {
          closeSync(entry.dirFd);
        }
      }),
  };
}
