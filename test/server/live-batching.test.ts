/**
 * The batched live fan-out (server/live/bus.ts, hub.ts) on PostgreSQL with two app instances on
 * one schema: events published in a burst leave in few NOTIFY payloads and arrive complete and in
 * order; a burst of operators' state changes on instance A reaches a lead on instance B as a few
 * coalesced messages holding every operator, and nothing is lost.
 */
import { randomBytes } from 'node:crypto';
import { createBus, batchPayloads, type Bus, type BusEvent } from '../../server/live/bus';
import { openPg } from '../../server/db/pg-db';
import type { Db } from '../../server/db/db';
import { hashToken } from '../../server/auth/passwords';
import { recordAgentStates } from '../../server/live/agent-state';
import { appOn, fixtureSchema, tokenOf, type InProcessApp } from './support/in-process-app';
import { LiveClient, PASSWORD, type Fixture } from './support/live-fixture';
import { PG_URL } from './support/server-process';

jest.setTimeout(120_000);

const BURST = 40;

let schema: { schema: string; fx: Fixture; drop(): Promise<void> };
let db: Db;
beforeAll(async () => {
  schema = await fixtureSchema();
  db = await openPg(PG_URL, schema.schema);
});
afterAll(async () => {
  await db?.close();
  await schema?.drop();
});

const message = (i: number): BusEvent => ({ kind: 'message', toUserId: 1, from: 'Лида', text: `№${i} ${'х'.repeat(150)}`, at: new Date(0).toISOString() });

test('a payload batch stays below the NOTIFY limit and keeps every event in order', () => {
  const events = Array.from({ length: 300 }, (_, i) => message(i));
  let n = 0;
  const payloads = batchPayloads(events, () => ++n);
  expect(payloads.length).toBeGreaterThan(1);
  expect(payloads.length).toBeLessThan(events.length / 10);
  for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(8000);
  const back = payloads.flatMap((p) => (JSON.parse(p) as { events: BusEvent[] }).events);
  expect(back).toEqual(events);
});

test('a burst published on one bus arrives complete and in order on another, in few NOTIFY payloads', async () => {
  const other = await openPg(PG_URL, schema.schema);
  let sender: Bus | null = null;
  let receiver: Bus | null = null;
  try {
    sender = await createBus(db);
    receiver = await createBus(other);
    const got: BusEvent[] = [];
    receiver.subscribe((e) => got.push(e));
    let payloads = 0;
    const unlisten = await other.listen('prozvon_events', () => { payloads++; });
    const events = Array.from({ length: 500 }, (_, i) => message(i));
    await Promise.all(events.map((e) => (sender as Bus).publish(e)));
    const deadline = Date.now() + 20_000;
    while (got.length < events.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await unlisten();
    expect(got).toEqual(events);
    expect(payloads).toBeLessThan(events.length / 5);
  } finally {
    await sender?.close();
    await receiver?.close();
    await other.close();
  }
});

test('one batch of state changes, one operator twice: every event is stored in order and the snapshot holds the last', async () => {
  const { op1, op2 } = schema.fx;
  const change = (state: 'ready' | 'talking' | 'wrapUp', callId: string | null = null) => ({ state, breakReason: null, orderId: null, callId, sipRegistered: true });
  const at = (s: number) => new Date(Date.UTC(2026, 11, 1, 9, 0, s));
  await recordAgentStates(db, [
    { userId: op1, change: change('talking', 'c-batch'), at: at(1), remoteNumber: '+79161234567' },
    { userId: op2, change: change('ready'), at: at(2), remoteNumber: null },
    { userId: op1, change: change('wrapUp'), at: at(3), remoteNumber: null },
  ]);
  const events = await db.query<{ user_id: number; state: string }>('SELECT user_id, state FROM agent_events WHERE at >= $1 ORDER BY id', [at(0).toISOString()]);
  expect(events.rows.map((r) => [r.user_id, r.state])).toEqual([[op1, 'talking'], [op2, 'ready'], [op1, 'wrapUp']]);
  const status = await db.query<{ user_id: number; state: string; call_started_at: Date | null; remote_number: string | null }>(
    'SELECT user_id, state, call_started_at, remote_number FROM agent_status WHERE user_id = ANY($1::int[]) ORDER BY user_id', [[op1, op2]]);
  expect(status.rows.map((r) => [r.user_id, r.state, r.call_started_at, r.remote_number])).toEqual([[op1, 'wrapUp', null, null], [op2, 'ready', null, null]].sort((x, y) => (x[0] as number) - (y[0] as number)));
});

describe('a burst of state changes across two instances', () => {
  let a: InProcessApp;
  let b: InProcessApp;
  const ops: Array<{ id: number; token: string }> = [];
  beforeAll(async () => {
    a = await appOn(schema.schema);
    b = await appOn(schema.schema);
    const hash = (await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [schema.fx.op1])).rows[0]?.password_hash;
    for (let i = 0; i < BURST; i++) {
      const { rows } = await db.query<{ id: number }>(
        "INSERT INTO users (login, name, role, password_hash, team_id) VALUES ($1, $2, 'operator', $3, $4) RETURNING id",
        [`burst${i}`, `Оператор ${i}`, hash, schema.fx.teamA]);
      const token = randomBytes(24).toString('hex');
      await db.query("INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 day')", [hashToken(token), rows[0]?.id]);
      ops.push({ id: rows[0]?.id as number, token });
    }
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** The board rows of the burst's operators in the lead's messages after `from`. */
  const rowsAfter = (lead: LiveClient, from: number) => lead.messages.slice(from).flatMap((m) => {
    const rows = m.type === 'agent' ? [m.agent] : m.type === 'agents' ? (m.agents as unknown[]) : [];
    return (rows as Array<{ userId: number; state: string }>).filter((r) => ops.some((o) => o.id === r.userId)).map((r) => ({ msg: m, row: r }));
  });

  test(`${BURST} operators change state at once on A: the lead on B gets every one in a few coalesced messages`, async () => {
    const lead = await LiveClient.open(b.url, await tokenOf(b.url, 'leada', PASSWORD));
    await lead.next((m) => m.type === 'board');
    const sockets = await Promise.all(ops.map((o) => LiveClient.open(a.url, o.token)));
    await Promise.all(sockets.map((s) => s.next((m) => m.type === 'welcome')));

    for (const state of ['break', 'ready'] as const) {
      const from = lead.messages.length;
      sockets.forEach((s) => s.send({ type: 'state', state, breakReason: state === 'break' ? 'lunch' : null, sipRegistered: true }));
      const latest = () => {
        const last = new Map<number, string>();
        for (const { row } of rowsAfter(lead, from)) last.set(row.userId, row.state);
        return last;
      };
      await lead.next(() => ops.every((o) => latest().get(o.id) === state), from, 30_000);
      const messages = new Set(rowsAfter(lead, from).map((x) => x.msg));
      expect(messages.size).toBeLessThanOrEqual(BURST / 4);
      expect(rowsAfter(lead, from).some(({ msg }) => msg.type === 'agents')).toBe(true);
      const stored = await db.query<{ user_id: number; state: string }>('SELECT user_id, state FROM agent_status WHERE user_id = ANY($1::int[])', [ops.map((o) => o.id)]);
      expect(stored.rows.filter((r) => r.state === state)).toHaveLength(BURST);
    }
    sockets.forEach((s) => s.close());
    lead.close();
  });
});
