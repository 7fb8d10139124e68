// A prompt-injection rule that is a phrase table and a severity: one finding per prose block whose
// phrase is said (not quoted, taught or negated; see match.ts). Hidden text is reported too, one
// step more severe, since hiding it is itself a sign of intent.

import type { FactIndex, Rule, RuleMeta, Severity } from '../../types.ts';
import { raise } from '../common/context.ts';
import { findProse, quote, type MatchOptions, type ProseHit } from './match.ts';

export interface PhraseRuleSpec extends Omit<RuleMeta, 'category' | 'messages'> {
  patterns: readonly RegExp[];
  /** Finds the hits itself (several phrase tables with their own options); `patterns` and `match` are then unused. */
  find?: (facts: FactIndex) => ProseHit[];
  match?: MatchOptions;
  /** Message for a visible phrase; `{{phrase}}` is the matched text. */
  message: string;
  /** Severity of one hit, before hidden text raises it; default `severity`. */
  grade?: (hit: ProseHit) => Severity | undefined;
}

export function createPhraseRule(spec: PhraseRuleSpec): Rule {
  const { patterns, match, message, grade, find, ...meta } = spec;
  return {
    meta: { ...meta, category: 'prompt-injection', messages: { said: message, hidden: `${message} (in text hidden from the reader)` } },
    check(facts, context) {
      for (const hit of find ? find(facts) : findProse(facts, patterns, match)) {
        const severity = grade ? grade(hit) : meta.severity;
        if (!severity) continue;
        const hidden = hit.fact.context.hidden === true;
        context.report({
          messageId: hidden ? 'hidden' : 'said', fact: hit.fact, data: { phrase: quote(hit) },
          severity: hidden ? raise(severity) : severity, evidence: hit.sentence,
        });
      }
    },
  };
}
