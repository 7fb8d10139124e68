// Patterns of policy.yaml compiled once: names with `*`/`?` wildcards or /regex/flags, and hosts
// (`api.example.com`, `*.example.com` for its subdomains, optional `:port`). Each matcher carries
// its specificity, which decides between rules: a literal says more than a wildcard.

export interface Matcher {
  source: string;
  /** 2 for a literal, 1 for a wildcard or regex, 0 for a bare `*`. */
  specificity: number;
  test(value: string): boolean;
}

const escape = (s: string) => s.replace(/[.+^${}()|[\]\\]/g, '\\$&');

export function compilePattern(source: string): Matcher {
  const regex = /^\/(.+)\/([a-z]*)$/.exec(source);
  if (regex) {
    const re = new RegExp(regex[1]!, regex[2]!.replace('g', ''));
    return { source, specificity: 1, test: (v) => re.test(v) };
  }
  if (source === '*') return { source, specificity: 0, test: () => true };
  if (!/[*?]/.test(source)) return { source, specificity: 2, test: (v) => v === source };
  const re = new RegExp(`^${escape(source).replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]')}$`);
  return { source, specificity: 1, test: (v) => re.test(v) };
}

export function compileHost(source: string): { source: string; specificity: number; test(host: string, port: number): boolean } {
  const m = /^(.*?)(?::(\d+))?$/.exec(source.toLowerCase())!;
  const name = m[1]!;
  const port = m[2] === undefined ? undefined : Number(m[2]);
  const wildcard = name.startsWith('*.');
  const suffix = name.slice(1);
  return {
    source,
    specificity: wildcard ? 1 : 2,
    test(host, p) {
      const h = host.toLowerCase().replace(/\.$/, '');
      if (port !== undefined && p !== port) return false;
      return wildcard ? h.endsWith(suffix) && h.length > suffix.length : h === name;
    },
  };
}

/** An argument as text for matching: strings as they are, anything else as JSON. */
export function argumentText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}
