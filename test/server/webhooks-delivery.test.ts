/**
 * Outgoing webhooks in-process on PostgreSQL: the admin routes (validation in Russian, create,
 * pause / resume, deliveries, replay of dead letters) and the delivery worker driven by an
 * injected clock against a real HTTP receiver on loopback that answers 500, hangs past the
 * timeout, closes the socket, then recovers — events arrive signed, per order in order, retried
 * on the backoff schedule, dead-lettered after the give-up window and replayed.
 */
import { WebhookDeliveriesResponse, WebhookEndpoint, WebhooksResponse } from '../../shared/api/webhooks';
import type { OrderEventKind } from '../../shared/api/integrations';
import { emptyAddress } from '../../shared/domain/schemas';
import { recordOrderEvent } from '../../server/integrations/order-events';
import { retryDelayMs, retryPlan } from '../../server/integrations/webhook-backoff';
import { verifyWebhook } from '../../server/integrations/webhook-signature';
import { createWebhookWorker, type WebhookWorkerOptions } from '../../server/integrations/webhook-worker';
import { appOn, fixtureSchema, tokenOf, type InProcessApp } from './support/in-process-app';
import { PASSWORD } from './support/live-fixture-seed';
import { client } from './support/server-process';
import { startReceiver, type Behaviour, type Receiver } from './support/webhook-receiver';

jest.setTimeout(180_000);

const SECRET = 'whsec_test_0123456789abcdef';
const OPTS: WebhookWorkerOptions = { baseDelayMs: 1_000, maxDelayMs: 3_600_000, giveUpMs: 24 * 3_600_000, timeoutMs: 400, pollMs: 50, batch: 8, leaseMs: 5_000 };

let fx: Awaited<ReturnType<typeof fixtureSchema>>;
let srv: InProcessApp;
let admin: ReturnType<typeof client>;
/** The worker's clock: only moves forward, starts just after the database's now. */
let clock = new Date(Date.now() + 1_000);
const worker = () => createWebhookWorker(srv.db, OPTS, { now: () => clock, random: () => 0.5 });

beforeAll(async () => {
  fx = await fixtureSchema();
  srv = await appOn(fx.schema);
  admin = client(srv.url, await tokenOf(srv.url, 'admin', PASSWORD));
});
afterAll(async () => {
  await srv?.close();
  await fx?.drop();
});

/** A new order of the fixture's offer; returns its id. */
async function newOrder(): Promise<number> {
  const { rows } = await srv.db.query<{ id: number }>(
    `INSERT INTO orders (created_at, updated_at, offer_sku, customer_name, phone, address, lines)
     VALUES (now(), now(), 'CREAM', 'Петров Пётр', '+79161234567', $1, $2) RETURNING id`,
    [JSON.stringify(emptyAddress()), JSON.stringify([{ offerSku: 'CREAM', name: 'Крем', quantity: 1, unitPriceKop: 150000, discountPct: 0, main: true }])],
  );
  return rows[0]?.id as number;
}

/** Records an event of `orderId` as a status change would (in one transaction with the row lock); returns its id. */
async function event(orderId: number, kind: OrderEventKind): Promise<number> {
  return srv.db.tx(async (sql) => {
    await sql.query('SELECT id FROM orders WHERE id = $1 FOR UPDATE', [orderId]);
    await recordOrderEvent(sql, orderId, kind, new Date());
    const { rows } = await sql.query<{ id: string }>('SELECT max(id) AS id FROM order_events WHERE order_id = $1', [orderId]);
    return Number(rows[0]?.id);
  });
}

async function createEndpoint(url: string, kinds: OrderEventKind[]): Promise<WebhookEndpoint> {
  const r = await admin.post('/admin/webhooks', { url, secret: SECRET, kinds });
  expect(r.status).toBe(201);
  return WebhookEndpoint.parse(r.body);
}

async function deliveries(id: number): Promise<WebhookDeliveriesResponse> {
  const r = await admin.get(`/admin/webhooks/${id}/deliveries?limit=200`);
  expect(r.status).toBe(200);
  return WebhookDeliveriesResponse.parse(r.body);
}

/** Runs the worker round after round, moving the clock to the next due retry, until `done` or `rounds` run out. */
async function drive(done: () => Promise<boolean>, rounds = 80): Promise<void> {
  const w = worker();
  for (let i = 0; i < rounds && !(await done()); i++) {
    await w.runOnce();
    // The next retry still ahead of the clock (+1 ms: the database keeps microseconds, the clock milliseconds).
    const { rows } = await srv.db.query<{ at: Date | null }>(
      "SELECT min(next_attempt_at) AS at FROM webhook_deliveries WHERE state = 'pending' AND next_attempt_at >= $1", [clock.toISOString()]);
    const next = rows[0]?.at;
    if (next) clock = new Date(new Date(next).getTime() + 1);
  }
}

