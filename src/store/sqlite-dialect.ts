// A Kysely dialect over Node's built-in `node:sqlite` (DatabaseSync). Kysely ships the SQLite query
// compiler, adapter and introspector; only the driver is ours, because Kysely's own driver expects a
// better-sqlite3-shaped object and a native addon is not an option here.
//
// Contract: one connection; Kysely's runtime serialises queries on it (the adapter says it does not
// support several connections). Every transaction starts with BEGIN IMMEDIATE so it takes SQLite's
// write lock up front: two processes appending to the same file wait on the busy timeout instead of
// failing with SQLITE_BUSY when a read transaction later tries to write.

import { chmodSync } from 'node:fs';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import {
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

export interface NodeSqliteDialectOptions {
  /** Database file, or ':memory:'. */
  file: string;
  /** Milliseconds a writer waits for another process's lock before failing. */
  busyTimeoutMs: number;
}

function toSqlite(value: unknown, sql: string): SQLInputValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || value instanceof Uint8Array) return value;
  throw new Error(`node:sqlite driver: cannot bind a ${typeof value} parameter in: ${sql.slice(0, 120)}`);
}

class NodeSqliteConnection implements DatabaseConnection {
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  #prepare(sql: string): StatementSync {
    // Kysely compiles the same statements again and again (audit appends); preparing once saves
    // most of SQLite's per-query cost. The cache is bounded by the number of distinct queries.
    let stmt = this.#statements.get(sql);
    if (!stmt) {
      stmt = this.#db.prepare(sql);
      if (this.#statements.size < 500) this.#statements.set(sql, stmt);
    }
    return stmt;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.#prepare(query.sql);
    const params = query.parameters.map((p) => toSqlite(p, query.sql));
    // Rows from node:sqlite have a null prototype; plain objects read back like pg's rows.
    if (stmt.columns().length > 0) return { rows: stmt.all(...params).map((row) => ({ ...row }) as R) };
    const { changes, lastInsertRowid } = stmt.run(...params);
    return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const stmt = this.#prepare(query.sql);
    for (const row of stmt.iterate(...query.parameters.map((p) => toSqlite(p, query.sql)))) yield { rows: [{ ...(row as object) } as R] };
  }

  exec(sql: string): void {
    this.#db.exec(sql);
  }
}

class NodeSqliteDriver implements Driver {
  readonly #options: NodeSqliteDialectOptions;
  #db: DatabaseSync | undefined;
  #connection: NodeSqliteConnection | undefined;

  constructor(options: NodeSqliteDialectOptions) {
    this.#options = options;
  }

  async init(): Promise<void> {
    const db = new DatabaseSync(this.#options.file, { timeout: this.#options.busyTimeoutMs });
    // The database holds conversations and approvals: owner only (the WAL and SHM files SQLite
    // creates later take the database file's mode).
    if (this.#options.file !== ':memory:') chmodSync(this.#options.file, 0o600);
    // WAL lets readers (an `audit export` while the gateway runs) proceed during a write;
    // synchronous=NORMAL is durable across application crashes in WAL mode.
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
    this.#db = db;
    this.#connection = new NodeSqliteConnection(db);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (!this.#connection) throw new Error('NodeSqliteDriver.acquireConnection called before init');
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as NodeSqliteConnection).exec('BEGIN IMMEDIATE');
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as NodeSqliteConnection).exec('COMMIT');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as NodeSqliteConnection).exec('ROLLBACK');
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    this.#db?.close();
    this.#db = undefined;
    this.#connection = undefined;
  }
}

export function createNodeSqliteDialect(options: NodeSqliteDialectOptions): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new NodeSqliteDriver(options),
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (db: Kysely<any>) => new SqliteIntrospector(db),
  };
}
