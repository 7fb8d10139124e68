// Does a piece of decoded or rebuilt text look like a command, code or a URL? Used on decoded
// literals, never on source code itself (analyzers parse that).

const codeWords = /\b(?:curl|wget|bash|zsh|nc|ncat|socat|chmod|perl|ruby|node|powershell|iex|invoke-expression|eval|exec|subprocess|spawn|fromcharcode|atob|base64|mkfifo|osascript|crontab|launchctl)\b|\bsh -c\b|\bpython[\d.]*\b|\bimport\s+\w|\brequire\(|\bos\.system\b|child_process|\/dev\/tcp|\brm -rf\b|\$\(|`[^`]+`/i;
const urlLike = /\b(?:https?|ftp|wss?):\/\/[^\s"'<>]+|\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/i;

export function looksLikeCode(text: string | undefined): boolean {
  return text !== undefined && codeWords.test(text);
}

const commandStart = /(?:^|[|;&(`]\s*|\n\s*)(?:sudo\s+)?(?:curl|wget|bash|zsh|sh|nc|ncat|socat|chmod|perl|ruby|node|python[\d.]*|powershell|iex|eval|exec|osascript|crontab|launchctl|rm)\b/i;
const codeSyntax = /\/dev\/tcp|\$\(|child_process|\brequire\(|\bos\.system\b|\bsubprocess\.|\bfromcharcode\b|\batob\(|\beval\(|\bexec\(|\bspawn\(|^\s*import\s+\w/im;

/**
 * Text joined from plain fragments looks like code only when a program name stands where a shell
 * reads one (line start, after `|`, `;`, `&&`, `$(`) or it has code syntax: a prompt assembled from
 * sentences ("Create a Node.js script that:") names tools in prose and hides nothing.
 */
export function looksLikeCommandLine(text: string | undefined): boolean {
  return text !== undefined && (commandStart.test(text) || codeSyntax.test(text));
}

/** Encodings whose pieces are plain, readable fragments (joined or concatenated strings). */
export const plainFragments: ReadonlySet<string> = new Set(['concat', 'join', 'array-join', 'split-join']);

export function looksLikeUrl(text: string | undefined): boolean {
  return text !== undefined && urlLike.test(text);
}

/** Encodings that rebuild a string piece by piece rather than decode a blob. */
export const stringBuilding: ReadonlySet<string> = new Set([
  'charcode', 'charcodes', 'fromcharcode', 'chr', 'concat', 'join', 'reverse', 'reversed', 'rev', 'rot13', 'xor', 'split-join', 'array-join',
]);