const states = async (endpointId: number) => (await deliveries(endpointId)).deliveries.map((d) => d.state);

describe('webhook admin routes', () => {
  it('refuses a non-http(s) URL, a short secret and no event kinds, in Russian; an unknown id is 404', async () => {
    for (const body of [
      { url: 'ftp://example.com/x', secret: SECRET, kinds: ['confirmed'] },
      { url: 'http://user:pw@127.0.0.1/x', secret: SECRET, kinds: ['confirmed'] },
      { url: 'http://127.0.0.1/x', secret: 'short', kinds: ['confirmed'] },
      { url: 'http://127.0.0.1/x', secret: SECRET, kinds: [] },
      { url: 'http://127.0.0.1/x', secret: SECRET, kinds: ['shipped'] },
    ]) {
      const r = await admin.post('/admin/webhooks', body);
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/[а-я]/);
    }
    expect((await admin.call('PATCH', '/admin/webhooks/999999', { paused: true })).status).toBe(404);
    expect((await admin.call('DELETE', '/admin/webhooks/999999')).status).toBe(404);
    expect((await admin.post('/admin/webhooks/deliveries/999999/replay')).status).toBe(404);
  });

  it('creates, lists (secret hidden), edits, pauses and deletes an endpoint', async () => {
    const e = await createEndpoint('https://shop.example/hook', ['confirmed']);
    expect(e).toMatchObject({ url: 'https://shop.example/hook', kinds: ['confirmed'], paused: false, secretHint: '…cdef', pending: 0 });
    const list = WebhooksResponse.parse((await admin.get('/admin/webhooks')).body);
    expect(JSON.stringify(list)).not.toContain(SECRET);
    const edited = await admin.call('PATCH', `/admin/webhooks/${e.id}`, { kinds: ['confirmed', 'cancelled'], paused: true });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ kinds: ['confirmed', 'cancelled'], paused: true });
    expect((await admin.call('DELETE', `/admin/webhooks/${e.id}`)).status).toBe(200);
    expect((await admin.get(`/admin/webhooks/${e.id}/deliveries`)).status).toBe(404);
  });
});

describe('webhook delivery worker', () => {
  let rx: Receiver;
  let firstA = 0;
  /** A's first event answers 500, hangs past the timeout, loses its socket, then succeeds. */
  const script: Behaviour[] = ['fail', 'hang', 'close'];
  beforeAll(async () => {
    rx = await startReceiver((r, nth) => (r.eventId === firstA ? (script[nth - 1] ?? 'ok') : 'ok'));
  });
  afterAll(async () => { await rx?.close(); });

  it('retries through 500, timeout and a closed socket, keeps each order\'s events in order, signs every request', async () => {
    const ep = await createEndpoint(rx.url, ['confirmed', 'cancelled']);
    const a = await newOrder();
    const b = await newOrder();
    const c = await newOrder();
    firstA = await event(a, 'confirmed');
    const secondA = await event(a, 'cancelled');
    const onlyB = await event(b, 'confirmed');
    await event(c, 'no_answer');
    await drive(async () => (await states(ep.id)).every((s) => s === 'delivered'));

    const ds = (await deliveries(ep.id)).deliveries;
    expect(ds.map((d) => [d.eventId, d.state]).sort()).toEqual([[firstA, 'delivered'], [onlyB, 'delivered'], [secondA, 'delivered']].sort());
    // The order's later event was not sent before the earlier one got through; the other order was not held up.
    const firstOk = rx.received.findIndex((r) => r.eventId === firstA && r.answer === 'ok');
    expect(rx.received.findIndex((r) => r.eventId === secondA)).toBeGreaterThan(firstOk);
    expect(rx.received.findIndex((r) => r.eventId === onlyB)).toBeLessThan(firstOk);
    expect(rx.received.filter((r) => r.eventId === firstA).map((r) => r.answer)).toEqual(['fail', 'hang', 'close', 'ok']);
    expect(rx.received.filter((r) => r.eventId === firstA).map((r) => r.headers['x-prozvon-attempt'])).toEqual(['1', '2', '3', '4']);
    expect(rx.overlaps).toEqual([]);

    for (const r of rx.received) {
      const ts = String(r.headers['x-prozvon-timestamp']);
      expect(verifyWebhook(SECRET, ts, r.body, String(r.headers['x-prozvon-signature']), Number(ts))).toBe(true);
      expect(verifyWebhook('another-secret-0000', ts, r.body, String(r.headers['x-prozvon-signature']), Number(ts))).toBe(false);
      expect(verifyWebhook(SECRET, ts, `${r.body} `, String(r.headers['x-prozvon-signature']), Number(ts))).toBe(false);
      const body = JSON.parse(r.body) as { id: number; orderId: number; kind: string; payload: { number: number } };
      expect(body.id).toBe(r.eventId);
      expect(body.payload.number).toBe(body.orderId);
    }
    const okBodies = rx.delivered().map((r) => JSON.parse(r.body) as { id: number; kind: string });
    expect(okBodies.filter((x) => x.id === firstA || x.id === secondA).map((x) => x.kind)).toEqual(['confirmed', 'cancelled']);

    // The attempts log: what each failure was and the backoff before the next try (equal jitter: random 0.5 → ¾ of the ceiling).
    const log = (await deliveries(ep.id)).attempts.filter((x) => x.eventId === firstA).reverse();
    expect(log.map((x) => x.status)).toEqual([500, null, null, 200]);
    expect(log[0]?.error).toMatch(/HTTP 500/);
    expect(log[1]?.error).toMatch(/нет ответа за 400 мс/);
    expect(log[2]?.error).toMatch(/сбой соединения/);
    expect(log[3]?.error).toBeNull();
    log.slice(0, 3).forEach((x, i) => {
      const gap = new Date(x.retryAt ?? 0).getTime() - new Date(x.at).getTime();
      expect(gap).toBe(retryDelayMs(i + 1, OPTS, 0.5));
      expect(gap).toBe(0.75 * OPTS.baseDelayMs * 2 ** i);
    });
    await admin.call('DELETE', `/admin/webhooks/${ep.id}`);
  });

  it('holds a paused endpoint\'s events and delivers them on resume', async () => {
    const ep = await createEndpoint(rx.url, ['confirmed']);
    expect((await admin.call('PATCH', `/admin/webhooks/${ep.id}`, { paused: true })).status).toBe(200);
    const id = await event(await newOrder(), 'confirmed');
    await worker().runOnce();
    expect(rx.received.some((r) => r.eventId === id)).toBe(false);
    expect(await states(ep.id)).toEqual(['pending']);
    expect((await admin.call('PATCH', `/admin/webhooks/${ep.id}`, { paused: false })).status).toBe(200);
    await drive(async () => (await states(ep.id)).every((s) => s === 'delivered'));
    expect(rx.delivered().filter((r) => r.eventId === id)).toHaveLength(1);
    await admin.call('DELETE', `/admin/webhooks/${ep.id}`);
  });
});

