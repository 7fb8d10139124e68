import { dingtalkSuite } from './dingtalk-suite.ts';

dingtalkSuite({ name: 'SQLite', databaseUrl: async () => undefined });
