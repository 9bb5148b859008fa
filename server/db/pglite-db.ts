import { AsyncLocalStorage } from 'node:async_hooks';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Sql, TxSql } from './db';

/**
 * The lane of a request: `floor` for the operators' hot loop (Next, saves), `other` for the rest
 * (health, ingest, boards, lookups, pulls), which get every other turn while the floor is busy.
 */
export type Lane = 'floor' | 'other';

/** The arrival number and lane of the HTTP request whose code is running (FairTurns orders by them). */
const arrival = new AsyncLocalStorage<{ rank: number; lane: Lane }>();
let arrivals = 0;

/**
 * Marks the start of an HTTP request (call it synchronously where the request arrives): every
 * statement the request later runs on PGlite takes its turn in its lane in arrival order.
 */
export function markRequestArrival(lane: Lane): void {
  arrival.enterWith({ rank: ++arrivals, lane });
}

/** Runs `fn` as one request of `lane` that arrives now (markRequestArrival scoped to `fn`). */
export function asRequest<T>(lane: Lane, fn: () => T): T {
  return arrival.run({ rank: ++arrivals, lane }, fn);
}

type Turn = { rank: number; start: () => void };

/**
 * Turns on PGlite's single connection, each started from `setImmediate`. Two lanes (Lane); in a
 * lane, turns go in the order their requests arrived (a statement outside any request counts as
 * a request of its own, lane `other`); while both lanes wait they alternate.
 *
 * Why: PGlite runs every statement as a synchronous WASM call on the server's thread and hands
 * its own lock (per statement, first come first served) to the next waiter through promise
 * callbacks. Under a busy floor a backlog could run back to back without the event loop polling
 * I/O (new connections sat unaccepted, even a 404 waited until the operators stopped), and a
 * request of k statements queued k times behind the whole backlog (a lead's board or a
 * landing-page order waited seconds; docs/architecture.md "PGlite under load"). Here each turn
 * starts from `setImmediate`, so the event loop polls I/O between any two turns; a turn is one
 * statement or one whole transaction; ordering by request keeps a request's later statements
 * ahead of later requests; the lanes keep non-floor requests from waiting behind the operators.
 */
class FairTurns {
  private readonly lanes: Record<Lane, Turn[]> = { floor: [], other: [] };
  private busy = false;
  private lastLane: Lane = 'other';
  private lastDoneAt = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  /** Turns waiting for the connection (the running one not counted). */
  get waiting(): number {
    return this.lanes.floor.length + this.lanes.other.length;
  }

  /** When the last turn finished (clock ms; 0 before the first). */
  get lastDone(): number {
    return this.lastDoneAt;
  }

  /** Runs `fn` alone on the connection, in its turn (see the class comment). */
  run<T>(fn: () => Promise<T>): Promise<T> {
    const { rank, lane } = arrival.getStore() ?? { rank: ++arrivals, lane: 'other' as const };
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
      const queue = this.lanes[lane];
      const at = queue.findIndex((t) => t.rank > rank);
      queue.splice(at === -1 ? queue.length : at, 0, turn);
      if (!this.busy) this.next();
    });
  }

  private next(): void {
    const other: Lane = this.lastLane === 'floor' ? 'other' : 'floor';
    const lane = this.lanes[other].length > 0 ? other : this.lastLane;
    const turn = this.lanes[lane].shift();
    this.busy = turn !== undefined;
    if (!turn) return;
    this.lastLane = lane;
    setImmediate(turn.start);
  }
}

/** A ping answers at once when a turn finished this recently (the connection is alive and moving). */
const PING_FRESH_MS = 5_000;

/**
 * Embedded PGlite database (one connection), shared fairly: each statement outside a transaction
 * and each whole transaction is one turn (FairTurns). `FOR UPDATE SKIP LOCKED` is accepted and
 * trivially correct on a single connection. Its `queryAndCommit` is a plain query: the
 * transaction commits when `fn` returns. `clock` (ms) is injectable for tests of `ping`.
 */
export async function openPglite(dataDir: string | null, clock: () => number = Date.now): Promise<Db> {
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
