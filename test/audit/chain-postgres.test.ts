import { startPostgres } from '../helpers/postgres.ts';
import { auditChainSuite } from './chain-suite.ts';

auditChainSuite({ dialect: 'postgres', twoInstances: true, fresh: async () => ({ databaseUrl: await (await startPostgres()).emptyDatabase(), poolSize: 4 }) });
