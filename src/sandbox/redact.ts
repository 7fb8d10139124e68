// Commands in events are redacted: a secret's value becomes [secret NAME], a placeholder becomes
// [placeholder], and a word shaped like a known credential becomes [redacted KIND].

import { PLACEHOLDER_PATTERN, TOKEN_PATTERNS } from '../egress/index.ts';

export function redactWords(words: string[], secrets: Array<{ name: string; value: string }>): string[] {
  return words.map((word) => {
    let out = word;
    for (const s of secrets) if (s.value) out = out.split(s.value).join(`[secret ${s.name}]`);
    out = out.replace(PLACEHOLDER_PATTERN, '[placeholder]');
    for (const t of TOKEN_PATTERNS) out = out.replace(new RegExp(t.pattern.source, `${t.pattern.flags.replace('g', '')}g`), `[redacted ${t.id}]`);
    return out;
  });
}
