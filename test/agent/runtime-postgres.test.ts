import { startPostgres } from '../helpers/postgres.ts';
import { runtimeSuite } from './runtime-suite.ts';

runtimeSuite({ name: 'PostgreSQL', twoInstances: true, fresh: async () => ({ databaseUrl: await (await startPostgres()).emptyDatabase(), poolSize: 4 }) });
