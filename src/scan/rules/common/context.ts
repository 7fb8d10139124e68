// How much a fact's surroundings change what it means. Code in a Markdown block is an instruction
// the agent or user may run, so it counts as code; but a block under a heading that teaches about
// attacks ("Examples of malicious patterns", "Never run this") is a quotation, and weighs less.

import type { Fact, FactContext } from '../../facts.ts';
import type { Severity, SkillInfo } from '../../types.ts';

const teachingHeading = /\b(?:malicious|attacks?|attacker|exploits?|threats?|iocs?|indicators?|red flags?|anti-?patterns?|never (?:run|do|use)|do not (?:run|use)|don'?t (?:run|use)|dangerous|unsafe|bad (?:example|practice)|what not to|detect(?:s|ion|ed)?|examples? of|vulnerab\w*|payloads?|phishing|scam)\b|恶意|攻击|危险|不要运行|示例/i;

const installHeading = /\b(?:install(?:ation|ing)?|setup|set up|getting started|quick ?start|prerequisites?|requirements|dependencies)\b|安装|准备/i;

/** The fact sits in documentation (a fenced block, inline code or prose), not in a script file. */
export function isDocumentation(context: FactContext): boolean {
  return context.origin === 'codeblock' || context.origin === 'inline-code' || context.origin === 'prose';
}

/**
 * Documentation in a reference file the agent reads on demand (a code block in `references/*.md`),
 * not in SKILL.md and not hidden: an example of how the service is called, weaker than a script.
 */
export function isReferenceDoc(fact: Fact, skill: SkillInfo): boolean {
  return isDocumentation(fact.context) && !fact.context.hidden && fact.file !== skill.manifest.file;
}

/** Documentation under a heading that teaches about attacks rather than telling anyone to act. */
export function isTeaching(context: FactContext): boolean {
  return isDocumentation(context) && !context.hidden && context.headings.some((h) => teachingHeading.test(h));
}

/** Documentation under an install / setup / prerequisites heading. */
export function isInstallSection(context: FactContext): boolean {
  return isDocumentation(context) && context.headings.some((h) => installHeading.test(h));
}

const order: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** `severity` lowered by `steps` (never below info). */
export function lower(severity: Severity, steps = 1): Severity {
  return order[Math.min(order.length - 1, order.indexOf(severity) + steps)]!;
}

/** `severity` raised by `steps` (never above critical). */
export function raise(severity: Severity, steps = 1): Severity {
  return order[Math.max(0, order.indexOf(severity) - steps)]!;
}

const teachingPurpose = /\b(?:teach(?:es|ing)?|training|educational|awareness|course|tutorial|lessons?|learn(?:ing)?|field guide|explains?)\b/i;
const attackTopic = /\b(?:attacks?|injections?|phishing|malware|droppers?|exploits?|threats?|social[- ]engineering|supply[- ]chain|security)\b/i;
const purposeCache = new WeakMap<SkillInfo, boolean>();

/** The skill says it teaches about attacks (a security course, a guide to prompt injection). */
export function isTeachingSkill(skill: SkillInfo): boolean {
  let known = purposeCache.get(skill);
  if (known === undefined) {
    known = teachingPurpose.test(skill.description) && attackTopic.test(skill.description);
    purposeCache.set(skill, known);
  }
  return known;
}

/**
 * The severity a fact's context allows: two steps lower under a teaching heading; one step lower
 * in the documentation (not the scripts, never hidden text) of a skill whose stated purpose is
 * teaching about attacks, so its quoted examples stay below a verdict while a hostile one (critical)
 * still shows.
 */
export function weigh(severity: Severity, fact: Fact, skill?: SkillInfo): Severity {
  if (isTeaching(fact.context)) return lower(severity, 2);
  if (skill && isDocumentation(fact.context) && !fact.context.hidden && isTeachingSkill(skill)) return lower(severity);
  return severity;
}
