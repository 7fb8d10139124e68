import { startPostgres } from '../helpers/postgres.ts';
import { registrySuite } from './registry-suite.ts';

registrySuite({ dialect: 'postgres', fresh: async () => ({ databaseUrl: await (await startPostgres()).emptyDatabase(), poolSize: 4 }) });
