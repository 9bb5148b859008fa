/**
 * Atomic taking under load: 200 parallel `queue/next` over 100 orders → 100 distinct claims,
 * no order held twice, every other request 204. The operators are restricted (admin API) to a
 * fresh offer that only the 100 test orders carry, so demo orders never interfere.
 */
import { BACKENDS, client, startServerProcess, type ServerProcess } from './support/server-process';
import { ingest } from './support/order-flow';
import { randomUUID } from 'node:crypto';
import { ClaimResponse, PullResponse } from '../../shared/api/http';

jest.setTimeout(480_000);

describe.each(BACKENDS)('claiming concurrently on %s', (backend) => {
  let srv: ServerProcess;
  beforeAll(async () => { srv = await startServerProcess({ demo: true, pg: backend === 'pg' }); });
  afterAll(async () => { await srv?.stop(); });

  it('gives 100 orders to 200 concurrent claimers exactly once', async () => {
    const admin = client(srv.url, await srv.login('admin', 'admin'));
    const sku = 'CONC-TEST';
    const put = await admin.call('PUT', `/admin/offers/${sku}`, { sku, name: 'Тест конкуренции', priceKop: 10_000, promo: { text: '', allowedDiscountsPct: [0] }, active: true });
    expect(put.status).toBe(200);
    const users = (await admin.get('/admin/users')).body.users as Array<{ id: number; login: string }>;
    const logins = ['operator1', 'operator2', 'operator3', 'operator4'];
    for (const login of logins) {
      const u = users.find((x) => x.login === login);
      expect((await admin.call('PUT', `/admin/users/${u?.id}/offers`, { offerSkus: [sku] })).status).toBe(200);
    }
    const ids = new Set<number>();
    for (let i = 0; i < 100; i++) ids.add(await ingest(srv.url, { offerSku: sku, phone: `+7912${String(1_000_000 + i).slice(1)}` }));
    expect(ids.size).toBe(100);
    const ops = await Promise.all(logins.map(async (l) => ({ login: l, api: client(srv.url, await srv.login(l, 'operator')) })));
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => {
      const op = ops[i % ops.length] as (typeof ops)[number];
      return op.api.post('/queue/next').then((r) => ({ ...r, login: op.login }));
    }));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s !== 200 && s !== 204)).toEqual([]);
    const claimed = results.filter((r) => r.status === 200).map((r) => ({ login: r.login, order: ClaimResponse.parse(r.body).order }));
    const claimedIds = claimed.map((c) => c.order.id);
    expect(claimed).toHaveLength(100);
    expect(new Set(claimedIds).size).toBe(100);
    expect([...claimedIds].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    expect(statuses.filter((s) => s === 204)).toHaveLength(100);
    // Every claim took its own global version, and each operator's pull holds exactly its claims.
    expect(new Set(claimed.map((c) => c.order.version)).size).toBe(100);
    for (const op of ops) {
      const pull = PullResponse.parse((await op.api.get(`/sync/pull?clientId=${randomUUID()}&cursor=0&limit=1000`)).body);
      const held = pull.orders.filter((o) => o.offerSku === sku).map((o) => o.id).sort((a, b) => a - b);
      expect(held).toEqual(claimed.filter((c) => c.login === op.login).map((c) => c.order.id).sort((a, b) => a - b));
      for (const o of pull.orders.filter((x) => x.offerSku === sku)) {
        expect(o.version).toBe(claimed.find((c) => c.order.id === o.id)?.order.version);
      }
    }
    // The database agrees: each order is held by the operator that got it.
    const lead = client(srv.url, await srv.login('lead', 'lead'));
    const byLogin = new Map(users.map((u) => [u.id, u.login]));
    for (const c of claimed.slice(0, 25)) {
      const seen = (await lead.get(`/orders/${c.order.id}`)).body.order;
      expect(byLogin.get(seen.assigneeId)).toBe(c.login);
    }
  });
});
