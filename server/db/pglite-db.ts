import { PGlite } from '@electric-sql/pglite';
import type { Db, Sql, TxSql } from './db';

/**
 * First-come-first-served turns on PGlite's single connection, each turn started from
 * `setImmediate`. PGlite runs every statement as a synchronous WASM call and hands its own lock
 * to the next waiter through promise callbacks, so a backlog of statements used to run back to
 * back inside one event-loop turn: no connection was accepted, no socket read and no timer fired
 * until the backlog was empty, and a busy floor refilled it faster than it drained (a 404 waited
 * as long as the whole floor; docs/server.md "PGlite under load"). Here the event loop polls I/O
 * between any two turns, and a turn is one statement or one whole transaction.
 */
export class FairTurns {
  private readonly queue: Array<() => void> = [];
  private busy = false;
  private lastDoneAt = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  /** Turns waiting for the connection (the running one not counted). */
  get waiting(): number {
    return this.queue.length;
  }

  /** When the last turn finished (clock ms; 0 before the first). */
  get lastDone(): number {
    return this.lastDoneAt;
  }

  /** Runs `fn` alone on the connection after every turn requested before it. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(() => {
        fn().then(resolve, reject).finally(() => {
          this.lastDoneAt = this.clock();
          this.next();
        });
      });
      if (!this.busy) this.next();
    });
  }

  private next(): void {
    const turn = this.queue.shift();
    this.busy = turn !== undefined;
    if (turn) setImmediate(turn);
  }
}

/** A ping answers at once when a turn finished this recently (the connection is alive and moving). */
const PING_FRESH_MS = 5_000;

/**
 * Embedded PGlite database (one connection), shared fairly: statements and transactions take
 * FIFO turns (FairTurns). `FOR UPDATE SKIP LOCKED` is accepted and trivially correct on a single
 * connection. Its `queryAndCommit` is a plain query: the transaction commits when `fn` returns.
 */
export async function openPglite(dataDir: string | null, clock: () => number = Date.now): Promise<Db & { turns: FairTurns }> {
  const pg = await PGlite.create(dataDir ? dataDir : 'memory://');
  const turns = new FairTurns(clock);
  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Sql => ({
    async query(text, params) {
      const r = await q.query(text, params ? [...params] : undefined);
      return { rows: r.rows as never[], rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(text) {
      await q.exec(text);
    },
  });
  const direct = wrap(pg);
  return {
    kind: 'pglite',
    turns,
    query: (text, params) => turns.run(() => direct.query(text, params)),
    exec: (text) => turns.run(() => direct.exec(text)),
    tx(fn, opts) {
      return turns.run(() => pg.transaction(async (t) => {
        if (opts?.isolation) await t.query(`SET TRANSACTION ISOLATION LEVEL ${opts.isolation.toUpperCase()}`);
        const txSql: TxSql = { ...wrap(t), queryAndCommit: (text, params) => txSql.query(text, params) };
        return fn(txSql);
      }));
    },
    async ping() {
      if (pg.closed) throw new Error('PGlite is closed');
      if (turns.waiting === 0 || clock() - turns.lastDone < PING_FRESH_MS) return;
      await turns.run(() => direct.query('SELECT 1'));
    },
    listen(channel, onPayload) {
      return turns.run(async () => {
        const unsub = await pg.listen(channel, onPayload);
        return () => turns.run(() => unsub());
      });
    },
    async notify(channel, payload) {
      await turns.run(() => direct.query('SELECT pg_notify($1, $2)', [channel, payload]));
    },
    async close() {
      await turns.run(() => pg.close());
    },
  };
}
