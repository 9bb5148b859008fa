/**
 * GET agent/state against a real server process (PGlite and PostgreSQL): the state a desk resumes
 * after a reload or restart. A break (reason and start) survives the socket closing (which records
 * offline) and a reconnect of the same login session; a call from a dead page resumes as wrap-up
 * (on an order) or ready; a new login starts with nothing to resume.
 */
import { BACKENDS, client, type ServerProcess } from './support/server-process';
import { LiveClient, PASSWORD, agentIs, startWithFixture, type Fixture } from './support/live-fixture';

jest.setTimeout(120_000);

describe.each(BACKENDS)('agent state resume on %s', (backend) => {
  let srv: ServerProcess;
  let fx: Fixture;

  beforeAll(async () => { ({ srv, fx } = await startWithFixture(backend)); });
  afterAll(async () => { await srv?.stop(); });

  /** Waits until the admin's live board shows `userId` in `state`, returns that board row. */
  async function boardShows(admin: LiveClient, userId: number, state: string, from: number): Promise<{ since: string }> {
    const m = await admin.next(agentIs(userId, state), from);
    return m.agent as { since: string };
  }

  /** Opens the live channel of `token`, sends `state` and waits until the board has it. */
  async function report(admin: LiveClient, token: string, userId: number, msg: Record<string, unknown>): Promise<{ live: LiveClient; since: string }> {
    const mark = admin.messages.length;
    const live = await LiveClient.open(srv.url, token);
    await live.next((m) => m.type === 'welcome');
    live.send({ type: 'state', ...msg });
    const row = await boardShows(admin, userId, String(msg.state), mark);
    return { live, since: row.since };
  }

  async function closeAndWaitOffline(admin: LiveClient, live: LiveClient, userId: number): Promise<void> {
    const mark = admin.messages.length;
    live.close();
    await boardShows(admin, userId, 'offline', mark);
  }

  test('a break survives the socket closing and a reconnect of the same session, with its reason and start', async () => {
    const admin = await LiveClient.open(srv.url, await srv.login('admin', PASSWORD));
    await admin.next((m) => m.type === 'board');
    const token = await srv.login('op1', PASSWORD);
    const api = client(srv.url, token);
    expect((await api.get('/agent/state')).body).toEqual({ resume: null });

    const first = await report(admin, token, fx.op1, { state: 'break', breakReason: 'lunch' });
    await closeAndWaitOffline(admin, first.live, fx.op1);
    expect((await api.get('/agent/state')).body).toEqual({ resume: { state: 'break', breakReason: 'lunch', since: first.since } });

    // the desk comes back and re-sends the break: the break still began when it began
    const again = await report(admin, token, fx.op1, { state: 'break', breakReason: 'lunch' });
    await closeAndWaitOffline(admin, again.live, fx.op1);
    expect((await api.get('/agent/state')).body.resume).toEqual({ state: 'break', breakReason: 'lunch', since: first.since });

    // another login of the same operator starts Готов
    expect((await client(srv.url, await srv.login('op1', PASSWORD)).get('/agent/state')).body).toEqual({ resume: null });
    admin.close();
  });

  test('wrap-up resumes; a call of a page that is gone resumes as wrap-up on an order, else ready', async () => {
    const admin = await LiveClient.open(srv.url, await srv.login('admin', PASSWORD));
    await admin.next((m) => m.type === 'board');
    const token = await srv.login('op2', PASSWORD);
    const api = client(srv.url, token);

    const wrap = await report(admin, token, fx.op2, { state: 'wrapUp', orderId: fx.orders.heldByOp2 });
    await closeAndWaitOffline(admin, wrap.live, fx.op2);
    expect((await api.get('/agent/state')).body.resume).toEqual({ state: 'wrapUp', breakReason: null, since: wrap.since });

    const onOrder = await report(admin, token, fx.op2, { state: 'talking', orderId: fx.orders.heldByOp2, callId: 'c-1' });
    await closeAndWaitOffline(admin, onOrder.live, fx.op2);
    expect((await api.get('/agent/state')).body.resume).toMatchObject({ state: 'wrapUp', breakReason: null });

    const inbound = await report(admin, token, fx.op2, { state: 'ringing', callId: 'c-2' });
    await closeAndWaitOffline(admin, inbound.live, fx.op2);
    expect((await api.get('/agent/state')).body.resume).toMatchObject({ state: 'ready', breakReason: null });
    admin.close();
  });

  test('without a session: 401', async () => {
    expect((await client(srv.url).get('/agent/state')).status).toBe(401);
  });
});
