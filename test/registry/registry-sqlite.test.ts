import { registrySuite } from './registry-suite.ts';

registrySuite({ dialect: 'sqlite', fresh: async (home) => ({ home }) });
