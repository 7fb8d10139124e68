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

export const configSchema = z
  .object({
    /** Data directory (database, secret store, keys). Overridden by WARDEN_HOME. */
    home: z.string().default('./data'),
    scan: scanConfigSchema.default(() => scanConfigSchema.parse({})),
  })
  .strict();

export type WardenConfig = z.infer<typeof configSchema>;
export type ScanConfig = z.infer<typeof scanConfigSchema>;
