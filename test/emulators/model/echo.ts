// The emulator's default script, for demos and benchmarks: every answer is instant. When the last
// message is the user's and matches `toolWhen.pattern`, the model calls `toolWhen.name` once;
// after a tool result it answers with `text` followed by the tool's output (so a demo shows it).

import type { ChatRequest, Script, Step } from './types.ts';

export interface EchoOptions {
  /** The final answer (default "OK."). */
  text?: string;
  toolWhen?: { pattern: RegExp; name: string; arguments: Record<string, unknown> };
}

/** The text of a message's content, whether a string or an array of parts. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part: { type?: string; text?: string }) => (part.type === 'text' && typeof part.text === 'string' ? part.text : '')).join('');
}

export function echoScript(options: EchoOptions = {}): Script {
  const text = options.text ?? 'OK.';
  return (request: ChatRequest): Step => {
    const last = request.messages?.at(-1);
    if (last?.role === 'tool') return { text: `${text} ${contentText(last.content)}`.trim() };
    if (last?.role === 'user' && options.toolWhen?.pattern.test(contentText(last.content))) {
      return { toolCalls: [{ name: options.toolWhen.name, arguments: options.toolWhen.arguments }] };
    }
    return { text };
  };
}
