/**
 * Calls verified by the PBX: the key-authenticated events endpoint, the merge of events per
 * Call-ID (repeats, any order), and — with the center setting `pbxVerifiedCalls` on — a forged
 * `logCall.v1` that no PBX reported does not satisfy «answered call required», reports count the
 * PBX's calls, and desk logs that disagree with the PBX are kept and flagged for the lead. Real
 * server processes on PGlite and PostgreSQL; the merge SQL in process on PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { BACKENDS, startServerProcess, type ServerProcess } from './support/server-process';
import { confirmArgs, demoClients, ingest, type Api } from './support/order-flow';
import { useMigratedSchema } from './support/migrated-schema';
import { ClaimResponse, PushResponse } from '../../shared/api/http';
import { OperatorReport } from '../../shared/api/lead';
import { PbxFlagsResponse, type PbxEvent } from '../../shared/api/pbx';
import { localDate } from '../../shared/domain/tabs';
import type { CallAttempt, Order } from '../../shared/domain/schemas';
import { pbxCallsOf, recordPbxEvent } from '../../server/pbx/pbx-records';

jest.setTimeout(420_000);

const PBX_KEY = 'test-pbx-key';
const CUSTOMER = 'sip:+79123456789@127.0.0.1';
const sec = (ms: number) => ms / 1000;

/** The events of one answered call as Kamailio sends them (ts in seconds since the epoch). */
function answeredEvents(callId: string, invitedMs: number, answeredMs: number, endedMs: number | null, from = 'sip:operator1@127.0.0.1'): PbxEvent[] {
  const base = { call_id: callId, from, to: CUSTOMER, from_tag: 'ft1' };
  return [
    { ...base, event: 'invite', ts: sec(invitedMs) },
    { ...base, event: 'ringing', ts: sec(invitedMs + 200), code: 180, reason: 'Ringing' },
    { ...base, event: 'answered', ts: sec(answeredMs), code: 200, reason: 'OK' },
    ...(endedMs === null ? [] : [{ ...base, event: 'bye' as const, ts: sec(endedMs), by: 'caller' as const }]),
  ];
}

describe('migration 0009 (pbx_calls): the merge of call events per Call-ID (PostgreSQL, in process)', () => {
  const db = useMigratedSchema();
  const t0 = Date.parse('2026-11-28T09:00:00.000Z');

  test('repeats and any order give one record with the earliest INVITE and answer and the first end', async () => {
    const events = answeredEvents('merge-1', t0, t0 + 3000, t0 + 9000);
    const reversed = [...events].reverse();
    for (const e of [...reversed, ...events, events[3] as PbxEvent]) await recordPbxEvent(db(), e, new Date());
    // a later second end (e.g. a retransmitted failure) does not move the first one
    await recordPbxEvent(db(), { event: 'failed', call_id: 'merge-1', ts: sec(t0 + 20_000), code: 500, reason: 'Late' }, new Date());
    const rows = await db().query<{ n: number; end_event: string; ended_by: string; end_code: number | null }>(
      "SELECT count(*)::int AS n, min(end_event) AS end_event, min(ended_by) AS ended_by, min(end_code) AS end_code FROM pbx_calls WHERE call_id = 'merge-1'",
    );
    expect(rows.rows[0]).toEqual({ n: 1, end_event: 'bye', ended_by: 'caller', end_code: null });
    expect(await pbxCallsOf(db(), ['merge-1', 'unknown'])).toEqual([{
      callId: 'merge-1', caller: 'sip:operator1@127.0.0.1', callee: CUSTOMER,
      invitedAt: new Date(t0).toISOString(), answeredAt: new Date(t0 + 3000).toISOString(), endedAt: new Date(t0 + 9000).toISOString(),
    }]);
  });

  test('an end that arrives before the INVITE (late or reordered) merges the same; ISO times are taken too', async () => {
    await recordPbxEvent(db(), { event: 'failed', call_id: 'merge-2', ts: new Date(t0 + 5000).toISOString(), code: 486, reason: 'Busy Here' }, new Date());
    await recordPbxEvent(db(), { event: 'invite', call_id: 'merge-2', ts: sec(t0), from: 'sip:operator2@127.0.0.1', to: CUSTOMER }, new Date());
    const [rec] = await pbxCallsOf(db(), ['merge-2']);
    expect(rec).toMatchObject({ invitedAt: new Date(t0).toISOString(), answeredAt: null, endedAt: new Date(t0 + 5000).toISOString(), caller: 'sip:operator2@127.0.0.1' });
  });
});

