/**
 * The live channel against a real server process (PGlite and PostgreSQL): authentication (header, hello, 4401),
 * zod-checked messages, state fan-out to the team's lead and to admins only, offline on close,
 * lead messages, due-callback reminders (once), and the poke of a force-release.
 */
import { BACKENDS, client, type ServerProcess } from './support/server-process';
import { LiveClient, PASSWORD, agentIs, startWithFixture, type Fixture } from './support/live-fixture';

jest.setTimeout(120_000);

describe.each(BACKENDS)('live channel on %s', (backend) => {
  let srv: ServerProcess;
  let fx: Fixture;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    ({ srv, fx } = await startWithFixture(backend, { REMINDER_EVERY_MS: '500' }));
    for (const login of ['admin', 'leada', 'leadb', 'op1', 'op2', 'op3']) tokens[login] = await srv.login(login, PASSWORD);
  });
  afterAll(async () => { await srv?.stop(); });

  describe('authentication', () => {
    test('no token: closed with 4401 (within 5 s)', async () => {
      const c = await LiveClient.open(srv.url);
      expect(await c.closed(10_000)).toBe(4401);
    });
    test('a bad bearer header: 4401', async () => {
      const c = await LiveClient.open(srv.url, 'not-a-token');
      expect(await c.closed()).toBe(4401);
    });
    test('a first message other than hello: 4401', async () => {
      const c = await LiveClient.open(srv.url);
      c.send({ type: 'heartbeat' });
      expect(await c.closed()).toBe(4401);
    });
    test('hello with a wrong token: 4401; with a good one: welcome', async () => {
      const bad = await LiveClient.open(srv.url);
      bad.send({ type: 'hello', token: 'nope' });
      expect(await bad.closed()).toBe(4401);
      const good = await LiveClient.open(srv.url);
      good.send({ type: 'hello', token: tokens.op2 });
      expect(await good.next((m) => m.type === 'welcome')).toMatchObject({ type: 'welcome', userId: fx.op2 });
      good.close();
    });
  });

  describe('states and fan-out', () => {
    test('a due callback is reminded once per order and callbackAt', async () => {
      const op1 = await LiveClient.open(srv.url, tokens.op1);
      const first = await op1.next((m) => m.type === 'reminder' && m.orderId === fx.orders.callbackDue);
      expect(first).toMatchObject({ callbackAt: '2026-11-27T12:00:00.000Z', customerName: 'Пётр Перезвонов' });
      op1.close();
      const again = await LiveClient.open(srv.url, tokens.op1);
      await again.next((m) => m.type === 'welcome');
      // Two reminder periods pass (500 ms each), then a message marks the point we compare to.
      await new Promise((r) => setTimeout(r, 1500));
      await client(srv.url, tokens.leada).post('/messages', { toUserId: fx.op1, text: 'проверка' });
      await again.next((m) => m.type === 'message');
      expect(again.messages.filter((m) => m.type === 'reminder')).toEqual([]);
      again.close();
    });

    test('bad messages get an error and the socket stays usable', async () => {
      const op = await LiveClient.open(srv.url, tokens.op2);
      await op.next((m) => m.type === 'welcome');
      op.send('{not json');
      op.send({ type: 'state', state: 'sleeping' });
      op.send({ type: 'quality', callId: 'x', quality: { rttMs: -5, jitterMs: null, lossPct: null } });
      const errors = async () => op.messages.filter((m) => m.type === 'error').length;
      await op.next((m) => m.type === 'error');
      const deadline = Date.now() + 10_000;
      while ((await errors()) < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await errors()).toBe(3);
      expect(op.messages.find((m) => m.type === 'error' && String(m.message).startsWith('state'))).toBeDefined();
      op.send({ type: 'heartbeat' });
      op.close();
    });

    test("a lead gets its team's changes only, an admin everyone's; close records offline", async () => {
      const leadA = await LiveClient.open(srv.url, tokens.leada);
      const board = await leadA.next((m) => m.type === 'board');
      const ids = (board.agents as Array<{ userId: number }>).map((a) => a.userId).sort();
      expect(ids).toEqual([fx.op1, fx.op2].sort());
      const admin = await LiveClient.open(srv.url, tokens.admin);
      await admin.next((m) => m.type === 'board');

      const op3 = await LiveClient.open(srv.url);
      op3.send({ type: 'hello', token: tokens.op3 });
      await op3.next((m) => m.type === 'welcome');
      op3.send({ type: 'state', state: 'ready', sipRegistered: true });
      await admin.next(agentIs(fx.op3, 'ready'));

      const op1 = await LiveClient.open(srv.url, tokens.op1);
      await op1.next((m) => m.type === 'welcome');
      const mark = leadA.messages.length;
      op1.send({ type: 'state', state: 'dialing', orderId: fx.orders.heldByOp1, callId: 'call-1', sipRegistered: true });
      const dialing = await leadA.next(agentIs(fx.op1, 'dialing'), mark);
      expect(dialing.agent).toMatchObject({ orderId: fx.orders.heldByOp1, offerName: 'Крем для суставов', callId: 'call-1', sipRegistered: true });
      const callStart = (dialing.agent as { callStartedAt: string }).callStartedAt;
      op1.send({ type: 'state', state: 'talking', orderId: fx.orders.heldByOp1, callId: 'call-1' });
      const talking = await leadA.next(agentIs(fx.op1, 'talking'), mark);
      expect((talking.agent as { callStartedAt: string }).callStartedAt).toBe(callStart);
      op1.send({ type: 'quality', callId: 'call-1', quality: { rttMs: 80, jitterMs: 4, lossPct: 0.5 } });
      const q = await leadA.next((m) => m.type === 'agent' && (m.agent as { quality: unknown }).quality !== null, mark);
      expect((q.agent as { quality: unknown }).quality).toEqual({ rttMs: 80, jitterMs: 4, lossPct: 0.5 });
      // op3 (team B) never reached lead A
      expect(leadA.messages.some((m) => m.type === 'agent' && (m.agent as { userId: number }).userId === fx.op3)).toBe(false);

      op1.close();
      await leadA.next(agentIs(fx.op1, 'offline'), mark);
      const boardNow = await client(srv.url, tokens.leada).get('/board');
      expect(boardNow.status).toBe(200);
      expect(boardNow.body.agents.find((a: { userId: number }) => a.userId === fx.op1).state).toBe('offline');
      op3.close();
      leadA.close();
      admin.close();
    });

    test('a lead message reaches the operator over the live channel', async () => {
      const op1 = await LiveClient.open(srv.url, tokens.op1);
      await op1.next((m) => m.type === 'welcome');
      const r = await client(srv.url, tokens.leada).post('/messages', { toUserId: fx.op1, text: 'Аня, зайди ко мне' });
      expect(r.status).toBe(201);
      expect(await op1.next((m) => m.type === 'message')).toMatchObject({ from: 'Лида А', text: 'Аня, зайди ко мне' });
      expect((await client(srv.url, tokens.leadb).post('/messages', { toUserId: fx.op1, text: 'чужой' })).status).toBe(403);
      expect((await client(srv.url, tokens.leada).post('/messages', { toUserId: fx.op1, text: '' })).status).toBe(400);
      op1.close();
    });

  });

  describe('force-release', () => {
    test('refused while the holder is online, done when offline, and the holder is poked', async () => {
      const lead = client(srv.url, tokens.leada);
      const op1 = await LiveClient.open(srv.url, tokens.op1);
      await op1.next((m) => m.type === 'welcome');
      op1.send({ type: 'state', state: 'wrapUp', orderId: fx.orders.heldByOp1 });
      const deadline = Date.now() + 10_000;
      const stateOfOp1 = async () => (await lead.get('/board')).body.agents.find((a: { userId: number }) => a.userId === fx.op1).state as string;
      while ((await stateOfOp1()) !== 'wrapUp' && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
      const r = await lead.post(`/orders/${fx.orders.heldByOp1}/force-release`);
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('holder_online');

      const op2 = await LiveClient.open(srv.url, tokens.op2);
      await op2.next((m) => m.type === 'welcome');
      expect((await client(srv.url, tokens.leadb).post(`/orders/${fx.orders.heldByOp2}/force-release`)).status).toBe(403);
      expect((await client(srv.url, tokens.op1).post(`/orders/${fx.orders.heldByOp2}/force-release`)).status).toBe(403);
      const ok = await lead.post(`/orders/${fx.orders.heldByOp2}/force-release`);
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ ok: true, orderId: fx.orders.heldByOp2, previousHolderId: fx.op2 });
      await op2.next((m) => m.type === 'poke');
      expect((await lead.post(`/orders/${fx.orders.heldByOp2}/force-release`)).body.error.code).toBe('not_held');
      expect((await lead.post('/orders/999999/force-release')).status).toBe(404);
      op1.close();
      op2.close();
    });
  });
});
