// Where a `unicode` fact sits decides how alarming it is: in a script (or a line with a URL or a
// command) invisible characters change what runs or where data goes; in prose they usually come
// from copy-paste.

import type { FactOf } from '../../facts.ts';

export type UnicodeFact = FactOf<'unicode'>;

const codeLike = /:\/\/|\b(?:curl|wget|bash|sh|python3?|node|npm|pip3?|eval|exec|sudo|chmod|rm|powershell|iex)\b|[|;&$]\s*\w|`/;

/** The fact is in a script file, or on a line that holds a URL or a command. */
export function inCodeOrCommand(fact: UnicodeFact): boolean {
  return (fact.context.lang !== 'markdown' && fact.context.lang !== 'text') || codeLike.test(fact.evidence);
}
