/**
 * The cursor rule shared by the desk's pull and the integrations feed (server/sync/cursor.ts):
 * the cursor text, and on PostgreSQL the two cases a "version > max seen" cursor over a sequence
 * gets wrong — a transaction that took its version early but commits late (desk pull), and a
 * finished transaction above the horizon holding an older change of the same order (feed order).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PullResponse } from '../../shared/api/http';
import type { Order } from '../../shared/domain/schemas';
import { ChangesResponse, type OrderEvent } from '../../shared/api/integrations';
import { HttpError } from '../../server/http/errors';
import { START, formatCursor, parseCursor } from '../../server/sync/cursor';
import { PG_URL, client, startServerProcess, type ServerProcess } from './support/server-process';
import { ingest, type Api } from './support/order-flow';

jest.setTimeout(300_000);

const FEED_KEY = 'test-integration-key';

describe('cursor text', () => {
  it('round-trips between windows and inside one, and starts at 0', () => {
    expect(parseCursor('0', 'cursor')).toEqual(START);
    for (const c of [{ lo: 7, hi: 7, after: 0 }, { lo: 7, hi: 12, after: 40 }]) expect(parseCursor(formatCursor(c), 'cursor')).toEqual(c);
    expect(formatCursor({ lo: 7, hi: 7, after: 0 })).toBe('x7');
  });

  it('refuses what the server never gives out with a 400 naming the field', () => {
    for (const bad of ['', '12', 'x', 'x1.2', 'x5.3.1', 'y1', 'x1.2.3.4', 'x1234567890123456']) {
      let err: unknown = null;
      try { parseCursor(bad, 'cursor'); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(HttpError);
      expect(err).toMatchObject({ status: 400, field: 'cursor' });
      expect((err as Error).message).toMatch(/курсор/);
    }
  });
});

describe('cursor on PostgreSQL', () => {
  let srv: ServerProcess;
  let op: Api;
  let feed: Api;
  const clients: pg.Client[] = [];
  beforeAll(async () => {
    srv = await startServerProcess({ demo: true, pg: true, env: { INTEGRATION_API_KEY: FEED_KEY } });
    op = client(srv.url, await srv.login('operator1', 'operator'));
    feed = client(srv.url);
  });
  afterAll(async () => {
    for (const c of clients) await c.end().catch(() => undefined);
    await srv?.stop();
  });

  /** A direct connection to the server's schema (a transaction of our own). */
  const connect = async (): Promise<pg.Client> => {
    const c = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${srv.schema}` });
    await c.connect();
    clients.push(c);
    return c;
  };

  /** Pulls pages until `more` is false; returns the pages and the last cursor. */
  const pullAll = async (clientId: string, cursor: string): Promise<{ orders: Order[]; cursor: string }> => {
    const orders: Order[] = [];
    for (;;) {
      const page = PullResponse.parse((await op.get(`/sync/pull?clientId=${clientId}&cursor=${cursor}&limit=1`)).body);
      orders.push(...page.orders);
      cursor = page.cursor;
      if (!page.more) return { orders, cursor };
    }
  };

  const feedAll = async (cursor: string): Promise<{ events: OrderEvent[]; cursor: string }> => {
    const events: OrderEvent[] = [];
    for (;;) {
      const page = ChangesResponse.parse((await feed.get(`/integrations/changes?cursor=${cursor}&limit=1`, { 'x-api-key': FEED_KEY })).body);
      events.push(...page.events);
      cursor = page.cursor;
      if (!page.more) return { events, cursor };
    }
  };

  it('a transaction that took its version early and commits late is pulled exactly once', async () => {
    const clientId = randomUUID();
    const o1 = await ingest(srv.url);
    const o2 = await ingest(srv.url);
    for (const id of [o1, o2]) expect((await op.post(`/orders/${id}/claim`)).status).toBe(200);
    const start = await pullAll(clientId, '0');
    const a = await connect();
    const b = await connect();
    await a.query('BEGIN');
    const vA = Number((await a.query("UPDATE orders SET comment = 'A', version = nextval('change_version') WHERE id = $1 RETURNING version", [o1])).rows[0].version);
    await b.query('BEGIN');
    const vB = Number((await b.query("UPDATE orders SET comment = 'B', version = nextval('change_version') WHERE id = $1 RETURNING version", [o2])).rows[0].version);
    await b.query('COMMIT');
    expect(vB).toBeGreaterThan(vA);
    const first = await pullAll(clientId, start.cursor);
    expect(first.orders.filter((o) => o.id === o1 && o.version === vA)).toEqual([]);
    await a.query('COMMIT');
    const seen = [...first.orders];
    let cursor = first.cursor;
    for (let i = 0; i < 20 && !seen.some((o) => o.id === o1 && o.version === vA); i++) {
      const next = await pullAll(clientId, cursor);
      seen.push(...next.orders);
      cursor = next.cursor;
    }
    expect(seen.filter((o) => o.id === o1 && o.version === vA).map((o) => o.comment)).toEqual(['A']);
    expect(seen.filter((o) => o.id === o2 && o.version === vB).map((o) => o.comment)).toEqual(['B']);
    expect((await pullAll(clientId, cursor)).orders).toEqual([]);
  });

  it('keeps an order\'s events in order when the later one has the older transaction id', async () => {
    const id = await ingest(srv.url);
    expect((await op.post(`/orders/${id}/claim`)).status).toBe(200);
    expect((await op.post(`/orders/${id}/release`)).status).toBe(200);
    let drained = await feedAll('0');
    const template = drained.events.find((e) => e.orderId === id);
    expect(template?.kind).toBe('returned_to_pool');
    const [late, blocker, early] = [await connect(), await connect(), await connect()];
    const insert = (c: pg.Client, kind: string) => c.query(
      'INSERT INTO order_events (order_id, kind, status, payload) VALUES ($1, $2, $3, $4) RETURNING id',
      [id, kind, 'new', JSON.stringify(template?.payload)],
    ).then((r) => Number(r.rows[0].id));
    await late.query('BEGIN');
    await late.query('SELECT pg_current_xact_id()');
    await blocker.query('BEGIN');
    await blocker.query('SELECT pg_current_xact_id()');
    await early.query('BEGIN');
    const first = await insert(early, 'callback');
    await early.query('COMMIT');
    const second = await insert(late, 'no_answer');
    await late.query('COMMIT');
    drained = await feedAll(drained.cursor);
    const ours = (events: OrderEvent[]) => events.filter((e) => e.id === first || e.id === second).map((e) => e.id);
    expect(ours(drained.events)).toEqual([]);
    await blocker.query('ROLLBACK');
    const seen = [...drained.events];
    for (let i = 0; i < 20 && ours(seen).length < 2; i++) {
      drained = await feedAll(drained.cursor);
      seen.push(...drained.events);
    }
    expect(ours(seen)).toEqual([first, second]);
  });
});
