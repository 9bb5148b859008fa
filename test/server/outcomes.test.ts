/**
 * Delivery outcomes and the blacklist against real server processes on PGlite and PostgreSQL,
 * over HTTP: the shipment status feed (API key, validation, unknown and unconfirmed orders,
 * idempotency by shipment id + status + time, the batch form), buyout figures in the operators
 * report from a hand-computed fixture, the «не выкупает» flag at the center's threshold in the
 * customer history, and the blacklist with both actions appearing in the changes feed.
 */
import { randomUUID } from 'node:crypto';
import { ClaimResponse, CustomerHistory, PushResponse } from '../../shared/api/http';
import { ChangesResponse, type OrderEvent } from '../../shared/api/integrations';
import { OperatorReport } from '../../shared/api/lead';
import { BlacklistEntry, HeldOrdersResponse, ShipmentBatchResponse } from '../../shared/api/outcomes';
import type { Order, SaveResultArgs } from '../../shared/domain/schemas';
import { localDayKeyOf } from '../../shared/domain/reports';
import { BACKENDS, INGEST_KEY, client, startServerProcess, type ServerProcess } from './support/server-process';
import { answeredCall, confirmArgs, demoClients, ingest, type Api } from './support/order-flow';

jest.setTimeout(300_000);

const FEED_KEY = 'test-integration-key';
const KEY = { 'x-api-key': INGEST_KEY };

