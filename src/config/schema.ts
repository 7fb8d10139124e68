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
  })
  .strict();

export type WardenConfig = z.infer<typeof configSchema>;
export type ScanConfig = z.infer<typeof scanConfigSchema>;
export type SandboxConfig = z.infer<typeof sandboxConfigSchema>;
export type EgressConfig = z.infer<typeof egressConfigSchema>;
