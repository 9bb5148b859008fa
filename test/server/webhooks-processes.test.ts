/**
 * Outgoing webhooks across real server processes on PostgreSQL: two processes on one database
 * deliver every event, never the same event twice at once (leases + SKIP LOCKED), each order's
 * events in order; a process killed with SIGKILL mid-delivery loses nothing — the event is sent
 * again, with the same event id, once its lease runs out. On PGlite the single process delivers
 * an event made through the API (a Новый order released back to the pool).
 */
import { execFileSync } from 'node:child_process';
import type { OrderEventKind } from '../../shared/api/integrations';
import { emptyAddress } from '../../shared/domain/schemas';
import type { Db } from '../../server/db/db';
import { openPg } from '../../server/db/pg-db';
import { recordOrderEvent } from '../../server/integrations/order-events';
import { verifyWebhook } from '../../server/integrations/webhook-signature';
import { PG_URL, client, dropSchema, startServerProcess, uniqueSchema, type ServerProcess } from './support/server-process';
import { startReceiver, until, type Receiver } from './support/webhook-receiver';
import { demoClients, ingest } from './support/order-flow';

jest.setTimeout(600_000);

const SECRET = 'whsec_processes_0123456789';
/** A request timeout well above the time the test needs to see a hanging request and kill its sender (lease: 2 × timeout + 5 s). */
const ENV = { WEBHOOK_BASE_DELAY_MS: '100', WEBHOOK_TIMEOUT_MS: '5000', WEBHOOK_POLL_MS: '50' };

