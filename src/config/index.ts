export { loadConfig, parseConfig } from './load.ts';
export type { LoadedConfig } from './load.ts';
export { configSchema, scanConfigSchema } from './schema.ts';
export type { ScanConfig, WardenConfig } from './schema.ts';
