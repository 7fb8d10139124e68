// The one schema of warden.yaml: every key with its default and a one-line doc beside it.

import { z } from 'zod';

export const scanConfigSchema = z
  .object({
    /** Lowest verdict that makes `warden scan` exit 1. */
    failOn: z.enum(['malicious', 'suspicious']).default('malicious'),
    /** Skills scanned in parallel; 0 means one per CPU core. */
    jobs: z.number().int().min(0).max(256).default(0),
    /** Bytes of one file that are analysed; the rest is cut and the cut is reported. */
    maxAnalyzedBytes: z.number().int().min(1024).default(1024 * 1024),
    /** Baseline file of accepted findings, relative to the config file. */
    baseline: z.string().optional(),
  })
  .strict();

export const sandboxLimitsSchema = z
  .object({
    /** Wall-clock seconds before a command's whole process tree is killed. */
    wallTimeSec: z.number().positive().optional(),
    /** CPU seconds per process (RLIMIT_CPU). */
    cpuTimeSec: z.number().positive().optional(),
    /** Memory in MiB (memory cgroup; includes the box's /tmp). */
    memoryMb: z.number().positive().optional(),
    /** Processes and threads (pids cgroup). */
    processes: z.number().int().positive().optional(),
    /** Open files per process (RLIMIT_NOFILE). */
    openFiles: z.number().int().positive().optional(),
    /** Bytes kept of stdout and of stderr each; more ends the command. */
    outputBytes: z.number().int().positive().optional(),
    /** Bytes a command may add to its workspace. */
    workspaceBytes: z.number().int().positive().optional(),
  })
  .strict();

export const sandboxConfigSchema = z
  .object({
    /** Default limits of every sandboxed command (safe built-in defaults for keys left out). */
    limits: sandboxLimitsSchema.default(() => sandboxLimitsSchema.parse({})),
    /** PEM file of extra CA roots the egress proxy trusts for upstream TLS, relative to the config file. */
    upstreamCaFile: z.string().optional(),
  })
  .strict();

export const egressConfigSchema = z
  .object({
    /** Canary files whose contents DLP refuses in any outbound request, relative to the config file. */
    canaryFiles: z.array(z.string()).default([]),
  })
  .strict();

export const databaseConfigSchema = z
  .object({
    /** PostgreSQL connection string; WARDEN_DATABASE_URL overrides it. Unset: SQLite in the data directory. */
    url: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
    /** Milliseconds a SQLite writer waits for another process's lock. */
    busyTimeoutMs: z.number().int().min(0).default(5000),
  })
  .strict();

export const modelConfigSchema = z
  .object({
    /** Base URL of an OpenAI-compatible chat-completions API, ending before /chat/completions (e.g. http://127.0.0.1:11434/v1). */
    baseUrl: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
    /** Model name the server knows (qwen-plus, deepseek-chat, llama3.1…). */
    model: z.string().min(1),
    /** Name of the Warden secret holding the API key (`warden secrets set NAME …`); unset for servers without keys. */
    apiKeySecret: z.string().min(1).optional(),
    /** Milliseconds the model server may stay silent (before the answer starts or between two chunks) before the attempt is retried or fails. */
    timeoutMs: z.number().int().min(1000).default(120_000),
    /** Retries after a 429, a 5xx or a network error (with back-off). */
    maxRetries: z.number().int().min(0).max(10).default(3),
    temperature: z.number().min(0).max(2).optional(),
  })
  .strict();

export const runtimeConfigSchema = z
  .object({
    /** Model calls per turn before the turn is ended with a message saying so. */
    maxSteps: z.number().int().min(1).max(200).default(24),
    /** Characters of one tool result the model sees; the rest is cut with a marker. */
    maxToolResultChars: z.number().int().min(1000).default(16_000),
    /** Characters of conversation history sent to the model; the oldest turns are dropped first. */
    contextChars: z.number().int().min(10_000).default(120_000),
    /** Directory of conversation workspaces, relative to the data directory. */
    workspaces: z.string().default('workspaces'),
    /** Seconds a turn may wait for an approval before it is ended (the approval's own expiry applies too). */
    approvalWaitSec: z.number().int().min(1).default(24 * 3600),
  })
  .strict();

export const dingtalkConfigSchema = z
  .object({
    /** The app's Client ID (AppKey). */
    clientId: z.string().min(1),
    /** Name of the Warden secret holding the app's Client Secret (AppSecret). */
    clientSecretSecret: z.string().min(1),
    /** The robot's code (robotCode), usually equal to the Client ID. */
    robotCode: z.string().min(1),
    /** The organisation's corpId: senders from another corpId are external. */
    corpId: z.string().min(1).optional(),
    /** AI card template id (markdown streaming variable `msgContent`); without it answers go out as markdown. */
    cardTemplateId: z.string().min(1).optional(),
    /** Interactive card template with Approve / Deny buttons; without it approvals are decided with `warden approvals`. */
    approvalCardTemplateId: z.string().min(1).optional(),
    /** DingTalk's OpenAPI base URL (the emulator's URL in tests and demos). */
    apiBaseUrl: z.url().default('https://api.dingtalk.com'),
    /** DingTalk's legacy API base URL. */
    oapiBaseUrl: z.url().default('https://oapi.dingtalk.com'),
    /** Largest picture or file downloaded from a message, in bytes. */
    maxFileBytes: z.number().int().min(1024).default(20 * 1024 * 1024),
  })
  .strict();

export const configSchema = z
  .object({
    /** Data directory (database, secret store, keys). Overridden by WARDEN_HOME. */
    home: z.string().default('./data'),
    scan: scanConfigSchema.default(() => scanConfigSchema.parse({})),
    sandbox: sandboxConfigSchema.default(() => sandboxConfigSchema.parse({})),
    egress: egressConfigSchema.default(() => egressConfigSchema.parse({})),
    database: databaseConfigSchema.default(() => databaseConfigSchema.parse({})),
    /** The policy file (roles, approvals, quotas), relative to the config file; see docs/policy.md. */
    policy: z.string().default('./policy.yaml'),
    /** The model every conversation talks to; needed by `warden chat` and `warden serve`. */
    model: modelConfigSchema.optional(),
    runtime: runtimeConfigSchema.default(() => runtimeConfigSchema.parse({})),
    /** The DingTalk app; needed by `warden serve`. */
    dingtalk: dingtalkConfigSchema.optional(),
  })
  .strict();

export type WardenConfig = z.infer<typeof configSchema>;
export type ScanConfig = z.infer<typeof scanConfigSchema>;
export type SandboxConfig = z.infer<typeof sandboxConfigSchema>;
export type EgressConfig = z.infer<typeof egressConfigSchema>;
export type ModelConfigSection = z.infer<typeof modelConfigSchema>;
export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
export type DingtalkConfigSection = z.infer<typeof dingtalkConfigSchema>;
