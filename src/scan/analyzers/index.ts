// The analyzers, one per language, registered explicitly (no import side effects).

import type { Lang } from '../facts.ts';
import type { Analyzer } from '../types.ts';
import { markdownAnalyzer } from './markdown.ts';
import { textAnalyzer } from './text.ts';
import { shellAnalyzer } from './shell.ts';
import { powershellAnalyzer } from './powershell.ts';
import { pythonAnalyzer } from './python.ts';
import { javascriptAnalyzer } from './javascript.ts';
import { manifestAnalyzer } from './manifest.ts';
import { scriptAnalyzer } from './script.ts';
import { recipeAnalyzer } from './recipe.ts';

export const analyzers: Readonly<Record<Lang, Analyzer>> = {
  markdown: markdownAnalyzer,
  text: textAnalyzer,
  shell: shellAnalyzer,
  powershell: powershellAnalyzer,
  python: pythonAnalyzer,
  javascript: javascriptAnalyzer,
  manifest: manifestAnalyzer,
  script: scriptAnalyzer,
  recipe: recipeAnalyzer,
};

export { scanUnicode } from './unicode.ts';
