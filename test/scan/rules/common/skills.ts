// Builders for the small in-memory skills the rule tests use: one script file, or a SKILL.md with
// frontmatter and a fenced block under a heading (how instructions reach the agent).

export type Files = Record<string, string>;

export const sh = (code: string, path = 'scripts/run.sh'): Files => ({ [path]: code + '\n' });
export const py = (code: string, path = 'scripts/main.py'): Files => ({ [path]: code + '\n' });
export const js = (code: string, path = 'scripts/index.js'): Files => ({ [path]: code + '\n' });
export const ps = (code: string, path = 'scripts/setup.ps1'): Files => ({ [path]: code + '\n' });

export interface DocOptions {
  heading?: string;
  lang?: string;
  /** Extra frontmatter lines (YAML) after name and description. */
  frontmatter?: string;
  description?: string;
}

/** A SKILL.md whose body has `code` in a fenced block under `## heading`. */
export function doc(code: string, options: DocOptions = {}): Files {
  const { heading = 'Usage', lang = 'bash', frontmatter = '', description = 'A helper skill.' } = options;
  const fm = `---\nname: test-skill\ndescription: ${description}\n${frontmatter ? frontmatter + '\n' : ''}---\n`;
  return { 'SKILL.md': `${fm}\n# Test skill\n\n## ${heading}\n\n\`\`\`${lang}\n${code}\n\`\`\`\n` };
}

/** A SKILL.md with the given frontmatter lines and plain body. */
export function manifest(frontmatter: string, body = 'Does things.'): Files {
  return { 'SKILL.md': `---\nname: test-skill\ndescription: A helper skill.\n${frontmatter}\n---\n\n# Test skill\n\n${body}\n` };
}

/** SKILL.md frontmatter declaring env vars in metadata.openclaw.requires.env. */
export function declaringEnv(...names: string[]): string {
  return `metadata: {"openclaw":{"requires":{"env":${JSON.stringify(names)}}}}`;
}

/**
 * A vendor's skill (`widgetco-sync`, linking its CLI guide on cli.widgetco.example) with `code` in
 * a fenced block under `## heading`; `extra` adds files (reference docs, scripts).
 */
export function vendorSkill(code: string, options: { heading?: string; lang?: string; extra?: Files } = {}): Files {
  const { heading = 'Usage', lang = 'bash', extra = {} } = options;
  const fm = '---\nname: widgetco-sync\ndescription: Syncs records with WidgetCo.\n---\n';
  const body = '# WidgetCo\n\nUses the [WidgetCo CLI](https://cli.widgetco.example/guide).\n';
  return { 'SKILL.md': `${fm}\n${body}\n## ${heading}\n\n\`\`\`${lang}\n${code}\n\`\`\`\n`, ...extra };
}
