/**
 * The one cursor rule of every change stream the server serves (the desk's `sync/pull` and the
 * integrations changes feed; docs/sync-protocol.md "Cursor").
 *
 * Every change row carries `version` (from the `change_version` sequence, taken while the
 * writer holds the order's row lock) and `change_xid` (the writing transaction's id). A reader
 * delivers only changes of transactions that are certainly finished: `change_xid` below the xmin
 * of its snapshot (the horizon). A cursor is a window boundary on xids: everything with
 * `change_xid < lo` is delivered. A window [lo, hi) is closed for ever once hi ≤ horizon (all its
 * transactions ended, new ones get larger xids), so it is paged by version (`after`) and a
 * transaction that took its version early but committed late is never skipped.
 *
 * One more rule keeps the changes of one key (an order) in version order across windows: a
 * finished transaction above the horizon may hold an older version of a key than a change inside
 * the window (it got its xid later but took the row lock first); the window is then cut below
 * that change, until the horizon passes the older one.
 */
import type { Db, Sql } from '../db/db';
import { HttpError } from '../http/errors';

/** Delivered: every change with `change_xid < lo`; inside [lo, hi) those with `version ≤ after`. */
export type Cursor = { lo: number; hi: number; after: number };

/** The cursor of a reader that has seen nothing. */
export const START: Cursor = { lo: 0, hi: 0, after: 0 };

const FORMAT = /^x(\d{1,15})(?:\.(\d{1,15})\.(\d{1,15}))?$/;

/** A cursor as clients carry it: `0`, `x<lo>` between windows, `x<lo>.<hi>.<after>` inside one. */
export function formatCursor(c: Cursor): string {
  return c.hi === c.lo ? `x${c.lo}` : `x${c.lo}.${c.hi}.${c.after}`;
}

/** Parses a client's cursor; 400 naming `field` when it is not one this server gave out. */
export function parseCursor(text: string, field: string): Cursor {
  if (text === '0') return START;
  const m = FORMAT.exec(text);
  const bad = () => new HttpError(400, 'invalid_input', `${field}: неизвестный курсор, начните с 0`, field);
  if (!m) throw bad();
  const lo = Number(m[1]);
  const c = m[2] === undefined ? { lo, hi: lo, after: 0 } : { lo, hi: Number(m[2]), after: Number(m[3]) };
  if (c.hi < c.lo) throw bad();
  return c;
}

/** A set of changes as SQL: columns `key`, `xid` (change_xid), `version`; its parameters are $1…$n. */
export type ChangeSource = { sql: string; params: readonly unknown[] };

/** The window a read pages: changes with `lo ≤ change_xid < hi` and `version > after`. */
export type Window = Cursor & {
  /** The reader's horizon (xmin of its snapshot): changes below it are finished. */
  horizon: number;
};

/**
 * Waits (at most `maxMs`) until every transaction that had an xid when the call began has ended,
 * so a reader that starts after its own write committed sees that write below its horizon even
 * while other short transactions run. Only PostgreSQL needs it (PGlite runs one transaction at a time).
 */
export async function settleHorizon(db: Db, maxMs = 2000): Promise<void> {
  if (db.kind !== 'pg') return;
  const q = 'SELECT pg_snapshot_xmin(s)::text::bigint AS xmin, pg_snapshot_xmax(s)::text::bigint AS xmax FROM pg_current_snapshot() s';
  const first = (await db.query<{ xmin: number; xmax: number }>(q)).rows[0];
  if (!first || Number(first.xmin) >= Number(first.xmax)) return;
  const target = Number(first.xmax);
  const until = Date.now() + maxMs;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 2));
    const now = (await db.query<{ xmin: number }>(q)).rows[0];
    if (!now || Number(now.xmin) >= target) return;
  }
}

/**
 * The window of this read, in the caller's REPEATABLE READ transaction (its first statement, so
 * the horizon is the snapshot's). Inside a window the cursor's own bounds are kept; otherwise
 * the new window is [lo, horizon), cut below any change that has an older version of its key
 * among finished changes above the cut. 400 for a cursor ahead of this database.
 */
export async function openWindow(sql: Sql, cursor: Cursor, source: ChangeSource, field: string): Promise<Window> {
  const h = await sql.query<{ h: number }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS h');
  const horizon = Number(h.rows[0]?.h);
  if (cursor.hi > horizon) throw new HttpError(400, 'invalid_input', `${field}: курсор с другого сервера или из будущего, начните с 0`, field);
  if (cursor.hi > cursor.lo) return { ...cursor, horizon };
  const n = source.params.length;
  const cut = `WITH c AS MATERIALIZED (SELECT key, xid, version FROM (${source.sql}) s WHERE s.xid >= $${n + 1})
    SELECT min(a.xid) AS x FROM c b JOIN c a ON a.key = b.key
     WHERE b.xid >= $${n + 2} AND a.xid < $${n + 2} AND a.version > b.version`;
  let hi = horizon;
  for (;;) {
    const r = await sql.query<{ x: number | null }>(cut, [...source.params, cursor.lo, hi]);
    const x = r.rows[0]?.x;
    if (x === null || x === undefined) break;
    hi = Number(x);
  }
  return { lo: cursor.lo, hi, after: 0, horizon };
}

/** SQL condition: change row `t` lies in the window past its position; params $first…$first+2 = windowParams. */
export function inWindow(t: string, first: number): string {
  return `${t}.change_xid >= $${first} AND ${t}.change_xid < $${first + 1} AND ${t}.version > $${first + 2}`;
}

/** The parameters of `inWindow`. */
export function windowParams(w: Window): [number, number, number] {
  return [w.lo, w.hi, w.after];
}

/**
 * The cursor after a page of the window: inside it at the page's last version when the page is
 * full, else past it. `more` also says when a finished older window left room for a newer one.
 */
export function advance(w: Window, lastVersion: number | null, full: boolean): { cursor: string; more: boolean } {
  if (full && lastVersion !== null) return { cursor: formatCursor({ lo: w.lo, hi: w.hi, after: lastVersion }), more: true };
  return { cursor: formatCursor({ lo: w.hi, hi: w.hi, after: 0 }), more: w.hi < w.horizon && w.after > 0 };
}

/**
 * How many changes of `source` a reader at `cursor` has still to receive up to the horizon of
 * its snapshot (an estimate for progress: a later change of a key already delivered counts again).
 */
export async function remainingAfter(sql: Sql, source: ChangeSource, cursor: string, horizon: number): Promise<number> {
  const c = parseCursor(cursor, 'cursor');
  const n = source.params.length;
  const r = await sql.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM (${source.sql}) s
      WHERE s.xid >= $${n + 1} AND s.xid < $${n + 4} AND NOT (s.xid < $${n + 2} AND s.version <= $${n + 3})`,
    [...source.params, c.lo, c.hi, c.after, horizon],
  );
  return Number(r.rows[0]?.n ?? 0);
}
