/**
 * The server's database port: the same SQL runs on PostgreSQL (`pg`, when DATABASE_URL is set)
 * and on an embedded PGlite database (default). Parameters are `$1…`; rows come back as objects.
 */
/** Options of one query. */
export type QueryOptions = { prepare?: boolean };

export interface Sql {
  /**
   * Runs one statement. `prepare`: keep it as a named prepared statement on the connection, so a
   * hot statement is parsed and planned once per connection (PostgreSQL; PGlite ignores it). Only
   * for statements whose text is one of a small fixed set (the name is a hash of the text).
   */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[], opts?: QueryOptions): Promise<{ rows: T[]; rowCount: number }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

/** The `Sql` of a transaction. */
export interface TxSql extends Sql {
  /**
   * Runs the transaction's last statement and COMMITs. On PostgreSQL both go in one round trip
   * (one simple-protocol message, parameters inlined as escaped literals), so locks the statement
   * takes are held only until the commit, never across a wait for this process. Nothing may run
   * in the transaction after it. `text` must not contain `$n` inside string literals.
   */
  queryAndCommit<T = Record<string, unknown>>(text: string, params: readonly unknown[]): Promise<{ rows: T[]; rowCount: number }>;
}

export interface Db extends Sql {
  readonly kind: 'pg' | 'pglite';
  /** Runs `fn` in one transaction (BEGIN … COMMIT, ROLLBACK on throw). */
  tx<T>(fn: (sql: TxSql) => Promise<T>, opts?: { isolation?: 'read committed' | 'repeatable read' | 'serializable' }): Promise<T>;
  /**
   * Liveness without waiting behind queued work where possible: PostgreSQL runs `SELECT 1`;
   * PGlite answers at once while its single connection is moving and queues `SELECT 1` only
   * when nothing finished for a while. Throws when the database is unreachable or closed.
   */
  ping(): Promise<void>;
  /** LISTEN on a channel; returns an unlisten function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}
