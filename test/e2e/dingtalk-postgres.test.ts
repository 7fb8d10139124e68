import { startPostgres } from '../helpers/postgres.ts';
import { dingtalkSuite } from './dingtalk-suite.ts';

dingtalkSuite({ name: 'PostgreSQL', databaseUrl: async () => (await startPostgres()).emptyDatabase() });
