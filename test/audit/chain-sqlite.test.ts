import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { auditChainSuite } from './chain-suite.ts';

const root = mkdtempSync(join(tmpdir(), 'warden-audit-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

auditChainSuite({ dialect: 'sqlite', twoInstances: false, fresh: async () => ({ home: join(root, `db${++n}`) }) });
