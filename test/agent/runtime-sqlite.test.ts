import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { runtimeSuite } from './runtime-suite.ts';

const root = mkdtempSync(join(tmpdir(), 'warden-runtime-db-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

runtimeSuite({ name: 'SQLite', fresh: async () => ({ home: join(root, `db${++n}`) }) });