async function newOrder(db: Db): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO orders (created_at, updated_at, offer_sku, customer_name, phone, address, lines)
     VALUES (now(), now(), 'ARTRO-GEL', 'Сидоров Сидор', '+79161234567', $1, '[]') RETURNING id`,
    [JSON.stringify(emptyAddress())],
  );
  return rows[0]?.id as number;
}

async function event(db: Db, orderId: number, kind: OrderEventKind): Promise<number> {
  return db.tx(async (sql) => {
    await sql.query('SELECT id FROM orders WHERE id = $1 FOR UPDATE', [orderId]);
    await recordOrderEvent(sql, orderId, kind, new Date());
    const { rows } = await sql.query<{ id: string }>('SELECT max(id) AS id FROM order_events WHERE order_id = $1', [orderId]);
    return Number(rows[0]?.id);
  });
}

/** Each order's events (ids ascending) of `n` orders with 1–4 events each, written interleaved. */
async function writeEvents(db: Db, n: number): Promise<Map<number, number[]>> {
  const orders = new Map<number, number[]>();
  for (let i = 0; i < n; i++) orders.set(await newOrder(db), []);
  const kinds: OrderEventKind[] = ['returned_to_pool', 'callback', 'confirmed', 'cancelled'];
  for (let round = 0; round < 4; round++) {
    for (const [id, list] of orders) if ((id + round) % 5 !== 4) list.push(await event(db, id, kinds[round] as OrderEventKind));
  }
  return orders;
}

/** Checks the receiver's log: signed, no overlap, every event answered 200 exactly once, each order's in order. */
function checkDelivered(rx: Receiver, orders: Map<number, number[]>): void {
  expect(rx.overlaps).toEqual([]);
  const ok = rx.delivered();
  const all = [...orders.values()].flat();
  expect(ok.map((r) => r.eventId).sort((a, b) => a - b)).toEqual([...all].sort((a, b) => a - b));
  for (const [orderId, ids] of orders) {
    const got = ok.filter((r) => (JSON.parse(r.body) as { orderId: number }).orderId === orderId).map((r) => r.eventId);
    expect(got).toEqual(ids);
  }
  for (const r of rx.received) {
    const ts = String(r.headers['x-prozvon-timestamp']);
    expect(verifyWebhook(SECRET, ts, r.body, String(r.headers['x-prozvon-signature']), Math.floor(Date.now() / 1000), 600)).toBe(true);
    expect(all).toContain(r.eventId);
  }
}

/**
 * SIGKILL for the server and the process running it: without a build the server runs under a tsx
 * launcher whose child is the real server, and a SIGKILL of the launcher alone would leave it running.
 */
async function killHard(p: ServerProcess | null): Promise<number | null> {
  if (!p) return null;
  let children: number[] = [];
  try {
    children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(p.proc.pid)], { encoding: 'utf8' }).split('\n').map(Number).filter((n) => n > 0);
  } catch {
    // No children: the built server runs directly.
  }
  for (const pid of children) process.kill(pid, 'SIGKILL');
  return p.kill('SIGKILL');
}

describe('webhooks from several server processes on PostgreSQL', () => {
  const schema = uniqueSchema();
  let a: ServerProcess | null = null;
  let b: ServerProcess | null = null;
  let db: Db;
  let rx: Receiver;
  let endpointId = 0;
  /** Events whose first request hangs until the sender times out or dies. */
  const hangFirst = new Set<number>();

  beforeAll(async () => {
    // Every third event fails once (500) so retries run on both processes too.
    rx = await startReceiver((r, nth) => (hangFirst.has(r.eventId) && nth === 1 ? 'hang' : r.eventId % 3 === 0 && nth === 1 ? 'fail' : 'ok'), 15);
    a = await startServerProcess({ pg: true, demo: true, schema, keep: true, env: ENV });
    b = await startServerProcess({ pg: true, schema, keep: true, env: ENV });
    db = await openPg(PG_URL, schema);
    const admin = client(a.url, await a.login('admin', 'admin'));
    const r = await admin.post('/admin/webhooks', { url: rx.url, secret: SECRET, kinds: ['returned_to_pool', 'callback', 'confirmed', 'cancelled'] });
    expect(r.status).toBe(201);
    endpointId = r.body.id as number;
  });
  afterAll(async () => {
    await killHard(a);
    await killHard(b);
    await db?.close();
    await rx?.close();
    await dropSchema(schema);
  });

  const delivered = async () => {
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM webhook_deliveries WHERE endpoint_id = $1 AND state <> 'delivered'", [endpointId]);
    return rows[0]?.n === 0;
  };

  it('two processes deliver every event exactly once at a time, each order\'s in order', async () => {
    const orders = await writeEvents(db, 12);
    await until(delivered, 180_000, 'every delivery delivered');
    checkDelivered(rx, orders);
    const retried = [...orders.values()].flat().filter((id) => id % 3 === 0);
    expect(retried.length).toBeGreaterThan(0);
    for (const id of retried) expect(rx.received.filter((r) => r.eventId === id).map((r) => r.answer)).toEqual(['fail', 'ok']);
  });

  it('kill -9 mid-delivery: the event comes again with the same id once the lease runs out; nothing is lost', async () => {
    await killHard(b);
    b = null;
    const before = rx.received.length;
    const order = await newOrder(db);
    const first = await event(db, order, 'confirmed');
    hangFirst.add(first);
    const later = await event(db, order, 'cancelled');
    await until(() => rx.received.some((r) => r.eventId === first), 60_000, 'the event to reach the receiver');
    expect(await killHard(a)).toBeNull();
    a = null;
    const { rows } = await db.query<{ state: string; lease_until: Date | null }>(
      'SELECT state, lease_until FROM webhook_deliveries WHERE endpoint_id = $1 AND event_id = $2', [endpointId, first]);
    expect(rows[0]?.state).toBe('pending');
    expect(rows[0]?.lease_until).not.toBeNull();

    b = await startServerProcess({ pg: true, schema, keep: true, env: ENV });
    await until(delivered, 180_000, 'the interrupted delivery to complete');
    const mine = rx.received.slice(before);
    expect(mine.filter((r) => r.eventId === first).map((r) => [r.answer, r.headers['x-prozvon-event-id']])).toEqual([['hang', String(first)], ['ok', String(first)]]);
    expect(mine.filter((r) => r.answer === 'ok').map((r) => r.eventId)).toEqual([first, later]);
    expect(rx.overlaps).toEqual([]);
  });
});

describe('webhooks on PGlite (one server process)', () => {
  let srv: ServerProcess | null = null;
  let rx: Receiver;
  beforeAll(async () => {
    rx = await startReceiver((_r, nth) => (nth === 1 ? 'fail' : 'ok'));
    srv = await startServerProcess({ demo: true, env: ENV });
  });
  afterAll(async () => {
    await killHard(srv);
    await srv?.stop();
    await rx?.close();
  });

  it('delivers an event of a status change made through the API, retrying after a 500', async () => {
    const url = (srv as ServerProcess).url;
    const c = await demoClients(url, (l, p) => (srv as ServerProcess).login(l, p));
    const created = await c.admin.post('/admin/webhooks', { url: rx.url, secret: SECRET, kinds: ['returned_to_pool'] });
    expect(created.status).toBe(201);
    const id = await ingest(url);
    expect((await c.op1.post(`/orders/${id}/claim`)).status).toBe(200);
    expect((await c.op1.post(`/orders/${id}/release`)).status).toBe(200);
    await until(() => rx.delivered().length === 1, 120_000, 'the event on PGlite');
    const [ok] = rx.delivered();
    expect(JSON.parse(ok?.body ?? '{}')).toMatchObject({ orderId: id, kind: 'returned_to_pool', status: 'new' });
    expect(rx.received.map((r) => r.answer)).toEqual(['fail', 'ok']);
    const deliveries = await c.admin.get(`/admin/webhooks/${created.body.id}/deliveries`);
    expect(deliveries.body.deliveries).toMatchObject([{ orderId: id, state: 'delivered', attempts: 2, lastStatus: 200 }]);
  });
});
