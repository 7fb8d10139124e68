// Egress: Warden's decision for each outbound request from a sandbox (allow-list, placeholder
// rules, DLP). The proxy itself is the sandbox engine's; this part supplies its filterRequest.

export { createDlp, encodedForms, fingerprintSecret } from './dlp.ts';
export type { Dlp, DlpCanary, DlpFingerprint, DlpFinding, DlpOptions, DlpSecret } from './dlp.ts';
export { createEgressFilter, PLACEHOLDER_PATTERN } from './filter.ts';
export type { EgressDecision, EgressDecisionRecord, EgressFilterOptions, EgressHost, PlaceholderRule } from './filter.ts';
export { decodedLayers, decodeContentEncoding } from './decode.ts';
export { TOKEN_PATTERNS, findTokenPattern } from './token-patterns.ts';
export type { TokenPattern } from './token-patterns.ts';
