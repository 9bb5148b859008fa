/**
 * GET customers/by-phone/:phone gives a customer's names, comments and totals only to: (a) an
 * operator holding an order with that phone (E.164-normalised compare), (b) an operator whose
 * desk reports an inbound call from that number ringing (live channel `state` with
 * `remoteNumber`), (c) leads and admins. Anyone else: 403 with a Russian message. In-process app
 * on PostgreSQL with the live fixture (every fixture order has the phone +79161234567).
 */
import { appOn, fixtureSchema, tokenOf, type InProcessApp } from './support/in-process-app';
import { PASSWORD, type Fixture } from './support/live-fixture-seed';
import { LiveClient } from './support/live-fixture';
import { client } from './support/server-process';

jest.setTimeout(120_000);

const PHONE = '+79161234567';
const path = (phone: string) => `/customers/by-phone/${encodeURIComponent(phone)}`;

let a: InProcessApp;
let fx: Fixture;
let drop: () => Promise<void>;
const t: Record<string, string> = {};

beforeAll(async () => {
  const s = await fixtureSchema();
  fx = s.fx;
  drop = s.drop;
  a = await appOn(s.schema);
  for (const login of ['op1', 'op3', 'leadb', 'admin']) t[login] = await tokenOf(a.url, login, PASSWORD);
});
afterAll(async () => {
  await a?.close();
  await drop?.();
});

/** Sends a state over the live channel and waits until the server has handled it (its next reply). */
async function reportState(live: LiveClient, state: Record<string, unknown>): Promise<void> {
  const from = live.messages.length;
  live.send({ type: 'state', ...state });
  live.send({ type: 'hello', token: 'x' });
  await live.next((m) => m.type === 'error' && m.code === 'already_authenticated', from);
}

test('(a) an operator holding an order with the phone sees the history, in any spelling of the number', async () => {
  const r = await client(a.url, t.op1).get(path(PHONE));
  expect(r.status).toBe(200);
  expect(r.body.orders.map((o: { id: number }) => o.id)).toContain(fx.orders.heldByOp1);
  expect((await client(a.url, t.op1).get(path('8 (916) 123-45-67'))).status).toBe(200);
});

test('an operator holding no such order and with no such call ringing: 403 in Russian', async () => {
  const r = await client(a.url, t.op3).get(path(PHONE));
  expect(r.status).toBe(403);
  expect(r.body.error.message).toMatch(/История клиента доступна только/);
});

test('an operator whose lease on the order expired no longer sees it', async () => {
  await a.db.query("UPDATE orders SET lease_until = now() - interval '1 minute' WHERE id = $1", [fx.orders.heldByOp1]);
  try {
    expect((await client(a.url, t.op1).get(path(PHONE))).status).toBe(403);
  } finally {
    await a.db.query("UPDATE orders SET lease_until = '2099-01-01T00:00:00Z' WHERE id = $1", [fx.orders.heldByOp1]);
  }
});

test('(b) an operator with an inbound call from the number ringing sees the history until the call ends', async () => {
  const live = await LiveClient.open(a.url, t.op3);
  try {
    await live.next((m) => m.type === 'welcome');
    await reportState(live, { state: 'ringing', callId: 'in-1', remoteNumber: '+7 916 000-00-00' });
    expect((await client(a.url, t.op3).get(path(PHONE))).status).toBe(403);

    await reportState(live, { state: 'ringing', callId: 'in-2', remoteNumber: '8 916 123 45 67' });
    const r = await client(a.url, t.op3).get(path(PHONE));
    expect(r.status).toBe(200);
    expect(r.body.phone).toBe(PHONE);

    await reportState(live, { state: 'talking', callId: 'in-2' });
    expect((await client(a.url, t.op3).get(path(PHONE))).status).toBe(403);
    await reportState(live, { state: 'ready', remoteNumber: PHONE });
    expect((await client(a.url, t.op3).get(path(PHONE))).status).toBe(403);
  } finally {
    live.close();
  }
});

test('(b) a lookup that reaches the server before the desk\'s ringing report waits for it instead of refusing', async () => {
  const live = await LiveClient.open(a.url, t.op3);
  try {
    await live.next((m) => m.type === 'welcome');
    const lookup = client(a.url, t.op3).get(path(PHONE));
    await reportState(live, { state: 'ringing', callId: 'in-race', remoteNumber: PHONE });
    expect((await lookup).status).toBe(200);
    await reportState(live, { state: 'ready' });
  } finally {
    live.close();
  }
});

test('(c) leads (any team) and admins see the history', async () => {
  expect((await client(a.url, t.leadb).get(path(PHONE))).status).toBe(200);
  expect((await client(a.url, t.admin).get(path(PHONE))).status).toBe(200);
});
