import { runtimeE2eSuite } from './runtime-e2e-suite.ts';

runtimeE2eSuite({ name: 'SQLite', databaseUrl: async () => undefined });
