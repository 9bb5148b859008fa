/**
 * Sync protocol against real server processes: exactly-once push (duplicates, 409 on a gap), a
 * crash between commit and reply (the replay is a duplicate, nothing applied twice), rejections
 * kept and reported, and version-paged pulls that never miss or repeat a change.
 */
import { randomUUID } from 'node:crypto';
import { BACKENDS, client, startServerProcess, type ServerProcess } from './support/server-process';
import { answeredCall, ingest } from './support/order-flow';
import { ClaimResponse, PullResponse, PushResponse } from '../../shared/api/http';

jest.setTimeout(540_000);

describe.each(BACKENDS)('sync on %s', (backend) => {
  let srv: ServerProcess;
  const pg = backend === 'pg';
  beforeAll(async () => { srv = await startServerProcess({ demo: true, pg }); });
  afterAll(async () => { await srv?.stop(); });

  it('applies each mutation once: duplicates are acknowledged, a gap is a 409 with lastMutationId', async () => {
    const op = client(srv.url, await srv.login('operator1', 'operator'));
    const lead = client(srv.url, await srv.login('lead', 'lead'));
    const id = await ingest(srv.url);
    expect((await op.post(`/orders/${id}/claim`)).status).toBe(200);
    const clientId = randomUUID();
    const m1 = answeredCall(id, 1);
    const first = PushResponse.parse((await op.post('/sync/push', { clientId, mutations: [m1] })).body);
    expect(first).toEqual({ results: [{ id: 1, status: 'applied' }], lastMutationId: 1 });
    const again = PushResponse.parse((await op.post('/sync/push', { clientId, mutations: [m1, answeredCall(id, 2)] })).body);
    expect(again).toEqual({ results: [{ id: 1, status: 'duplicate' }, { id: 2, status: 'applied' }], lastMutationId: 2 });
    const gap = await op.post('/sync/push', { clientId, mutations: [answeredCall(id, 5)] });
    expect(gap.status).toBe(409);
    expect(gap.body.error).toMatchObject({ code: 'mutation_gap', lastMutationId: 2 });
    const calls = (await lead.get(`/orders/${id}`)).body.order.calls;
    expect(calls).toHaveLength(2);
    const unordered = await op.post('/sync/push', { clientId, mutations: [answeredCall(id, 4), answeredCall(id, 3)] });
    expect([unordered.status, unordered.body.error.field]).toEqual([400, 'mutations']);
  });

  it('keeps a rejection and reports it on every pull', async () => {
    const op = client(srv.url, await srv.login('operator2', 'operator'));
    const other = client(srv.url, await srv.login('operator3', 'operator'));
    const id = await ingest(srv.url);
    expect((await other.post(`/orders/${id}/claim`)).status).toBe(200);
    const clientId = randomUUID();
    const r = PushResponse.parse((await op.post('/sync/push', { clientId, mutations: [answeredCall(id, 1)] })).body);
    expect(r.results[0]).toMatchObject({ status: 'rejected', code: 'not_held' });
    for (let i = 0; i < 2; i++) {
      const pull = PullResponse.parse((await op.get(`/sync/pull?clientId=${clientId}&cursor=0`)).body);
      expect(pull.lastMutationId).toBe(1);
      expect(pull.rejections).toEqual([expect.objectContaining({ mutationId: 1, orderId: id, code: 'not_held' })]);
    }
    const replay = PushResponse.parse((await op.post('/sync/push', { clientId, mutations: [answeredCall(id, 1)] })).body);
    expect(replay.results[0]).toEqual({ id: 1, status: 'duplicate' });
  });

  it('pages pulls by version without missing or repeating a change', async () => {
    const op = client(srv.url, await srv.login('operator4', 'operator'));
    const clientId = randomUUID();
    const base = PullResponse.parse((await op.get(`/sync/pull?clientId=${clientId}&cursor=0`)).body);
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) {
      const id = await ingest(srv.url, { offerSku: 'SLIM-TEA' });
      expect((await op.post(`/orders/${id}/claim`)).status).toBe(200);
      ids.push(id);
    }
    expect((await op.post(`/orders/${ids[0]}/release`)).status).toBe(200);
    expect((await op.post(`/orders/${ids[1]}/release`)).status).toBe(200);
    const seenOrders: number[] = [];
    const seenRemoved: number[] = [];
    let cursor = base.cursor;
    let pages = 0;
    for (;;) {
      const page = PullResponse.parse((await op.get(`/sync/pull?clientId=${clientId}&cursor=${cursor}&limit=2`)).body);
      pages++;
      seenOrders.push(...page.orders.map((o) => o.id));
      seenRemoved.push(...page.removed);
      if (page.more) expect(page.cursor).not.toBe(cursor);
      cursor = page.cursor;
      if (!page.more) break;
      expect(page.orders.length + page.removed.length).toBeGreaterThan(0);
    }
    expect(pages).toBeGreaterThan(2);
    expect([...seenOrders].sort((a, b) => a - b)).toEqual(ids.slice(2).sort((a, b) => a - b));
    expect([...seenRemoved].sort((a, b) => a - b)).toEqual(ids.slice(0, 2).sort((a, b) => a - b));
    const empty = PullResponse.parse((await op.get(`/sync/pull?clientId=${clientId}&cursor=${cursor}`)).body);
    expect([empty.orders, empty.removed, empty.more]).toEqual([[], [], false]);
  });

  it('after a crash between commit and reply, the replayed mutation is a duplicate', async () => {
    const crashing = await startServerProcess({ demo: true, pg, keep: true, env: { PROZVON_TEST_FAULT: 'crash-after-push-commit' } });
    const token = await crashing.login('operator1', 'operator');
    const op = client(crashing.url, token);
    const claimed = await op.post('/queue/next');
    expect(claimed.status).toBe(200);
    const id = ClaimResponse.parse(claimed.body).order.id;
    const clientId = randomUUID();
    const m1 = answeredCall(id, 1);
    await expect(op.post('/sync/push', { clientId, mutations: [m1] })).rejects.toThrow();
    expect(await crashing.kill()).not.toBe(0);
    // Restarted without INGEST_API_KEY: landing-page ingest is refused with a clear 503.
    const restarted = await startServerProcess({ pg, dataDir: crashing.dataDir ?? undefined, schema: crashing.schema ?? undefined, env: { INGEST_API_KEY: '' } });
    try {
      const again = client(restarted.url, token);
      const r = PushResponse.parse((await again.post('/sync/push', { clientId, mutations: [m1] })).body);
      expect(r).toEqual({ results: [{ id: 1, status: 'duplicate' }], lastMutationId: 1 });
      const order = (await again.get(`/orders/${id}`)).body.order;
      expect(order.calls.filter((c: { callId: string }) => c.callId === m1.args.callId)).toHaveLength(1);
      const ingestOff = await client(restarted.url).post('/orders', { externalId: 'x', customerName: 'A', phone: '+79123456789', offerSku: 'ARTRO-GEL' }, { 'x-api-key': 'any' });
      expect([ingestOff.status, ingestOff.body.error.code]).toEqual([503, 'ingest_disabled']);
    } finally {
      await restarted.stop();
    }
  });
});

