// The built-in rules: an explicit map sorted by id (a test checks it is sorted and complete: one
// entry per file in this folder, each keyed by its file name).

import type { Rule } from '../types.ts';

export const ruleMap: Readonly<Record<string, Rule>> = {
};

export const rules: readonly Rule[] = Object.values(ruleMap);
