/**
 * The integrations changes feed (GET /integrations/changes) against real server processes on
 * PGlite and PostgreSQL: the API key, the query checks, one event per confirm / cancel / return
 * to the pool with the server's totals, no event from a rolled-back transaction, and exactly-once
 * in-order delivery while operators write concurrently and the reader pages with small limits.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { ClaimResponse, PushResponse } from '../../shared/api/http';
import { ChangesResponse, type OrderEvent, type OrderEventKind } from '../../shared/api/integrations';
import type { Order, SaveResultArgs } from '../../shared/domain/schemas';
import { orderTotals } from '../../shared/domain/money';
import { openPg } from '../../server/db/pg-db';
import { endLease } from '../../server/orders/order-repo';
import { BACKENDS, PG_URL, client, startServerProcess, type ServerProcess } from './support/server-process';
import { answeredCall, confirmArgs, demoClients, ingest, type Api } from './support/order-flow';

jest.setTimeout(540_000);

const FEED_KEY = 'test-integration-key';

describe.each(BACKENDS)('integrations changes feed on %s', (backend) => {
  let srv: ServerProcess;
  let c: Awaited<ReturnType<typeof demoClients>>;
  let feed: Api;
  /** The feed's position after everything the previous test produced. */
  let cursor = '0';
  beforeAll(async () => {
    srv = await startServerProcess({ demo: true, pg: backend === 'pg', env: { INTEGRATION_API_KEY: FEED_KEY } });
    c = await demoClients(srv.url, srv.login);
    feed = client(srv.url);
  });
  afterAll(async () => { await srv?.stop(); });

  const page = async (from: string, limit: number): Promise<ChangesResponse> => {
    const r = await feed.get(`/integrations/changes?cursor=${from}&limit=${limit}`, { 'x-api-key': FEED_KEY });
    expect(r.status).toBe(200);
    return ChangesResponse.parse(r.body);
  };

  /** Pages from the shared cursor until `more` is false, advancing it; returns what came. */
  const drain = async (limit = 2): Promise<OrderEvent[]> => {
    const out: OrderEvent[] = [];
    for (;;) {
      const p = await page(cursor, limit);
      out.push(...p.events);
      cursor = p.cursor;
      if (!p.more) return out;
    }
  };

  /** Drains until `done` holds for everything seen (other sessions of the database may hold the horizon back a moment). */
  const drainUntil = async (done: (seen: OrderEvent[]) => boolean, seen: OrderEvent[] = []): Promise<OrderEvent[]> => {
    seen.push(...await drain());
    for (let i = 0; i < 30 && !done(seen); i++) seen.push(...await drain());
    return seen;
  };

  const take = async (api: Api, id: number): Promise<Order> => {
    const r = await api.post(`/orders/${id}/claim`);
    expect(r.status).toBe(200);
    return ClaimResponse.parse(r.body).order;
  };

  const save = async (api: Api, args: SaveResultArgs): Promise<void> => {
    const r = PushResponse.parse((await api.post('/sync/push', {
      clientId: randomUUID(), mutations: [answeredCall(args.orderId, 1), { id: 2, name: 'saveResult.v1', args }],
    })).body);
    expect(r.results).toEqual([{ id: 1, status: 'applied' }, { id: 2, status: 'applied' }]);
  };

  const cancelArgs = (order: Order): SaveResultArgs => ({ ...confirmArgs(order), result: 'cancel', problem: 'expensive', comment: 'Дорого', delivery: null });

  it('refuses a missing or wrong key (401) and a bad query (400), in Russian', async () => {
    expect((await feed.get('/integrations/changes')).status).toBe(401);
    const wrong = await feed.get('/integrations/changes', { 'x-api-key': 'nope' });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'bad_api_key']);
    for (const q of ['cursor=abc!', 'cursor=x999999999999', 'cursor=12', 'limit=0', 'limit=5000']) {
      const r = await feed.get(`/integrations/changes?${q}`, { 'x-api-key': FEED_KEY });
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/[а-я]/);
    }
  });

  it('a confirm, a cancel and a return to the pool each give one event with the order and the server\'s totals', async () => {
    await drain();
    const confirmed = await take(c.op1, await ingest(srv.url));
    const args = confirmArgs(confirmed);
    await save(c.op1, args);
    const cancelled = await take(c.op1, await ingest(srv.url));
    await save(c.op1, cancelArgs(cancelled));
    const released = await take(c.op2, await ingest(srv.url));
    expect((await c.op2.post(`/orders/${released.id}/release`)).status).toBe(200);
    const ids = [confirmed.id, cancelled.id, released.id];
    const seen = await drainUntil((s) => ids.every((id) => s.some((e) => e.orderId === id)));
    expect(seen.map((e) => [e.orderId, e.kind, e.status])).toEqual([
      [confirmed.id, 'confirmed', 'confirmed'], [cancelled.id, 'cancelled', 'cancelled'], [released.id, 'returned_to_pool', 'new'],
    ]);
    const payload = seen[0]?.payload;
    expect(payload).toMatchObject({
      number: confirmed.id, externalId: confirmed.externalId, offer: { sku: 'ARTRO-GEL' }, phone: confirmed.customer.phone,
      customer: { name: 'Иванов Иван Иванович' }, address: args.address, lines: args.lines, delivery: args.delivery,
      totals: orderTotals(args.lines, args.delivery),
    });
    expect(payload?.totals.totalKop).toBe(orderTotals(args.lines, null).totalKop + 39_000);
    expect(await drain()).toEqual([]);
  });

  (backend === 'pg' ? it : it.skip)('a rolled-back transaction leaves no event', async () => {
    await drain();
    const order = await take(c.op1, await ingest(srv.url));
    const db = await openPg(PG_URL, srv.schema ?? undefined);
    try {
      await expect(db.tx(async (sql) => {
        await sql.query('SELECT id FROM orders WHERE id = $1 FOR UPDATE', [order.id]);
        await endLease(sql, order.id, order.assigneeId ?? 0, new Date());
        const { rows } = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM order_events WHERE order_id = $1', [order.id]);
        expect(rows[0]?.n).toBe(1);
        throw new Error('rolled back on purpose');
      })).rejects.toThrow('rolled back on purpose');
    } finally {
      await db.close();
    }
    expect((await c.op1.post(`/orders/${order.id}/release`)).status).toBe(200);
    const seen = await drainUntil((s) => s.some((e) => e.orderId === order.id));
    expect(seen.filter((e) => e.orderId === order.id).map((e) => e.kind)).toEqual(['returned_to_pool']);
  });

  it('delivers every event exactly once and each order\'s in order while operators write and the reader pages', async () => {
    await drain();
    type Plan = { who: 0 | 1; steps: readonly ('confirm' | 'cancel' | 'release')[] };
    const plan = fc.record({
      who: fc.constantFrom(0 as const, 1 as const),
      steps: fc.oneof(
        fc.constant(['confirm' as const]), fc.constant(['cancel' as const]), fc.constant(['release' as const]),
        fc.constant(['release' as const, 'confirm' as const]), fc.constant(['release' as const, 'release' as const, 'cancel' as const]),
      ),
    });
    const kindOf: Record<Plan['steps'][number], OrderEventKind> = { confirm: 'confirmed', cancel: 'cancelled', release: 'returned_to_pool' };
    await fc.assert(fc.asyncProperty(fc.array(plan, { minLength: 3, maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 6 }),
      async (plans, limits) => {
        await drain();
        const ops = [c.op1, c.op2];
        const expected = new Map<number, OrderEventKind[]>();
        const run = async (p: Plan) => {
          const api = ops[p.who] as Api;
          const id = await ingest(srv.url);
          expected.set(id, p.steps.map((s) => kindOf[s]));
          for (const step of p.steps) {
            const order = await take(api, id);
            if (step === 'release') expect((await api.post(`/orders/${id}/release`)).status).toBe(200);
            else await save(api, step === 'confirm' ? confirmArgs(order) : cancelArgs(order));
          }
        };
        const seen: OrderEvent[] = [];
        let writing = true;
        const reader = (async () => {
          for (let i = 0; writing; i++) {
            const p = await page(cursor, limits[i % limits.length] as number);
            seen.push(...p.events);
            cursor = p.cursor;
          }
        })();
        const done = await Promise.allSettled(plans.map(run));
        writing = false;
        await reader;
        for (const d of done) if (d.status === 'rejected') throw d.reason;
        const total = [...expected.values()].reduce((n, k) => n + k.length, 0);
        await drainUntil((s) => s.length >= total, seen);
        expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
        expect(seen.length).toBe(total);
        for (const [id, kinds] of expected) {
          const mine = seen.filter((e) => e.orderId === id);
          expect(mine.map((e) => e.kind)).toEqual(kinds);
          expect(mine.map((e) => e.id)).toEqual([...mine.map((e) => e.id)].sort((a, b) => a - b));
        }
      }), { numRuns: 4 });
  });
});

describe('integrations changes feed without INTEGRATION_API_KEY', () => {
  let srv: ServerProcess;
  beforeAll(async () => { srv = await startServerProcess({ env: { INTEGRATION_API_KEY: '' } }); });
  afterAll(async () => { await srv?.stop(); });

  it('is refused with 503 and says which setting is missing', async () => {
    const r = await client(srv.url).get('/integrations/changes', { 'x-api-key': FEED_KEY });
    expect(r.status).toBe(503);
    expect(r.body.error.message).toContain('INTEGRATION_API_KEY');
  });
});