describe.each(BACKENDS)('delivery outcomes and blacklist on %s', (backend) => {
  let srv: ServerProcess;
  let c: Awaited<ReturnType<typeof demoClients>>;
  let feed: Api;
  beforeAll(async () => {
    srv = await startServerProcess({ demo: true, pg: backend === 'pg', env: { INTEGRATION_API_KEY: FEED_KEY } });
    c = await demoClients(srv.url, srv.login);
    feed = client(srv.url);
  });
  afterAll(async () => { await srv?.stop(); });

  const uniquePhone = () => `+7999${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const save = async (api: Api, args: SaveResultArgs): Promise<void> => {
    const r = PushResponse.parse((await api.post('/sync/push', {
      clientId: randomUUID(), mutations: [answeredCall(args.orderId, 1), { id: 2, name: 'saveResult.v1', args }],
    })).body);
    expect(r.results).toEqual([{ id: 1, status: 'applied' }, { id: 2, status: 'applied' }]);
  };
  const take = async (api: Api, id: number): Promise<Order> => {
    const r = await api.post(`/orders/${id}/claim`);
    expect(r.status).toBe(200);
    return ClaimResponse.parse(r.body).order;
  };
  /** A new order of `phone` confirmed by operator1; returns its number. */
  const confirmed = async (phone = uniquePhone()): Promise<number> => {
    const order = await take(c.op1, await ingest(srv.url, { phone }));
    await save(c.op1, confirmArgs(order));
    return order.id;
  };
  const ship = (body: unknown) => feed.post('/shipments', body, KEY);
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const settings = (patch: Record<string, unknown>) => c.admin.call('PUT', '/admin/settings', patch);

  it('refuses a wrong key, bad input, unknown and unconfirmed orders — in Russian', async () => {
    expect((await feed.post('/shipments', {})).status).toBe(401);
    const id = await confirmed();
    const bad = [
      { orderNumber: id, shipmentId: 'S', status: 'delivered', occurredAt: at(1) },
      { orderNumber: id, shipmentId: 'S', status: 'returned', occurredAt: at(1), amountKop: 100 },
      { orderNumber: id, externalId: 'x', shipmentId: 'S', status: 'shipped', occurredAt: at(1) },
      { orderNumber: id, shipmentId: 'S', status: 'paid', occurredAt: at(1) },
      { orderNumber: id, shipmentId: 'S', status: 'shipped', occurredAt: 'вчера' },
      { orderNumber: id, shipmentId: 'S', status: 'shipped', occurredAt: new Date(Date.now() + 3_600_000).toISOString() },
    ];
    for (const body of bad) {
      const r = await ship(body);
      expect([r.status, r.body.error.code]).toEqual([400, 'invalid_input']);
      expect(r.body.error.message).toMatch(/[а-я]/);
    }
    const unknown = await ship({ orderNumber: 2_000_000_000, shipmentId: 'S', status: 'shipped', occurredAt: at(1) });
    expect([unknown.status, unknown.body.error.code]).toEqual([422, 'unknown_order']);
    expect(unknown.body.error.message).toMatch(/№2000000000 не найден/);
    const unknownExt = await ship({ externalId: 'нет-такого', shipmentId: 'S', status: 'shipped', occurredAt: at(1) });
    expect([unknownExt.status, unknownExt.body.error.code]).toEqual([422, 'unknown_order']);
    const fresh = await ingest(srv.url);
    const notConfirmed = await ship({ orderNumber: fresh, shipmentId: 'S', status: 'shipped', occurredAt: at(1) });
    expect([notConfirmed.status, notConfirmed.body.error.code]).toEqual([409, 'order_not_confirmed']);
    expect(notConfirmed.body.error.message).toMatch(/не подтверждён/);
  });

  it('takes a status once by shipment id + status + time; a repeat with other data is refused', async () => {
    const id = await confirmed();
    const shipmentId = `CDEK-${randomUUID()}`;
    const ev = { orderNumber: id, shipmentId, status: 'delivered', occurredAt: at(5), amountKop: 199_000 };
    const first = await ship(ev);
    expect([first.status, first.body.outcome, first.body.orderId]).toEqual([201, 'created', id]);
    const again = await ship(ev);
    expect([again.status, again.body.outcome, again.body.id]).toEqual([200, 'duplicate', first.body.id]);
    const other = await ship({ ...ev, amountKop: 1 });
    expect([other.status, other.body.error.code]).toEqual([409, 'conflicting_event']);
    const sameStatusLater = await ship({ ...ev, occurredAt: at(4) });
    expect(sameStatusLater.status).toBe(201);
  });

  it('the batch form answers per event, in order, and is idempotent too', async () => {
    const a = await confirmed();
    const ext = (await c.admin.get(`/orders/${a}`)).body.order.externalId as string;
    const sid = `PR-${randomUUID()}`;
    const events = [
      { externalId: ext, shipmentId: sid, status: 'shipped', occurredAt: at(30) },
      { orderNumber: a, shipmentId: sid, status: 'lost', occurredAt: at(10) },
      { orderNumber: a, shipmentId: sid, status: 'delivered', occurredAt: at(10) },
      { orderNumber: 2_000_000_000, shipmentId: sid, status: 'shipped', occurredAt: at(30) },
    ];
    const r = await feed.post('/shipments/batch', { events }, KEY);
    expect(r.status).toBe(200);
    const res = ShipmentBatchResponse.parse(r.body).results;
    expect(res.map((x) => [x.index, x.outcome])).toEqual([[0, 'created'], [1, 'created'], [2, 'rejected'], [3, 'rejected']]);
    expect(res.slice(2).map((x) => (x.outcome === 'rejected' ? [x.code, x.field] : null))).toEqual([['invalid_input', 'amountKop'], ['unknown_order', 'orderNumber']]);
    const again = ShipmentBatchResponse.parse((await feed.post('/shipments/batch', { events: events.slice(0, 2) }, KEY)).body).results;
    expect(again.map((x) => x.outcome)).toEqual(['duplicate', 'duplicate']);
    expect((await feed.post('/shipments/batch', { events: [] }, KEY)).status).toBe(400);
  });

  it('the operators report shows buyout beside approval and the money collected (hand-computed)', async () => {
    const { timeZone } = (await c.admin.get('/admin/settings')).body as { timeZone: string };
    const day = localDayKeyOf(new Date(), timeZone);
    const users = (await c.admin.get('/admin/users')).body.users as { id: number; login: string }[];
    const op1 = users.find((u) => u.login === 'operator1')?.id;
    const report = async () => {
      const r = await c.admin.get(`/reports/operators?from=${day}&to=${day}&userId=${op1}`);
      expect(r.status).toBe(200);
      return OperatorReport.parse(r.body).grandTotal;
    };
    const before = await report();
    // Five orders: A shipped → delivered 2 490 ₽; B delivered then returned later (returned);
    // C shipped (in transit); D not shipped; E cancelled (processed, not confirmed).
    const [A, B, C, D] = [await confirmed(), await confirmed(), await confirmed(), await confirmed()];
    expect(D).toBeGreaterThan(0);
    const e = await take(c.op1, await ingest(srv.url));
    await save(c.op1, { ...confirmArgs(e), result: 'cancel', problem: 'expensive', comment: 'Дорого', delivery: null });
    const events = [
      { orderNumber: A, shipmentId: `A-${A}`, status: 'shipped', occurredAt: at(50) },
      { orderNumber: A, shipmentId: `A-${A}`, status: 'delivered', occurredAt: at(20), amountKop: 249_000 },
      { orderNumber: B, shipmentId: `B-${B}`, status: 'delivered', occurredAt: at(40), amountKop: 100_000 },
      { orderNumber: B, shipmentId: `B-${B}`, status: 'returned', occurredAt: at(30) },
      { orderNumber: C, shipmentId: `C-${C}`, status: 'shipped', occurredAt: at(45) },
    ];
    const r = ShipmentBatchResponse.parse((await feed.post('/shipments/batch', { events }, KEY)).body).results;
    expect(r.every((x) => x.outcome === 'created')).toBe(true);
    const after = await report();
    expect(after.processed - before.processed).toBe(5);
    expect(after.confirmed - before.confirmed).toBe(4);
    const b0 = before.buyout ?? { shipped: 0, delivered: 0, returned: 0, lost: 0, collectedKop: 0 };
    const b1 = after.buyout;
    expect(b1).toBeDefined();
    expect([b1!.shipped - b0.shipped, b1!.delivered - b0.delivered, b1!.returned - b0.returned, b1!.lost - b0.lost, b1!.collectedKop - b0.collectedKop])
      .toEqual([3, 1, 1, 0, 249_000]);
    if (b0.shipped === 0) expect(b1!.buyoutRate).toBeCloseTo(1 / 3);
    const csv = await c.admin.get(`/reports/operators.csv?from=${day}&to=${day}&userId=${op1}`);
    expect(csv.status).toBe(200);
    const lines = String(csv.body).replace(/^\uFEFF/, '').split('\r\n');
    const head = (lines[0] ?? '').split(';');
    const first = head.indexOf('Отправлено');
    expect(head.slice(first, first + 7)).toEqual(['Отправлено', 'Выкуплено', 'Возвраты', 'Утеряно', 'Выкуп, %', 'Получено, ₽', 'Звонки вне окна клиента']);
    const total = (lines.find((l) => l.includes('Итого за период')) ?? '').split(';');
    expect(total.slice(first, first + 6)).toEqual([String(b1!.shipped), String(b1!.delivered), String(b1!.returned), String(b1!.lost),
      b1!.buyoutRate === null ? '' : (b1!.buyoutRate * 100).toFixed(1).replace('.', ','), (b1!.collectedKop / 100).toFixed(2).replace('.', ',')]);
  });

  it('flags «не выкупает» at the center\'s threshold of returns, shown with the history', async () => {
    const phone = uniquePhone();
    const history = async () => {
      const r = await c.lead.get(`/customers/by-phone/${encodeURIComponent(phone)}`);
      expect(r.status).toBe(200);
      return CustomerHistory.parse(r.body);
    };
    const [a, b, d] = [await confirmed(phone), await confirmed(phone), await confirmed(phone)];
    await ship({ orderNumber: a, shipmentId: `R-${a}`, status: 'returned', occurredAt: at(10) });
    await ship({ orderNumber: d, shipmentId: `D-${d}`, status: 'delivered', occurredAt: at(10), amountKop: 5_000 });
    let h = await history();
    expect(h.buyer).toEqual({ delivered: 1, returned: 1, threshold: 2, nonBuyer: false, blacklisted: null });
    expect(h.orders.find((o) => o.id === a)?.shipmentStatus).toBe('returned');
    expect(h.orders.find((o) => o.id === b)?.shipmentStatus).toBeUndefined();
    await ship({ orderNumber: b, shipmentId: `R-${b}`, status: 'returned', occurredAt: at(5) });
    h = await history();
    expect(h.buyer).toMatchObject({ returned: 2, nonBuyer: true });
    expect((await settings({ nonBuyerReturns: 3 })).status).toBe(200);
    expect((await history()).buyer).toMatchObject({ returned: 2, threshold: 3, nonBuyer: false });
    expect((await settings({ nonBuyerReturns: 0 })).status).toBe(400);
    expect((await settings({ nonBuyerReturns: 2 })).status).toBe(200);
  });

  it('blacklist: admin CRUD; an order from a listed phone is held or closed as Невалид, never dropped, with a feed event', async () => {
    const phone = uniquePhone();
    const national = `8 (${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8, 10)}-${phone.slice(10)}`;
    expect((await c.lead.post('/admin/blacklist', { phone, reason: 'x' })).status).toBe(403);
    const add = await c.admin.post('/admin/blacklist', { phone: national, reason: 'Оскорбляет операторов' });
    expect(add.status).toBe(201);
    const entry = BlacklistEntry.parse(add.body);
    expect([entry.phone, entry.reason, entry.authorName]).toEqual([phone, 'Оскорбляет операторов', expect.any(String)]);
    const dup = await c.admin.post('/admin/blacklist', { phone, reason: 'ещё раз' });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'already_listed']);
    expect((await c.admin.post('/admin/blacklist', { phone: 'abc', reason: 'x' })).status).toBe(400);
    expect((await c.admin.get('/admin/blacklist')).body.entries.map((x: { phone: string }) => x.phone)).toContain(phone);

    let cursor = '0';
    const eventsOf = async (id: number, want: number): Promise<OrderEvent[]> => {
      const seen: OrderEvent[] = [];
      for (let i = 0; i < 50 && seen.filter((e) => e.orderId === id).length < want; i++) {
        const p = ChangesResponse.parse((await feed.get(`/integrations/changes?cursor=${cursor}&limit=1000`, { 'x-api-key': FEED_KEY })).body);
        seen.push(...p.events);
        cursor = p.cursor;
      }
      return seen.filter((e) => e.orderId === id);
    };

    expect((await settings({ blacklistAction: 'hold' })).status).toBe(200);
    const held = await ingest(srv.url, { phone: national });
    const heldOrder = (await c.admin.get(`/orders/${held}`)).body.order as Order;
    expect([heldOrder.status, heldOrder.comment]).toEqual(['held', 'Номер в чёрном списке: Оскорбляет операторов']);
    const list = HeldOrdersResponse.parse((await c.lead.get('/held-orders')).body).orders;
    expect(list.map((o) => o.id)).toContain(held);
    expect((await c.op1.get('/held-orders')).status).toBe(403);
    expect((await c.op1.post(`/orders/${held}/claim`)).status).toBeGreaterThanOrEqual(400);
    const released = await c.lead.post(`/held-orders/${held}/decide`, { action: 'queue' });
    expect(released.status).toBe(200);
    expect((await c.admin.get(`/orders/${held}`)).body.order.status).toBe('new');
    const again = await c.lead.post(`/held-orders/${held}/decide`, { action: 'invalid' });
    expect([again.status, again.body.error.code]).toEqual([409, 'not_held']);
    expect((await eventsOf(held, 2)).map((e) => [e.kind, e.status])).toEqual([['held', 'held'], ['returned_to_pool', 'new']]);

    const held2 = await ingest(srv.url, { phone });
    expect((await c.lead.post(`/held-orders/${held2}/decide`, { action: 'invalid' })).status).toBe(200);
    expect((await c.admin.get(`/orders/${held2}`)).body.order.status).toBe('invalid');
    expect((await eventsOf(held2, 2)).map((e) => e.kind)).toEqual(['held', 'invalid']);

    expect((await settings({ blacklistAction: 'invalid' })).status).toBe(200);
    const closed = await ingest(srv.url, { phone });
    const closedOrder = (await c.admin.get(`/orders/${closed}`)).body.order as Order;
    expect([closedOrder.status, closedOrder.comment]).toEqual(['invalid', 'Номер в чёрном списке: Оскорбляет операторов']);
    expect((await eventsOf(closed, 1)).map((e) => [e.kind, e.status])).toEqual([['invalid', 'invalid']]);
    const h = CustomerHistory.parse((await c.lead.get(`/customers/by-phone/${encodeURIComponent(phone)}`)).body);
    expect(h.buyer?.blacklisted).toBe('Оскорбляет операторов');

    expect((await c.admin.call('DELETE', `/admin/blacklist/${entry.id}`)).status).toBe(200);
    expect((await c.admin.call('DELETE', `/admin/blacklist/${entry.id}`)).status).toBe(404);
    const free = await ingest(srv.url, { phone });
    expect((await c.admin.get(`/orders/${free}`)).body.order.status).toBe('new');
    expect((await settings({ blacklistAction: 'hold' })).status).toBe(200);
  });
});
