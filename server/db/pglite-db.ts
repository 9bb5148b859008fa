import { AsyncLocalStorage } from 'node:async_hooks';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Sql, TxSql } from './db';

/** The arrival number of the HTTP request whose code is running (FairTurns orders by it). */
const arrival = new AsyncLocalStorage<number>();
let arrivals = 0;

/**
 * Marks the start of an HTTP request (call it synchronously where the request arrives): every
 * statement the request later runs on PGlite takes its turn in the order requests arrived.
 */
export function markRequestArrival(): void {
  arrival.enterWith(++arrivals);
}

/** Runs `fn` as one request that arrives now (what markRequestArrival does, scoped to `fn`). */
export function asRequest<T>(fn: () => T): T {
  return arrival.run(++arrivals, fn);
}

type Turn = { rank: number; start: () => void };

/**
 * Turns on PGlite's single connection, each started from `setImmediate`, served in the order
 * their requests arrived (a statement outside any request counts as a request of its own).
 *
 * Why: PGlite runs every statement as a synchronous WASM call and hands its own lock to the next
 * waiter through promise callbacks, so a backlog of statements ran back to back inside one
 * event-loop turn: no connection was accepted, no socket read and no timer fired until the
 * backlog was empty, and a busy floor refilled it as fast as it drained (a 404 waited until the
 * operators stopped; docs/server.md "PGlite under load"). Here the event loop polls I/O between
 * any two turns. A turn is one statement or one whole transaction; ordering by request (not by
 * statement) keeps a request of k statements from waiting k times behind the whole backlog.
 */
export class FairTurns {
  private readonly queue: Turn[] = [];
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

  /** Runs `fn` alone on the connection after the turns of requests that arrived before the caller's. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    const rank = arrival.getStore() ?? ++arrivals;
    return new Promise<T>((resolve, reject) => {
      const turn: Turn = {
        rank,
        start: () => {
          fn().then(resolve, reject).finally(() => {
            this.lastDoneAt = this.clock();
            this.next();
          });
        },
      };
      const at = this.queue.findIndex((t) => t.rank > rank);
      this.queue.splice(at === -1 ? this.queue.length : at, 0, turn);
      if (!this.busy) this.next();
    });
  }

  private next(): void {
    const turn = this.queue.shift();
    this.busy = turn !== undefined;
    if (turn) setImmediate(turn.start);
  }
}

/** A ping answers at once when a turn finished this recently (the connection is alive and moving). */
const PING_FRESH_MS = 5_000;

/**
 * Embedded PGlite database (one connection), shared fairly: statements and transactions take
 * turns in the order their requests arrived (FairTurns). `FOR UPDATE SKIP LOCKED` is accepted and trivially correct on a single
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
