export { loadConfig, parseConfig } from './load.ts';
export type { LoadedConfig } from './load.ts';
export { configSchema, scanConfigSchema, modelConfigSchema, runtimeConfigSchema, dingtalkConfigSchema } from './schema.ts';
export type { DingtalkConfigSection, ModelConfigSection, RuntimeConfig, ScanConfig, WardenConfig } from './schema.ts';
