/**
 * The sync engine against a REAL server process (PGlite): kill -9 of the main-services process
 * during a stream of saves, a stopped server, duplicate pushes, a draft typed just before kill -9.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  clientIdOf, drain, eventually, nextEvent, noAnswerCall, noAnswerSave, ok, rawClient, startServer, useServerRig,
} from './harness';

jest.setTimeout(600_000);

describe('sync with a real server process', () => {
  const rig = useServerRig('prozvon-sync-', 'kill9');

  test('kill -9 during a stream of saves, restart: every acknowledged save reaches the server exactly once', async () => {
    let h = await rig.host('kill');
    await ok(h.api['auth.login']({ serverUrl: rig.server.url, login: 'operator1', password: 'operator' }));
    const saved: { orderId: number; failedBefore: number; callId: string }[] = [];
    const inFlight: Promise<unknown>[] = [];
    const KILL_AT = 6;
    for (let i = 0; i < 10; i++) {
      const view = await ok(h.api['queue.next']({}));
      if (!view) break;
      const callId = `kill-${view.order.id}-${randomUUID()}`;
      await ok(h.api['call.log'](noAnswerCall(view.order.id, callId)));
      const save = h.api['order.saveResult'](noAnswerSave(view.order)).then((r) => {
        if (r.ok) saved.push({ orderId: view.order.id, failedBefore: view.order.failedAttempts, callId });
      });
      inFlight.push(save);
      if (i === KILL_AT) {
        await h.kill9();
        break;
      }
      await save;
    }
    await Promise.all(inFlight);
    expect(saved.length).toBeGreaterThanOrEqual(KILL_AT);

    h = await rig.host('kill');
    const session = await ok(h.api['auth.session']({}));
    expect(session?.user.login).toBe('operator1');
    await drain(h.api);

    const admin = await rawClient(rig.server.url, 'admin', 'admin');
    for (const s of saved) {
      const order = await admin.order(s.orderId);
      expect(order.status).toBe('no_answer');
      expect(order.failedAttempts).toBe(s.failedBefore + 1);
      expect(order.calls.filter((c) => c.callId === s.callId)).toHaveLength(1);
    }
    const op = await rawClient(rig.server.url, 'operator1', 'operator');
    const pulls = await op.pull(clientIdOf(path.join(rig.dir, 'kill'), 'operator1'));
    expect(pulls.flatMap((p) => p.rejections)).toEqual([]);
    expect((await ok(h.api['sync.status']({}))).pending).toBe(0);
  });

  test('a duplicate push is harmless: answered `duplicate`, applied once', async () => {
    const h = await rig.host('dup');
    await ok(h.api['auth.login']({ serverUrl: rig.server.url, login: 'operator2', password: 'operator' }));
    const view = (await ok(h.api['queue.next']({})))!;
    const callId = `dup-${randomUUID()}`;
    const call = noAnswerCall(view.order.id, callId);
    const save = noAnswerSave(view.order);
    const m1 = await ok(h.api['call.log'](call));
    const m2 = await ok(h.api['order.saveResult'](save));
    await drain(h.api);
    const op = await rawClient(rig.server.url, 'operator2', 'operator');
    const clientId = clientIdOf(path.join(rig.dir, 'dup'), 'operator2');
    const again = await op.push(clientId, [
      { id: m1.mutationId, name: 'logCall.v1', args: call },
      { id: m2.mutationId, name: 'saveResult.v1', args: save },
    ]);
    expect(again).toEqual({ status: 200, body: { results: [{ id: m1.mutationId, status: 'duplicate' }, { id: m2.mutationId, status: 'duplicate' }], lastMutationId: m2.mutationId } });
    const admin = await rawClient(rig.server.url, 'admin', 'admin');
    const order = await admin.order(view.order.id);
    expect(order.failedAttempts).toBe(view.order.failedAttempts + 1);
    expect(order.calls.filter((c) => c.callId === callId)).toHaveLength(1);
    await ok(h.api['sync.now']({}));
    expect((await ok(h.api['sync.status']({}))).pending).toBe(0);
  });

  test('a draft typed 300 ms before kill -9 is there after restart', async () => {
    let h = await rig.host('draft');
    await ok(h.api['auth.login']({ serverUrl: rig.server.url, login: 'operator3', password: 'operator' }));
    const view = (await ok(h.api['queue.next']({})))!;
    const o = view.order;
    await ok(h.api['draft.save']({
      orderId: o.id, customer: { ...o.customer, name: 'Петрова Мария Ивановна' }, address: { ...o.address, apartment: '17' }, lines: o.lines,
      delivery: null, deliveryOptions: [], comment: 'Клиентка просит доставку после 18:00', result: 'confirm', problem: null, callbackAt: null,
      updatedAt: new Date().toISOString(),
    }));
    await new Promise((r) => setTimeout(r, 300));
    await h.kill9();
    h = await rig.host('draft');
    expect((await ok(h.api['auth.session']({})))?.user.login).toBe('operator3');
    const restored = await ok(h.api['order.get']({ orderId: o.id }));
    expect(restored.draft).toMatchObject({ comment: 'Клиентка просит доставку после 18:00', result: 'confirm', customer: { name: 'Петрова Мария Ивановна' }, address: { apartment: '17' } });
    const held = await ok(h.api['order.held']({}));
    expect(held.map((v) => v.order.id)).toContain(o.id);
  });

  test('server stopped for a while: saves queue up offline, taking orders says so plainly, the outbox drains after restart', async () => {
    const h = await rig.host('offline');
    await ok(h.api['auth.login']({ serverUrl: rig.server.url, login: 'operator4', password: 'operator' }));
    const view = (await ok(h.api['queue.next']({})))!;
    const port = rig.server.port;
    await rig.server.stop();

    const callId = `off-${randomUUID()}`;
    await ok(h.api['call.log'](noAnswerCall(view.order.id, callId)));
    const saved = await ok(h.api['order.saveResult'](noAnswerSave(view.order, 'Абонент не ответил')));
    expect(saved.queued).toBe(true);
    const local = await ok(h.api['order.get']({ orderId: view.order.id }));
    expect(local.order.status).toBe('no_answer');
    expect(local.pending.map((p) => p.name)).toEqual(['logCall.v1', 'saveResult.v1']);
    const next = await h.api['queue.next']({});
    expect(next).toMatchObject({ ok: false, error: { code: 'offline', message: expect.stringContaining('только онлайн') } });
    const status = await ok(h.api['sync.now']({}));
    expect(status).toMatchObject({ online: false, pending: 2 });
    expect((await ok(h.api['queue.counts']({}))).cached).toBe(true);

    rig.server = await startServer(rig.server.dataDir, port);
    await drain(h.api);
    const admin = await rawClient(rig.server.url, 'admin', 'admin');
    const order = await admin.order(view.order.id);
    expect(order.status).toBe('no_answer');
    expect(order.failedAttempts).toBe(view.order.failedAttempts + 1);
    expect(order.calls.filter((c) => c.callId === callId)).toHaveLength(1);
  });

  test('live channel: welcome and lead messages arrive as events, agent state reaches the board, a poke makes the client pull', async () => {
    const a = await rig.host('live-a');
    const welcome = nextEvent(a.api, 'live.message', (m) => m.type === 'welcome');
    const progress = nextEvent(a.api, 'sync.status', (s) => s.progress !== null);
    const session = await ok(a.api['auth.login']({ serverUrl: rig.server.url, login: 'operator2', password: 'operator' }));
    await welcome;
    expect((await progress).progress).toMatchObject({ total: expect.any(Number) });

    await ok(a.api['agent.setState']({ state: 'ready', breakReason: null, orderId: null, callId: null, sipRegistered: true }));
    const admin = await rawClient(rig.server.url, 'admin', 'admin');
    await eventually(async () => {
      const board = (await admin.get('/board')) as { agents: { login: string; state: string }[] };
      return board.agents.some((x) => x.login === 'operator2' && x.state === 'ready');
    });

    const message = nextEvent(a.api, 'live.message', (m) => m.type === 'message');
    await admin.post('/messages', { toUserId: session.user.id, text: 'Проверка связи' });
    expect(await message).toMatchObject({ type: 'message', text: 'Проверка связи' });

    // The same operator takes an order on another machine: the server pokes, this client pulls it.
    const b = await rig.host('live-b');
    await ok(b.api['auth.login']({ serverUrl: rig.server.url, login: 'operator2', password: 'operator' }));
    const taken = (await ok(b.api['queue.next']({})))!;
    await nextEvent(a.api, 'order.changed', (p) => p.orderId === taken.order.id, 20_000);
    expect((await ok(a.api['order.get']({ orderId: taken.order.id }))).order.id).toBe(taken.order.id);
  });
});
