// A throwaway PostgreSQL cluster for tests, from Debian's `postgresql` package: initdb and pg_ctl
// run as the `postgres` user (PostgreSQL refuses to run as root) in a temp directory, listening only
// on a Unix socket inside it (no TCP), fsync off. One cluster per test process, started on first use,
// stopped and removed when the process exits. Missing binaries FAIL the test with the install hint.

import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PgCluster {
  /** Connection string for the cluster's `postgres` database over the Unix socket. */
  url(database?: string): string;
  /**
   * The process's test database, emptied (its public schema dropped and recreated: far cheaper than
   * CREATE DATABASE). Close every store opened on it before the next call.
   */
  emptyDatabase(): Promise<string>;
}

const INSTALL_HINT = 'PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: install them with `apt-get install postgresql` (the tests run against a throwaway cluster and never skip)';

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(INSTALL_HINT);
  return join(root, newest, 'bin');
}

function postgresIds(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(`no \`postgres\` system user: ${INSTALL_HINT}`);
  }
}

let started: Promise<PgCluster> | undefined;
let created = false;

function start(): PgCluster {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'wpg-'));
  if (asRoot) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const argv = asRoot ? ['runuser', '-u', 'postgres', '--', join(bin, tool), ...args] : [join(bin, tool), ...args];
    try {
      execFileSync(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    } catch (error) {
      const e = error as { stderr?: Buffer; message: string };
      throw new Error(`${tool} failed: ${e.stderr?.toString() || e.message}`);
    }
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const stop = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already stopped; removing the directory is what matters.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  const opts = `-c listen_addresses='' -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
  try {
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', opts, '-w', '-t', '60', 'start']);
  } catch (error) {
    stop();
    throw error;
  }
  const url = (database = 'postgres') => `postgresql://postgres@/${database}?host=${encodeURIComponent(dir)}`;
  return {
    url,
    async emptyDatabase() {
      const name = `w${process.pid}`;
      const admin = new pg.Client({ connectionString: url() });
      await admin.connect();
      try {
        if (!created) await admin.query(`CREATE DATABASE ${name}`);
        created = true;
      } finally {
        await admin.end();
      }
      const client = new pg.Client({ connectionString: url(name) });
      await client.connect();
      try {
        await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      } finally {
        await client.end();
      }
      return url(name);
    },
  };
}

/** The process's cluster, started on the first call. */
export function startPostgres(): Promise<PgCluster> {
  started ??= Promise.resolve().then(start);
  return started;
}