describe.each(BACKENDS)('leases on %s', (backend) => {
  let srv: ServerProcess;
  // 3-second leases so expiry can be observed.
  beforeAll(async () => { srv = await startServerProcess({ demo: true, pg: backend === 'pg', env: { LEASE_MINUTES: '0.05' } }); });
  afterAll(async () => { await srv?.stop(); });

  it('an expired lease lets another operator take the order; the first one pulls a removal and is refused', async () => {
    const op1 = client(srv.url, await srv.login('operator1', 'operator'));
    const op2 = client(srv.url, await srv.login('operator2', 'operator'));
    const clientId = randomUUID();
    const id = await ingest(srv.url);
    expect((await op1.post(`/orders/${id}/claim`)).status).toBe(200);
    const held = PullResponse.parse((await op1.get(`/sync/pull?clientId=${clientId}&cursor=0`)).body);
    expect(held.orders.map((o) => o.id)).toContain(id);
    const early = await op2.post(`/orders/${id}/claim`);
    expect(early.status).toBe(409);
    await new Promise((r) => setTimeout(r, 3500));
    const taken = await op2.post(`/orders/${id}/claim`);
    expect(taken.status).toBe(200);
    const after = PullResponse.parse((await op1.get(`/sync/pull?clientId=${clientId}&cursor=${held.cursor}`)).body);
    expect(after.removed).toContain(id);
    expect(after.orders.map((o) => o.id)).not.toContain(id);
    const late = PushResponse.parse((await op1.post('/sync/push', { clientId, mutations: [answeredCall(id, 1)] })).body);
    expect(late.results[0]).toMatchObject({ status: 'rejected', code: 'not_held' });
  });
});
