// Prose the agent will read that is not Markdown: text a script writes into a file (a heredoc
// appended to AGENTS.md, a preset written to SOUL.md) and natural-language string literals in code
// (MCP tool descriptions, prompts), which analyzers emit as prose facts with origin `code`. A long
// literal split over consecutive lines ('…' + '…', Python's implicit concatenation) is joined into
// one fact, so a sentence cut in the middle is still read whole. Computed once per skill.

import type { FactOf } from '../../facts.ts';
import type { FactIndex } from '../../types.ts';

type ProseFact = FactOf<'prose'>;

const maxChars = 4_000;
const cache = new WeakMap<FactIndex, ProseFact[]>();

/** Files that make up the agent's persistent memory, persona and standing instructions. */
export const memoryFile = /(?:^|[/\\])(?:SOUL|MEMORY|AGENTS|USER|IDENTITY|HEARTBEAT|BOOTSTRAP|TOOLS|CLAUDE|GEMINI)\.md$|(?:^|[/\\])memory[/\\][^/\\]+\.md$|\.cursorrules$|(?:^|[/\\])\.github[/\\]copilot-instructions\.md$/i;

/** Written-file prose with the file it goes to, when that file is agent memory. */
const writtenTo = new WeakMap<ProseFact, string>();

/** The memory file this derived prose is written into, if any. */
export function memoryTargetOf(fact: ProseFact): string | undefined {
  return writtenTo.get(fact);
}

function fromWrites(facts: FactIndex): ProseFact[] {
  const out: ProseFact[] = [];
  for (const w of facts.of('file-write')) {
    if (!w.content || !/[a-z]{3,}\s+[a-z]{2,}\s+[a-z]{2,}/i.test(w.content)) continue;
    const text = w.content.replace(/\s+/g, ' ').trim().slice(0, maxChars);
    const fact: ProseFact = { kind: 'prose', text, block: 'other', file: w.file, line: w.line, evidence: w.evidence, context: w.context };
    if (memoryFile.test(w.path)) writtenTo.set(fact, w.path);
    out.push(fact);
  }
  return out;
}

/** Code-literal prose facts of one file on consecutive lines, joined; single ones are left as they are. */
function joinedLiterals(facts: FactIndex): ProseFact[] {
  const literals = facts.of('prose').filter((f) => f.context.origin === 'code');
  const out: ProseFact[] = [];
  let run: ProseFact[] = [];
  const flush = () => {
    if (run.length > 1) {
      const text = run.map((f) => f.text).join(' ').replace(/\s+/g, ' ').slice(0, maxChars);
      out.push({ ...run[0]!, text });
    }
    run = [];
  };
  for (const f of literals) {
    const last = run[run.length - 1];
    if (last && (last.file !== f.file || f.line - last.line > 1)) flush();
    run.push(f);
  }
  flush();
  return out;
}

/** Extra prose facts of a skill (see the header); the facts index keeps its own prose facts. */
export function derivedProse(facts: FactIndex): ProseFact[] {
  let out = cache.get(facts);
  if (!out) {
    out = [...fromWrites(facts), ...joinedLiterals(facts)];
    cache.set(facts, out);
  }
  return out;
}
