// Credential formats DLP refuses in any outbound request, whatever the destination. Each pattern is
// specific enough that ordinary JSON, prose and code do not match it (tested with a corpus of
// ordinary payloads); the id names the rule in the egress event, never the matched text.

export interface TokenPattern {
  id: string;
  title: string;
  pattern: RegExp;
}

export const TOKEN_PATTERNS: readonly TokenPattern[] = [
  { id: 'private-key', title: 'PEM private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/ },
  { id: 'aws-access-key', title: 'AWS access key id', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/ },
  { id: 'aws-secret-key', title: 'AWS secret access key', pattern: /aws_?secret_?access_?key["'\s]*[:=]\s*["']?[A-Za-z0-9/+]{40}\b/i },
  { id: 'github-token', title: 'GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/ },
  { id: 'slack-token', title: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/ },
  { id: 'slack-webhook', title: 'Slack webhook URL', pattern: /hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,}/ },
  { id: 'openai-key', title: 'OpenAI-style API key', pattern: /\bsk-(?:proj-|ant-|svcacct-)?[A-Za-z0-9_-]{32,}\b/ },
  { id: 'google-api-key', title: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { id: 'stripe-key', title: 'Stripe secret key', pattern: /\b[rs]k_live_[A-Za-z0-9]{20,}\b/ },
  {
    id: 'dingtalk-app-secret',
    title: 'DingTalk app secret',
    pattern: /(?:app_?secret|client_?secret|appsecret)["'\s]*[:=]\s*["']?[A-Za-z0-9_-]{40,}/i,
  },
  { id: 'dingtalk-robot-token', title: 'DingTalk robot access token', pattern: /access_token=[0-9a-f]{64}\b/ },
];

export function findTokenPattern(text: string): TokenPattern | undefined {
  return TOKEN_PATTERNS.find((p) => p.pattern.test(text));
}
