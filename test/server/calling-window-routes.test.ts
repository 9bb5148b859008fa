/**
 * Calling windows through a real server process, on PGlite and on PostgreSQL. The server's clock
 * starts at 20:00 Moscow (PROZVON_CLOCK_START, server/clock.ts): a Vladivostok order (03:00 there)
 * is not given by Next order while a Kaliningrad one (19:00) is; ingest places zones by the landing
 * page's fields and the phone; a save with an address region re-places it; a call made outside the
 * window is flagged by the server and counted in the operators report.
 */
import { randomUUID } from 'node:crypto';
import { BACKENDS, INGEST_KEY, client, startServerProcess, type ServerProcess } from './support/server-process';
import { ClaimResponse, PushResponse, QueuePage } from '../../shared/api/http';
import { OperatorReport } from '../../shared/api/lead';
import type { Order } from '../../shared/domain/schemas';

jest.setTimeout(420_000);

/** The 17:00 UTC (20:00 Moscow) nearest to the machine's clock, so tokens and leases stay near real time. */
function nearest2000Moscow(): Date {
  const now = Date.now();
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate(), 17);
  return new Date([today - 86_400_000, today, today + 86_400_000].sort((a, b) => Math.abs(a - now) - Math.abs(b - now))[0] ?? today);
}

describe.each(BACKENDS)('calling windows on %s', (backend) => {
  const clockStart = nearest2000Moscow();
  let srv: ServerProcess;
  let admin: ReturnType<typeof client>;
  let op: ReturnType<typeof client>;
  const ids: Record<string, number> = {};

  const ingest = async (extra: Record<string, unknown>): Promise<number> => {
    const r = await client(srv.url).post('/orders', { externalId: `zone-${randomUUID()}`, customerName: 'Иван', phone: '+79123456789', offerSku: 'ZONE-TEST', ...extra }, { 'x-api-key': INGEST_KEY });
    expect(r.status).toBe(201);
    return r.body.id as number;
  };
  const zoneOf = async (id: number) => ((await admin.get(`/orders/${id}`)).body.order as Order).customerZone;

  beforeAll(async () => {
    srv = await startServerProcess({ demo: true, pg: backend === 'pg', env: { PROZVON_CLOCK_START: clockStart.toISOString(), TOKEN_TTL_HOURS: '72' } });
    admin = client(srv.url, await srv.login('admin', 'admin'));
    expect((await admin.call('PUT', '/admin/offers/ZONE-TEST', { sku: 'ZONE-TEST', name: 'Тест зон', priceKop: 100_000, promo: { text: '', allowedDiscountsPct: [] }, active: true })).status).toBe(200);
    const user = await admin.post('/admin/users', { login: 'zoneop', name: 'Оператор зон', role: 'operator', password: 'operator' });
    expect(user.status).toBe(201);
    expect((await admin.call('PUT', `/admin/users/${user.body.id as number}/offers`, { offerSkus: ['ZONE-TEST'] })).status).toBe(200);
    // the suite's servers call around the clock by default (jest.config.js): the center stores 09:00–21:00
    expect((await admin.call('PUT', '/admin/settings', { callingWindow: { start: '09:00', end: '21:00' } })).body.callingWindow).toEqual({ start: '09:00', end: '21:00' });
    op = client(srv.url, await srv.login('zoneop', 'operator'));
    // oldest first: without windows Next order would give Vladivostok first
    ids.vladivostok = await ingest({ region: 'Приморский край' });
    ids.kamchatka = await ingest({ phone: '+74152123456' });
    ids.unknown = await ingest({});
    ids.kaliningrad = await ingest({ timeZone: 'Europe/Kaliningrad', region: '25' });
  });
  afterAll(async () => { await srv?.stop(); });

  it('places each ingested order by the landing page\'s fields, else its phone, else unknown', async () => {
    expect(await zoneOf(ids.vladivostok!)).toEqual({ zone: 'Asia/Vladivostok', source: 'ingest' });
    expect(await zoneOf(ids.kamchatka!)).toEqual({ zone: 'Asia/Kamchatka', source: 'phone' });
    expect(await zoneOf(ids.unknown!)).toEqual({ zone: null, source: 'unknown' });
    expect(await zoneOf(ids.kaliningrad!)).toEqual({ zone: 'Europe/Kaliningrad', source: 'ingest' });
  });

  it('at 20:00 Moscow gives the Kaliningrad order, never the Vladivostok, Kamchatka or unknown-zone one', async () => {
    const first = await op.post('/queue/next');
    expect(first.status).toBe(200);
    const order = ClaimResponse.parse(first.body).order;
    expect([order.id, order.customerZone]).toEqual([ids.kaliningrad, { zone: 'Europe/Kaliningrad', source: 'ingest' }]);
    expect((await op.post('/queue/next')).status).toBe(204);
    const page = QueuePage.parse((await admin.get('/queue/new?limit=500')).body);
    expect(page.rows.find((r) => r.id === ids.vladivostok)?.customerZone).toEqual({ zone: 'Asia/Vladivostok', source: 'ingest' });
  });

  it('flags a call outside the window (server-computed) and re-places the zone from a saved address region', async () => {
    const claimed = await op.post(`/orders/${ids.vladivostok!}/claim`);
    expect(claimed.status).toBe(200);
    // the call starts just after the take, by the server's clock (still about 20:00 Moscow: 03:00 in Vladivostok)
    const started = Date.parse(ClaimResponse.parse(claimed.body).order.updatedAt) + 1_000;
    const callId = randomUUID();
    const clientId = randomUUID();
    const call = { id: 1, name: 'logCall.v1', args: { callId, orderId: ids.vladivostok, startedAt: new Date(started).toISOString(), answeredAt: null, endedAt: new Date(started + 20_000).toISOString(), outcome: 'noAnswer' } };
    const order = (await admin.get(`/orders/${ids.vladivostok!}`)).body.order as Order;
    const save = {
      id: 2, name: 'saveResult.v1', args: {
        orderId: ids.vladivostok, result: 'noAnswer', variant: null, problem: 'no_pickup', callbackAt: null, comment: 'не берёт',
        customer: order.customer, address: { ...order.address, region: 'Калининградская область' }, lines: order.lines, delivery: null,
      },
    };
    const push = PushResponse.parse((await op.post('/sync/push', { clientId, mutations: [call, save] })).body);
    expect(push.results).toEqual([{ id: 1, status: 'applied' }, { id: 2, status: 'applied' }]);
    expect(await zoneOf(ids.vladivostok!)).toEqual({ zone: 'Europe/Kaliningrad', source: 'address' });
    const day = new Date(clockStart.getTime() + 3 * 3_600_000).toISOString().slice(0, 10);
    const report = OperatorReport.parse((await admin.get(`/reports/operators?from=${day}&to=${day}`)).body);
    const row = report.rows.find((r) => r.login === 'zoneop');
    expect([row?.calls, row?.outsideWindow]).toEqual([1, 1]);
    const csv = String((await admin.get(`/reports/operators.csv?from=${day}&to=${day}`)).body).replace(/^\uFEFF/, '').split('\r\n');
    const head = (csv[0] ?? '').split(';');
    const line = (csv.find((l) => l.includes(';zoneop;')) ?? '').split(';');
    expect(line[head.indexOf('Звонки вне окна клиента')]).toBe('1');
  });
});
