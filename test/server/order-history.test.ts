/**
 * GET /orders/:id/history against real server processes on PGlite and PostgreSQL: two saves by
 * two operators keep both comments with their authors, calls (one reported by the PBX, marked so),
 * status changes and a delivery outcome come in time order; whoever may not open the order is
 * refused the same way as opening it.
 */
import { randomUUID } from 'node:crypto';
import { ClaimResponse, PushResponse } from '../../shared/api/http';
import { OrderHistory } from '../../shared/api/order-history';
import type { Order, SaveResultArgs } from '../../shared/domain/schemas';
import { DEMO_OPERATOR_NAMES } from '../../server/demo/seed';
import { BACKENDS, INGEST_KEY, client, startServerProcess, type ServerProcess } from './support/server-process';
import { answeredCall, confirmArgs, demoClients, ingest, type Api } from './support/order-flow';

jest.setTimeout(300_000);

const PBX_KEY = 'test-pbx-key';

describe.each(BACKENDS)('order history on %s', (backend) => {
  let srv: ServerProcess;
  let c: Awaited<ReturnType<typeof demoClients>>;
  beforeAll(async () => {
    srv = await startServerProcess({ demo: true, pg: backend === 'pg', env: { PBX_API_KEY: PBX_KEY } });
    c = await demoClients(srv.url, srv.login);
  });
  afterAll(async () => { await srv?.stop(); });

  const take = async (api: Api, id: number): Promise<Order> => {
    const r = await api.post(`/orders/${id}/claim`);
    expect(r.status).toBe(200);
    return ClaimResponse.parse(r.body).order;
  };
  const push = async (api: Api, mutations: unknown[]): Promise<void> => {
    const r = PushResponse.parse((await api.post('/sync/push', { clientId: randomUUID(), mutations })).body);
    expect(r.results.map((x) => x.status)).toEqual(mutations.map(() => 'applied'));
  };
  const history = async (api: Api, id: number) => {
    const r = await api.get(`/orders/${id}/history`);
    expect(r.status).toBe(200);
    return OrderHistory.parse(r.body).entries;
  };

  it('keeps every save with its comment and author, calls, status changes and delivery in time order', async () => {
    const phone = `+7999${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const id = await ingest(srv.url, { phone });

    const first = await take(c.op1, id);
    const t = Date.now();
    const missed = { callId: randomUUID(), orderId: id, startedAt: new Date(t).toISOString(), answeredAt: null, endedAt: new Date(t + 20_000).toISOString(), outcome: 'noAnswer' };
    const noAnswer: SaveResultArgs = {
      orderId: id, result: 'noAnswer', variant: null, problem: 'no_pickup', callbackAt: null, comment: 'Не берёт, гудки',
      customer: first.customer, address: first.address, lines: first.lines, delivery: null,
    };
    await push(c.op1, [{ id: 1, name: 'logCall.v1', args: missed }, { id: 2, name: 'saveResult.v1', args: noAnswer }]);

    const second = await take(c.op2, id);
    const talk = answeredCall(id, 1);
    await push(c.op2, [talk, { id: 2, name: 'saveResult.v1', args: { ...confirmArgs(second), comment: 'Подтвердил, позвонить за час до доставки' } }]);
    const pbx = await client(srv.url).post('/pbx/events', { events: [
      { event: 'invite', call_id: talk.args.callId, from: 'sip:operator2@pbx', to: phone, ts: talk.args.startedAt },
      { event: 'answered', call_id: talk.args.callId, code: 200, ts: talk.args.answeredAt },
      { event: 'bye', call_id: talk.args.callId, by: 'callee', ts: talk.args.endedAt },
    ] }, { 'x-api-key': PBX_KEY });
    expect(pbx.status).toBe(200);
    const shippedAt = new Date().toISOString();
    expect((await client(srv.url).post('/shipments', { orderNumber: id, shipmentId: `S-${id}`, status: 'shipped', occurredAt: shippedAt }, { 'x-api-key': INGEST_KEY })).status).toBe(201);

    const entries = await history(c.lead, id);
    expect(entries.map((e) => Date.parse(e.at))).toEqual(entries.map((e) => Date.parse(e.at)).sort((a, b) => a - b));
    expect(entries.map((e) => e.kind)).toEqual(['call', 'result', 'status', 'call', 'result', 'status', 'shipment']);
    expect(entries[0]).toMatchObject({ kind: 'call', author: DEMO_OPERATOR_NAMES[0], outcome: 'noAnswer', durationSec: 0, pbxVerified: false, direction: null });
    expect(entries[1]).toMatchObject({ kind: 'result', author: DEMO_OPERATOR_NAMES[0], result: 'noAnswer', problem: 'no_pickup', comment: expect.stringMatching(/Не берёт, гудки$/) });
    expect(entries[2]).toMatchObject({ kind: 'status', event: 'no_answer', status: 'no_answer' });
    expect(entries[3]).toMatchObject({ kind: 'call', author: DEMO_OPERATOR_NAMES[1], outcome: 'answered', durationSec: 1, pbxVerified: true, direction: 'outbound' });
    expect(entries[4]).toMatchObject({ kind: 'result', author: DEMO_OPERATOR_NAMES[1], result: 'confirm', status: 'confirmed', comment: expect.stringMatching(/Подтвердил, позвонить за час до доставки$/) });
    expect(entries[5]).toMatchObject({ kind: 'status', event: 'confirmed', status: 'confirmed' });
    expect(entries[6]).toMatchObject({ kind: 'shipment', status: 'shipped', shipmentId: `S-${id}`, amountKop: null, at: shippedAt });
    expect(await history(c.admin, id)).toEqual(entries);
  });

  it('refuses whoever may not open the order, as opening it does', async () => {
    const id = await ingest(srv.url);
    await take(c.op1, id);
    const team = await c.admin.post('/admin/teams', { name: `Другая ${randomUUID().slice(0, 8)}` });
    expect(team.status).toBe(201);
    const login = `lead${Math.floor(Math.random() * 1e6)}`;
    expect((await c.admin.post('/admin/users', { login, name: 'Чужой лид', role: 'lead', password: 'secret1', teamId: team.body.id })).status).toBe(201);
    const otherLead = client(srv.url, await srv.login(login, 'secret1'));
    for (const [api, code] of [[c.op2, 'not_holder'], [otherLead, 'other_team']] as const) {
      const open = await api.get(`/orders/${id}`);
      const story = await api.get(`/orders/${id}/history`);
      expect([open.status, open.body.error.code]).toEqual([403, code]);
      expect([story.status, story.body.error]).toEqual([open.status, open.body.error]);
    }
    expect((await c.op1.get(`/orders/${id}/history`)).status).toBe(200);
    expect((await c.lead.get(`/orders/${id}/history`)).status).toBe(200);
    expect((await c.lead.get('/orders/2000000000/history')).status).toBe(404);
  });
});
