/**
 * The server decides the money of a confirm (issue 14): line prices from the catalogue, discounts
 * from the promo terms, the delivery from its own quote for the address (courier-only rule), and
 * the totals stored for the reports from its own computation. Real server processes, demo data,
 * PGlite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { BACKENDS, PG_URL, startServerProcess, type ServerProcess } from './support/server-process';
import { answeredCall, confirmArgs, demoClients, ingest, type Api } from './support/order-flow';
import { ClaimResponse, PushResponse } from '../../shared/api/http';
import { OperatorReport } from '../../shared/api/lead';
import { localDate } from '../../shared/domain/tabs';
import type { DeliveryOption, Offer, Order, OrderLine, SaveResultArgs } from '../../shared/domain/schemas';

jest.setTimeout(420_000);

const MOSCOW_COURIER: DeliveryOption = { id: 'СДЭК:door-3', method: 'courier', carrier: 'СДЭК', priceKop: 39_000, daysMin: 1, daysMax: 2 };
const MOSCOW_POST: DeliveryOption = { id: 'Почта России:post-5', method: 'post', carrier: 'Почта России', priceKop: 29_000, daysMin: 2, daysMax: 5 };

describe.each(BACKENDS)('money authority on %s', (backend) => {
  let srv: ServerProcess;
  let c: Awaited<ReturnType<typeof demoClients>>;
  let op1Id = 0;
  beforeAll(async () => {
    srv = await startServerProcess({ demo: true, pg: backend === 'pg' });
    c = await demoClients(srv.url, srv.login);
  });
  afterAll(async () => { await srv?.stop(); });

  const offerOf = async (sku: string): Promise<Offer> => (await c.op1.get('/offers')).body.offers.find((o: Offer) => o.sku === sku);

  /** Ingests and takes an order of `sku`; returns it as the operator holds it. */
  const held = async (sku = 'ARTRO-GEL'): Promise<Order> => {
    const id = await ingest(srv.url, { offerSku: sku });
    const r = await c.op1.post(`/orders/${id}/claim`);
    expect(r.status).toBe(200);
    const order = ClaimResponse.parse(r.body).order;
    op1Id = order.assigneeId ?? 0;
    return order;
  };

  /** Pushes an answered call and the save; returns the save's outcome. */
  const save = async (api: Api, args: SaveResultArgs) => {
    const r = PushResponse.parse((await api.post('/sync/push', {
      clientId: randomUUID(), mutations: [answeredCall(args.orderId, 1), { id: 2, name: 'saveResult.v1', args }],
    })).body);
    expect(r.results[0]).toEqual({ id: 1, status: 'applied' });
    return r.results[1];
  };

  /** The operator's confirmations and revenue of the last three local days for one offer (the operators report). */
  const figures = async (sku: string) => {
    const day = (delta: number) => {
      const d = localDate(new Date(), 'Europe/Moscow', delta);
      return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
    };
    const range = `from=${day(-1)}&to=${day(1)}&granularity=day&userId=${op1Id}&offerSku=${sku}`;
    const r = await c.admin.get(`/reports/operators?${range}`);
    expect(r.status).toBe(200);
    const g = OperatorReport.parse(r.body).grandTotal;
    return { confirmed: g.byResult.confirm, revenueKop: g.revenueKop };
  };

  /** The order_results rows of an order, straight from the database (PostgreSQL only; PGlite is held by the server). */
  const storedResults = async (orderId: number) => {
    const db = new pg.Client({ connectionString: PG_URL });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT result, subtotal_kop::int AS subtotal, delivery_kop::int AS delivery, total_kop::int AS total FROM ${srv.schema}.order_results WHERE order_id = $1 ORDER BY id`, [orderId]);
      return rows;
    } finally {
      await db.end();
    }
  };

  const expectNothingStored = async (order: Order, before: { confirmed: number; revenueKop: number }, sku = 'ARTRO-GEL') => {
    expect(await figures(sku)).toEqual(before);
    expect((await c.lead.get(`/orders/${order.id}`)).body.order.status).toBe('new');
    if (backend === 'pg') expect(await storedResults(order.id)).toEqual([]);
  };

  it('refuses a confirm with a line at 1 kopeck, naming the line; nothing reaches order_results or the report', async () => {
    const order = await held();
    const before = await figures('ARTRO-GEL');
    const main = order.lines[0] as OrderLine;
    const out = await save(c.op1, { ...confirmArgs(order), lines: [{ ...main, unitPriceKop: 1 }] });
    expect(out).toMatchObject({ status: 'rejected', code: 'rule_broken' });
    expect(out?.status === 'rejected' && out.message).toContain(`Строка 1 «${main.name}»: цена 0,01\u00a0₽ не совпадает с каталогом 1\u00a0490\u00a0₽`);
    await expectNothingStored(order, before);
  });

  it('refuses a percent discount and a gift on the main line', async () => {
    for (const discountPct of [50, 100]) {
      const order = await held();
      const before = await figures('ARTRO-GEL');
      const out = await save(c.op1, { ...confirmArgs(order), lines: [{ ...(order.lines[0] as OrderLine), discountPct }] });
      expect(out).toMatchObject({ status: 'rejected', code: 'rule_broken' });
      expect(out?.status === 'rejected' && out.message).toContain('скидка');
      await expectNothingStored(order, before);
    }
  });

  it('refuses a delivery option with a forged price or id', async () => {
    for (const delivery of [{ ...MOSCOW_COURIER, priceKop: 1 }, { ...MOSCOW_COURIER, id: 'СДЭК:door-999' }]) {
      const order = await held();
      const before = await figures('ARTRO-GEL');
      const out = await save(c.op1, { ...confirmArgs(order), delivery });
      expect(out).toMatchObject({ status: 'rejected', code: 'rule_broken' });
      expect(out?.status === 'rejected' && out.message).toContain('delivery: Доставка «СДЭК»');
      await expectNothingStored(order, before);
    }
  });

  it('refuses Russian Post where a courier is proposed, accepts it where only post is', async () => {
    const order = await held();
    const before = await figures('ARTRO-GEL');
    const out = await save(c.op1, { ...confirmArgs(order), delivery: MOSCOW_POST });
    expect(out).toMatchObject({ status: 'rejected', code: 'rule_broken' });
    expect(out?.status === 'rejected' && out.message).toContain('Почта России не предлагается');
    await expectNothingStored(order, before);

    const village = await held();
    const proposed = (await c.op1.get(`/delivery/options?orderId=${village.id}&region=${encodeURIComponent('Вологодская область')}&city=${encodeURIComponent('Кириллов')}`)).body.options as DeliveryOption[];
    expect(proposed.map((o) => o.method).sort()).toEqual(['pickup', 'post']);
    const args = confirmArgs(village);
    const ok = await save(c.op1, { ...args, address: { ...args.address, postalCode: '161100', region: 'Вологодская область', city: 'Кириллов' }, delivery: proposed.find((o) => o.method === 'post') as DeliveryOption });
    expect(ok).toEqual({ id: 2, status: 'applied' });
  });

  it('refuses a price from a stale catalogue after the admin changed it, then stores the server totals of a correct save', async () => {
    const tea = await offerOf('SLIM-TEA');
    const order = await held('SLIM-TEA');
    expect((await c.admin.call('PUT', '/admin/offers/SLIM-TEA', { ...tea, priceKop: 109_000 })).status).toBe(200);
    const before = await figures('SLIM-TEA');
    const stale = await save(c.op1, { ...confirmArgs(order), lines: order.lines });
    expect(stale).toMatchObject({ status: 'rejected', code: 'rule_broken' });
    expect(stale?.status === 'rejected' && stale.message).toContain('не совпадает с каталогом 1\u00a0090\u00a0₽ — обновите заказ');
    await expectNothingStored(order, before, 'SLIM-TEA');

    const again = await held('SLIM-TEA');
    const main = { ...(again.lines[0] as OrderLine), unitPriceKop: 109_000 };
    const extra: OrderLine = { ...main, quantity: 2, discountPct: 30, main: false };
    const ok = await save(c.op1, { ...confirmArgs(again), lines: [main, extra] });
    expect(ok).toEqual({ id: 2, status: 'applied' });
    const goods = 109_000 + 2 * 109_000 * 0.7;
    expect(await figures('SLIM-TEA')).toEqual({ confirmed: before.confirmed + 1, revenueKop: before.revenueKop + goods });
    if (backend === 'pg') expect(await storedResults(again.id)).toEqual([{ result: 'confirm', subtotal: goods, delivery: 39_000, total: goods + 39_000 }]);
    const stored = (await c.lead.get(`/orders/${again.id}`)).body.order as Order;
    expect([stored.status, stored.delivery, stored.lines]).toEqual(['confirmed', MOSCOW_COURIER, [main, extra]]);
  });

  it('accepts a main-line discount only when the offer\'s promo terms allow it', async () => {
    const okuvita = await offerOf('OKUVITA');
    const order = await held('OKUVITA');
    const discounted = { ...(order.lines[0] as OrderLine), discountPct: 50 };
    expect(await save(c.op1, { ...confirmArgs(order), lines: [discounted] })).toMatchObject({ status: 'rejected', code: 'rule_broken' });
    expect((await c.admin.call('PUT', '/admin/offers/OKUVITA', { ...okuvita, promo: { ...okuvita.promo, mainLineDiscount: true } })).status).toBe(200);
    const next = await held('OKUVITA');
    expect(await save(c.op1, { ...confirmArgs(next), lines: [{ ...(next.lines[0] as OrderLine), discountPct: 50 }] })).toEqual({ id: 2, status: 'applied' });
  });

  (backend === 'pg' ? it : it.skip)('a result other than a confirm stores no money', async () => {
    const order = await held();
    const out = await save(c.op1, {
      ...confirmArgs(order), result: 'cancel', problem: 'expensive', comment: 'Дорого',
      lines: [{ ...(order.lines[0] as OrderLine), unitPriceKop: 1 }],
    });
    expect(out).toEqual({ id: 2, status: 'applied' });
    expect(await storedResults(order.id)).toEqual([{ result: 'cancel', subtotal: 0, delivery: 0, total: 0 }]);
  });
});