describe('dead letters', () => {
  let rx: Receiver;
  let healthy = false;
  beforeAll(async () => { rx = await startReceiver(() => (healthy ? 'ok' : 'fail')); });
  afterAll(async () => { await rx?.close(); });

  it('gives up after the 24 h window, shows the dead letter, and replays one or all of them', async () => {
    const ep = await createEndpoint(rx.url, ['confirmed']);
    const one = await event(await newOrder(), 'confirmed');
    const two = await event(await newOrder(), 'confirmed');
    const started = clock.getTime();
    await drive(async () => (await states(ep.id)).every((s) => s === 'dead'), 200);
    const ds = (await deliveries(ep.id)).deliveries;
    expect(ds.map((d) => d.state)).toEqual(['dead', 'dead']);
    const dead = ds.find((d) => d.eventId === one);
    expect(dead).toMatchObject({ lastStatus: 500, lastError: 'ответ HTTP 500', nextAttemptAt: null });
    // As many tries as the schedule fits into the window (backoff capped at 1 h), the last one inside it.
    let tries = 1;
    for (let at = new Date(0); ; tries++) {
      const plan = retryPlan(tries, at, new Date(0), OPTS, 0.5);
      if (plan.kind === 'dead') break;
      at = plan.at;
    }
    expect(Math.abs((dead?.attempts ?? 0) - tries)).toBeLessThanOrEqual(1);
    expect(new Date(dead?.lastAttemptAt ?? 0).getTime() - started).toBeLessThanOrEqual(OPTS.giveUpMs);

    healthy = true;
    const replayOne = await admin.post(`/admin/webhooks/deliveries/${dead?.id}/replay`);
    expect(replayOne.body).toEqual({ replayed: 1 });
    await drive(async () => (await deliveries(ep.id)).deliveries.some((d) => d.eventId === one && d.state === 'delivered'));
    expect((await deliveries(ep.id)).deliveries.find((d) => d.eventId === two)?.state).toBe('dead');
    const again = await admin.post(`/admin/webhooks/deliveries/${dead?.id}/replay`);
    expect([again.status, again.body.error.code]).toEqual([409, 'not_dead']);
    expect(again.body.error.message).toMatch(/[а-я]/);

    expect((await admin.post(`/admin/webhooks/${ep.id}/replay-dead`)).body).toEqual({ replayed: 1 });
    await drive(async () => (await states(ep.id)).every((s) => s === 'delivered'));
    expect(rx.delivered().map((r) => r.eventId).sort()).toEqual([one, two].sort());
  });
});