describe.each(BACKENDS)('calls verified by the PBX on %s', (backend) => {
  let srv: ServerProcess;
  let c: Awaited<ReturnType<typeof demoClients>>;
  beforeAll(async () => {
    srv = await startServerProcess({ demo: true, pg: backend === 'pg', env: { PBX_API_KEY: PBX_KEY } });
    c = await demoClients(srv.url, srv.login);
  });
  afterAll(async () => { await srv?.stop(); });

  const postEvents = (body: unknown, key: string | null = PBX_KEY) =>
    c.anon.post('/pbx/events', body, key === null ? {} : { 'x-api-key': key });

  const held = async (api: Api): Promise<Order> => {
    const id = await ingest(srv.url);
    const r = await api.post(`/orders/${id}/claim`);
    expect(r.status).toBe(200);
    return ClaimResponse.parse(r.body).order;
  };

  const call = (orderId: number, callId: string, startMs: number, answerMs: number | null, endMs: number): CallAttempt => ({
    callId, orderId, startedAt: new Date(startMs).toISOString(), answeredAt: answerMs === null ? null : new Date(answerMs).toISOString(),
    endedAt: new Date(endMs).toISOString(), outcome: answerMs === null ? 'noAnswer' : 'answered',
  });

  /** Pushes a call log and a confirm of the order; returns both outcomes. */
  const logAndConfirm = async (api: Api, order: Order, attempt: CallAttempt) => PushResponse.parse((await api.post('/sync/push', {
    clientId: randomUUID(),
    mutations: [{ id: 1, name: 'logCall.v1', args: attempt }, { id: 2, name: 'saveResult.v1', args: confirmArgs(order) }],
  })).body).results;

  const today = () => {
    const d = localDate(new Date(), 'Europe/Moscow');
    return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
  };

  test('the endpoint takes events only with the PBX key, validates them and is idempotent', async () => {
    const callId = randomUUID();
    const events = answeredEvents(callId, Date.now() - 5000, Date.now() - 4000, Date.now() - 1000);
    expect((await postEvents(events, null)).status).toBe(401);
    expect((await postEvents(events, 'wrong')).status).toBe(401);
    const bad = await postEvents({ event: 'exploded', call_id: callId, ts: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_input');
    expect((await postEvents(events)).body).toEqual({ accepted: 4 });
    expect((await postEvents({ events })).body).toEqual({ accepted: 4 });
    expect((await postEvents(events[2])).body).toEqual({ accepted: 1 });
  });

  test('setting on: a forged logCall.v1 does not make a conversation; the PBX-reported call does; late ends reconcile', async () => {
    expect((await c.admin.call('PUT', '/admin/settings', { pbxVerifiedCalls: true })).body.pbxVerifiedCalls).toBe(true);
    const order = await held(c.op2);
    const now = Date.now();

    // forged: the desk claims an answered call the PBX never saw → the save is refused, the log kept
    const forged = await logAndConfirm(c.op2, order, call(order.id, randomUUID(), now, now + 1000, now + 60_000));
    expect(forged[0]).toEqual({ id: 1, status: 'applied' });
    expect(forged[1]).toMatchObject({ id: 2, status: 'rejected', code: 'rule_broken' });
    expect(JSON.stringify(forged[1])).toContain('не подтверждён АТС');

    // the PBX saw another call's INVITE and answer, to another number: still not this order's conversation
    const elsewhere = randomUUID();
    await postEvents(answeredEvents(elsewhere, now, now + 1000, null).map((e) => ({ ...e, to: 'sip:+79990001122@127.0.0.1' })));
    expect((await logAndConfirm(c.op2, order, call(order.id, elsewhere, now, now + 1000, now + 5000)))[1]).toMatchObject({ status: 'rejected' });

    // a real call: INVITE and answer reported during the call, the BYE not yet → the save is accepted
    const real = randomUUID();
    expect((await postEvents(answeredEvents(real, now, now + 2000, null))).status).toBe(200);
    expect(await logAndConfirm(c.op2, order, call(order.id, real, now, now + 2000, now + 12_000)))
      .toEqual([{ id: 1, status: 'applied' }, { id: 2, status: 'applied' }]);
    // the BYE arrives after the save: merged, nothing lost
    // (the PBX's end is 2 s after the desk's: within the tolerance, and the report's talk time is the PBX's)
    expect((await postEvents(answeredEvents(real, now, now + 2000, now + 14_000).slice(3))).body).toEqual({ accepted: 1 });

    // reports count the PBX's calls: the forged and the elsewhere logs are not calls of op2 today
    const report = OperatorReport.parse((await c.admin.get(`/reports/operators?from=${today()}&to=${today()}&granularity=day&userId=${order.assigneeId}`)).body);
    expect([report.grandTotal.calls, report.grandTotal.answered, report.grandTotal.talkSeconds]).toEqual([1, 1, 12]);
  });

  test('desk logs that disagree with the PBX are kept and listed for the lead; setting off lists nothing', async () => {
    await c.admin.call('PUT', '/admin/settings', { pbxVerifiedCalls: true });
    const order = await held(c.op1);
    const old = Date.now() - 10 * 60_000;
    const [unreported, shorter, unanswered, agreeing] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await postEvents([
      ...answeredEvents(shorter, old, old + 1000, old + 61_000),
      ...answeredEvents(unanswered, old, old + 1000, old + 5000).filter((e) => e.event !== 'answered'),
      ...answeredEvents(agreeing, old, old + 1000, old + 11_000),
    ]);
    const push = PushResponse.parse((await c.op1.post('/sync/push', {
      clientId: randomUUID(),
      mutations: [
        { id: 1, name: 'logCall.v1', args: call(order.id, unreported, old, old + 1000, old + 30_000) },
        { id: 2, name: 'logCall.v1', args: call(order.id, shorter, old, old + 1000, old + 11_000) },
        { id: 3, name: 'logCall.v1', args: call(order.id, unanswered, old, old + 1000, old + 5000) },
        { id: 4, name: 'logCall.v1', args: call(order.id, agreeing, old, old + 1000, old + 11_000) },
      ],
    })).body);
    expect(push.results.every((r) => r.status === 'applied')).toBe(true);
    const range = `from=${new Date(old - 1000).toISOString()}&to=${new Date(old + 1000).toISOString()}`;
    const flags = PbxFlagsResponse.parse((await c.lead.get(`/pbx/flags?${range}`)).body).flags.filter((f) => f.orderId === order.id);
    expect(flags.map((f) => [f.callId, f.flag])).toEqual(expect.arrayContaining([
      [unreported, 'notReported'], [shorter, 'talkTimeMismatch'], [unanswered, 'answerMismatch'],
    ]));
    expect(flags.map((f) => f.callId)).not.toContain(agreeing);
    expect(flags.find((f) => f.callId === shorter)?.message).toBe('Длительность разговора: по рабочему месту 10 с, по АТС 60 с.');
    expect((await c.op1.get(`/pbx/flags?${range}`)).status).toBe(403);

    await c.admin.call('PUT', '/admin/settings', { pbxVerifiedCalls: false });
    expect((await c.lead.get(`/pbx/flags?${range}`)).body).toEqual({ enabled: false, flags: [] });
  });
});
