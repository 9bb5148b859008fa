/**
 * Orders, queue, taking, lookups and sync routes against a real server process (demo data), the
 * same suite on PGlite and on the machine's PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { BACKENDS, INGEST_KEY, startServerProcess, type ServerProcess } from './support/server-process';
import { answeredCall, confirmArgs, demoClients, ingest, type Api } from './support/order-flow';
import { ClaimResponse, CustomerHistory, PullResponse, PushResponse, QueueCounts, QueuePage, Script } from '../../shared/api/http';
import { QUEUE_TABS } from '../../shared/domain/tabs';
import { formatRub } from '../../shared/domain/money';
import type { Order } from '../../shared/domain/schemas';

jest.setTimeout(420_000);

describe.each(BACKENDS)('server routes on %s', (backend) => {
  let srv: ServerProcess;
  let c: Awaited<ReturnType<typeof demoClients>>;
  beforeAll(async () => {
    srv = await startServerProcess({ demo: true, pg: backend === 'pg' });
    c = await demoClients(srv.url, srv.login);
  });
  afterAll(async () => { await srv?.stop(); });

  const claim = async (api: Api, id: number): Promise<Order> => {
    const r = await api.post(`/orders/${id}/claim`);
    expect(r.status).toBe(200);
    return ClaimResponse.parse(r.body).order;
  };

  describe('role refusals', () => {
    it('refuses every route without a session (401)', async () => {
      const routes: Array<[string, string]> = [
        ['GET', '/queue'], ['GET', '/queue/new'], ['POST', '/queue/next'], ['GET', '/orders/1'], ['POST', '/orders/1/claim'],
        ['POST', '/orders/1/release'], ['GET', '/customers/by-phone/+79123456789'], ['POST', '/sync/push'],
        ['GET', `/sync/pull?clientId=${randomUUID()}`], ['GET', '/reasons'], ['GET', '/offers'], ['GET', '/scripts/ARTRO-GEL'],
        ['GET', '/delivery/options?orderId=1'], ['GET', '/address/suggest?level=city&q=a'],
      ];
      for (const [method, path] of routes) {
        const r = await c.anon.call(method, path, method === 'POST' ? {} : undefined);
        expect({ path, status: r.status, code: r.body?.error?.code }).toEqual({ path, status: 401, code: 'unauthorized' });
      }
    });

    it('lets only operators take orders (403 for lead and admin)', async () => {
      const id = await ingest(srv.url);
      for (const api of [c.lead, c.admin]) {
        expect((await api.post('/queue/next')).status).toBe(403);
        expect((await api.post(`/orders/${id}/claim`)).status).toBe(403);
      }
    });

    it('shows an order to its holder, the lead and the admin, not to another operator', async () => {
      const id = await ingest(srv.url);
      await claim(c.op1, id);
      expect((await c.op1.get(`/orders/${id}`)).status).toBe(200);
      expect((await c.lead.get(`/orders/${id}`)).status).toBe(200);
      expect((await c.admin.get(`/orders/${id}`)).status).toBe(200);
      const other = await c.op2.get(`/orders/${id}`);
      expect([other.status, other.body.error.code]).toEqual([403, 'not_holder']);
      expect((await c.op2.get(`/delivery/options?orderId=${id}&city=Москва&region=Москва`)).status).toBe(403);
      expect((await c.op2.post(`/orders/${id}/release`)).status).toBe(403);
    });

    it('refuses ingest without a key or with a wrong key (401)', async () => {
      const body = { externalId: 'nokey', customerName: 'A', phone: '+79123456789', offerSku: 'ARTRO-GEL' };
      expect((await c.anon.post('/orders', body)).status).toBe(401);
      const wrong = await c.anon.post('/orders', body, { 'x-api-key': 'nope' });
      expect([wrong.status, wrong.body.error.code]).toEqual([401, 'bad_api_key']);
      expect((await c.op1.post('/orders', body)).status).toBe(401);
    });
  });

  describe('ingest', () => {
    it('is idempotent by externalId: 201 then 200 with the same id', async () => {
      const body = { externalId: `idem-${backend}`, customerName: 'Пётр', phone: '8 (912) 345-67-89', offerSku: 'SLIM-TEA', quantity: 2 };
      const first = await c.anon.post('/orders', body, { 'x-api-key': INGEST_KEY });
      const again = await c.anon.post('/orders', { ...body, customerName: 'Другое имя' }, { 'x-api-key': INGEST_KEY });
      expect(first.status).toBe(201);
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(first.body.id);
      const order = (await claim(c.op1, first.body.id)).customer;
      expect(order).toEqual({ name: 'Пётр', phone: '+79123456789', extraPhone: null, gender: null });
    });

    it('prices the main line from the catalogue, noting a different landing price for the operator', async () => {
      const h = { 'x-api-key': INGEST_KEY };
      const offers = (await c.op1.get('/offers')).body.offers as Array<{ sku: string; priceKop: number }>;
      const catalogue = offers.find((o) => o.sku === 'SLIM-TEA')?.priceKop;
      const cheap = await c.anon.post('/orders', { externalId: `price-${backend}`, customerName: 'Пётр Ильин', phone: '+79123450001', offerSku: 'SLIM-TEA', priceKop: 1 }, h);
      const same = await c.anon.post('/orders', { externalId: `price-same-${backend}`, customerName: 'Пётр Ильин', phone: '+79123450002', offerSku: 'SLIM-TEA', priceKop: catalogue }, h);
      const cheapOrder = await claim(c.op1, cheap.body.id);
      const sameOrder = await claim(c.op2, same.body.id);
      expect(cheapOrder.lines.map((l) => l.unitPriceKop)).toEqual([catalogue]);
      expect(cheapOrder.comment).toBe(`Цена на лендинге ${formatRub(1)}, по каталогу ${formatRub(catalogue ?? 0)}: в заказе цена каталога.`);
      expect([sameOrder.lines[0]?.unitPriceKop, sameOrder.comment]).toEqual([catalogue, '']);
    });

    it('names the field of bad input and refuses unknown or retired offers', async () => {
      const h = { 'x-api-key': INGEST_KEY };
      const base = { externalId: 'bad-1', customerName: 'A', phone: '+79123456789', offerSku: 'ARTRO-GEL' };
      const unknown = await c.anon.post('/orders', { ...base, offerSku: 'NOPE' }, h);
      expect([unknown.status, unknown.body.error.field]).toEqual([400, 'offerSku']);
      const retired = await c.anon.post('/orders', { ...base, offerSku: 'YOUTH-CREAM' }, h);
      expect([retired.status, retired.body.error.field]).toEqual([400, 'offerSku']);
      const phone = await c.anon.post('/orders', { ...base, phone: 'позвоните мне' }, h);
      expect([phone.status, phone.body.error.field]).toEqual([400, 'phone']);
      const missing = await c.anon.post('/orders', { customerName: 'A', phone: '+79123456789', offerSku: 'ARTRO-GEL' }, h);
      expect([missing.status, missing.body.error.field]).toEqual([400, 'externalId']);
      const qty = await c.anon.post('/orders', { ...base, quantity: -1 }, h);
      expect([qty.status, qty.body.error.field]).toEqual([400, 'quantity']);
    });

    it('stores a fake phone as E.164 so the operator is proposed Невалид', async () => {
      const id = await ingest(srv.url, { phone: '70000000000' });
      const order = await claim(c.op1, id);
      expect(order.customer.phone).toBe('+70000000000');
    });
  });

  describe('queue', () => {
    it('counts every tab and lists rows in the taking order with masked phones', async () => {
      const counts = QueueCounts.parse((await c.op1.get('/queue')).body);
      expect(Object.keys(counts.tabs).sort()).toEqual([...QUEUE_TABS].sort());
      for (const tab of QUEUE_TABS) expect(counts.tabs[tab].total).toBeGreaterThan(0);
      expect(counts.tabs.noAnswerOlder.due).toBe(0);
      const page = QueuePage.parse((await c.op1.get('/queue/new?limit=500')).body);
      expect(page.total).toBe(counts.tabs.new.total);
      const created = page.rows.map((r) => r.createdAt);
      expect(created).toEqual([...created].sort());
      for (const r of page.rows) expect(r.phoneMasked).toMatch(/\*\*\*/);
      const bad = await c.op1.get('/queue/everything');
      expect([bad.status, bad.body.error.field]).toEqual([400, 'tab']);
      const badLimit = await c.op1.get('/queue/new?limit=100000');
      expect([badLimit.status, badLimit.body.error.field]).toEqual([400, 'limit']);
    });

    it('takes by priority: queue/next returns a due order and holds it', async () => {
      const r = await c.op2.post('/queue/next');
      expect(r.status).toBe(200);
      const order = ClaimResponse.parse(r.body).order;
      expect(order.assigneeId).not.toBeNull();
      expect(Date.parse(order.leaseUntil ?? '')).toBeGreaterThan(Date.now());
      const other = await c.op1.post(`/orders/${order.id}/claim`);
      expect(other.status).toBe(409);
      expect(other.body.error.code).toBe('held');
      expect(other.body.error.holder.name).toBe('Антон Григорьев');
    });

    it('refuses the not-called tab, closed orders and offers the operator does not work with', async () => {
      const older = QueuePage.parse((await c.op1.get('/queue/noAnswerOlder?limit=1')).body).rows[0];
      const r = await c.op1.post(`/orders/${older?.id}/claim`);
      expect([r.status, r.body.error.code]).toEqual([422, 'not_called']);
      const id = await ingest(srv.url, { offerSku: 'ARTRO-GEL' });
      const foreign = await c.op5.post(`/orders/${id}/claim`);
      expect([foreign.status, foreign.body.error.code]).toEqual([422, 'unknown_offer']);
      expect((await c.op1.post('/orders/999999/claim')).status).toBe(404);
      expect((await c.op1.post('/orders/abc/claim')).body.error.field).toBe('id');
    });

    it('renews the lease for the holder and releases it back', async () => {
      const id = await ingest(srv.url);
      const first = await claim(c.op1, id);
      const again = await claim(c.op1, id);
      expect(Date.parse(again.leaseUntil ?? '')).toBeGreaterThanOrEqual(Date.parse(first.leaseUntil ?? ''));
      expect(again.version).toBeGreaterThan(first.version);
      expect((await c.op1.post(`/orders/${id}/release`)).status).toBe(200);
      expect((await c.op1.get(`/orders/${id}`)).status).toBe(403);
      const byOther = await claim(c.op2, id);
      expect(byOther.assigneeId).not.toBe(first.assigneeId);
    });
  });

  describe('lookups', () => {
    it('serves reasons, offers and scripts', async () => {
      const reasons = (await c.op1.get('/reasons')).body.reasons;
      expect(reasons).toHaveLength(14);
      const offers = (await c.op1.get('/offers')).body.offers;
      expect(offers.filter((o: { active: boolean }) => o.active).length).toBeGreaterThanOrEqual(6);
      const script = Script.parse((await c.op1.get('/scripts/ARTRO-GEL')).body);
      expect(script.sections.map((s) => s.key)).toEqual(['greeting', 'presentation', 'promo', 'closing']);
      expect(script.sections.find((s) => s.key === 'closing')?.body).toMatch(/забрать посылку и оплатить/);
      expect(script.objections.map((o) => o.title)).toEqual(expect.arrayContaining(['Дорого', 'Подумаю', 'Посоветуюсь', 'Не заказывал', 'Нет денег', 'Откуда мой номер']));
      expect((await c.op1.get('/scripts/NOPE')).status).toBe(404);
    });

    it('offers only courier where courier exists, post elsewhere', async () => {
      const id = await ingest(srv.url);
      await claim(c.op1, id);
      const moscow = (await c.op1.get(`/delivery/options?orderId=${id}&region=${encodeURIComponent('Москва')}&city=${encodeURIComponent('Москва')}`)).body.options;
      expect(moscow.map((o: { method: string }) => o.method)).toContain('courier');
      expect(moscow.map((o: { method: string }) => o.method)).not.toContain('post');
      const village = (await c.op1.get(`/delivery/options?orderId=${id}&region=${encodeURIComponent('Вологодская область')}&city=${encodeURIComponent('Кириллов')}`)).body.options;
      expect(village.map((o: { method: string }) => o.method)).toContain('post');
      const noCity = await c.op1.get(`/delivery/options?orderId=${id}`);
      expect([noCity.status, noCity.body.error.field]).toEqual([400, 'city']);
    });

    it('suggests cities, streets and houses with postal codes', async () => {
      const q = (s: string) => encodeURIComponent(s);
      const cities = (await c.op1.get(`/address/suggest?level=city&q=${q('петер')}`)).body.suggestions;
      expect(cities[0]).toMatchObject({ value: 'Санкт-Петербург', region: 'Санкт-Петербург', postalCode: '190000' });
      const streets = (await c.op1.get(`/address/suggest?level=street&q=${q('невск')}&parent=${cities[0].id}`)).body.suggestions;
      expect(streets[0]).toMatchObject({ value: 'Невский проспект', postalCode: '191025' });
      const houses = (await c.op1.get(`/address/suggest?level=house&q=28&parent=${streets[0].id}`)).body.suggestions;
      expect(houses[0]).toMatchObject({ value: '28', postalCode: '191025' });
      expect((await c.op1.get('/address/suggest?level=planet')).body.error.field).toBe('level');
    });

    it('finds the customer history by phone (repeat customers)', async () => {
      const phone = '+79161112233';
      await ingest(srv.url, { phone });
      await ingest(srv.url, { phone: '8 916 111-22-33' });
      const h = CustomerHistory.parse((await c.lead.get(`/customers/by-phone/${encodeURIComponent(phone)}`)).body);
      expect(h.orders.length).toBe(2);
      expect((await c.op2.get('/customers/by-phone/abc')).body.error.field).toBe('phone');
    });
  });

  describe('sync', () => {
    it('pushes a call and a confirmation, then pull shows the removal; the lead sees the result', async () => {
      const clientId = randomUUID();
      const id = await ingest(srv.url);
      await claim(c.op1, id);
      const pulled = PullResponse.parse((await c.op1.get(`/sync/pull?clientId=${clientId}&cursor=0`)).body);
      const held = pulled.orders.find((o) => o.id === id);
      expect(held).toBeDefined();
      const push = PushResponse.parse((await c.op1.post('/sync/push', { clientId, mutations: [answeredCall(id, 1), { id: 2, name: 'saveResult.v1', args: confirmArgs(held as Order) }] })).body);
      expect(push).toEqual({ results: [{ id: 1, status: 'applied' }, { id: 2, status: 'applied' }], lastMutationId: 2 });
      const after = PullResponse.parse((await c.op1.get(`/sync/pull?clientId=${clientId}&cursor=${pulled.cursor}`)).body);
      expect(after.removed).toContain(id);
      expect(after.orders.map((o) => o.id)).not.toContain(id);
      expect(after.lastMutationId).toBe(2);
      const seen = (await c.lead.get(`/orders/${id}`)).body.order as Order;
      expect(seen.status).toBe('confirmed');
      expect(seen.calls).toHaveLength(1);
      expect(seen.assigneeName).toBe('Алина Смирнова');
      expect(seen.comment).toMatch(/^\d\d\.\d\d\.\d{4} Подтвердил$/);
    });

    it('rejects a result that breaks the rules and reports it on pull', async () => {
      const clientId = randomUUID();
      const id = await ingest(srv.url);
      const order = await claim(c.op1, id);
      const push = PushResponse.parse((await c.op1.post('/sync/push', { clientId, mutations: [{ id: 1, name: 'saveResult.v1', args: confirmArgs(order) }] })).body);
      expect(push.results[0]).toMatchObject({ id: 1, status: 'rejected', code: 'rule_broken' });
      expect(push.lastMutationId).toBe(1);
      const pull = PullResponse.parse((await c.op1.get(`/sync/pull?clientId=${clientId}`)).body);
      expect(pull.rejections).toEqual([expect.objectContaining({ mutationId: 1, orderId: id, code: 'rule_broken' })]);
      expect(pull.orders.find((o) => o.id === id)?.status).toBe('new');
    });

    it('rejects mutations on orders the operator does not hold (not_held)', async () => {
      const id = await ingest(srv.url);
      const order = await claim(c.op1, id);
      const clientId = randomUUID();
      const r = PushResponse.parse((await c.op2.post('/sync/push', { clientId, mutations: [answeredCall(id, 1), { id: 2, name: 'saveResult.v1', args: confirmArgs(order) }] })).body);
      expect(r.results.map((x) => x.status === 'rejected' && x.code)).toEqual(['not_held', 'not_held']);
      const stolen = await c.op1.post('/sync/push', { clientId, mutations: [answeredCall(id, 3)] });
      expect([stolen.status, stolen.body.error.code]).toEqual([403, 'client_owner']);
    });
  });
});
