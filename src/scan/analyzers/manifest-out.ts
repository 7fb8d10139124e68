// What every manifest reader emits through: dependency and install-hook facts with evidence from
// the line they stand on, and lookups of a name's line in the text.

import type { DependencyFact } from '../facts.ts';
import type { AnalyzerSink } from '../types.ts';
import { LineMap } from './common/index.ts';

export type Ecosystem = DependencyFact['ecosystem'];

export class ManifestOut {
  readonly text: string;
  readonly sink: AnalyzerSink;
  readonly #lines: LineMap;

  constructor(text: string, sink: AnalyzerSink) {
    this.text = text;
    this.sink = sink;
    this.#lines = new LineMap(text);
  }

  dependency(line: number, ecosystem: Ecosystem, name: string, version: string | undefined, pinned: boolean, source?: string): void {
    if (!name) return;
    this.sink.emit({
      kind: 'dependency', line, evidence: this.#lines.excerpt(line), ecosystem, name, pinned, via: 'manifest',
      ...(version ? { version } : {}), ...(source ? { source } : {}),
    });
  }

  hook(line: number, manager: string, hook: string, command: string): void {
    this.sink.emit({ kind: 'install-hook', line, evidence: this.#lines.excerpt(line), manager, hook, command });
    this.sink.analyze({ text: command, lang: 'shell', line });
  }

  /** 1-based line of the first occurrence of `needle` at or after line `from` (else `from`). */
  lineOf(needle: string, from = 1): number {
    for (let line = Math.max(1, from); line <= this.#lines.lineCount; line++) {
      if (this.#lines.lineText(line).includes(needle)) return line;
    }
    return from;
  }
}
