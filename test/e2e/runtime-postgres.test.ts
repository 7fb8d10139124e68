import { startPostgres } from '../helpers/postgres.ts';
import { runtimeE2eSuite } from './runtime-e2e-suite.ts';

runtimeE2eSuite({ name: 'PostgreSQL', databaseUrl: async () => (await startPostgres()).emptyDatabase() });
