/**
 * Call quality: the admin's checklist, a lead's score of an answered call (computed by the
 * server from the checklist: a client's total is refused, every active point must be marked),
 * team scoping, unanswered calls refused, re-scoring replaces, and the operators report's quality
 * and talk-time figures. Real server processes on PGlite and PostgreSQL; migration 0015 in
 * process on PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { BACKENDS, client, startServerProcess, type ServerProcess } from './support/server-process';
import { demoClients, ingest, type Api } from './support/order-flow';
import { applyMigrationsBefore, expectRefused, useEmptySchema } from './support/migrated-schema';
import { migrations } from '../../server/db/migrations';
import { ClaimResponse, PushResponse } from '../../shared/api/http';
import { OperatorReport } from '../../shared/api/lead';
import { QualityCall, QualityCallsResponse, QualityItemsResponse } from '../../shared/api/quality';
import { localDate } from '../../shared/domain/tabs';
import type { Order } from '../../shared/domain/schemas';

jest.setTimeout(420_000);

describe('server migration 0015-quality', () => {
  const db = useEmptySchema();
  it('creates the checklist with its starting points and refuses a score above its maximum', async () => {
    expect(migrations.find((m) => m.id === 15)?.name).toBe('quality');
    await applyMigrationsBefore(db(), 15);
    await db().exec((migrations.find((m) => m.id === 15) as { sql: string }).sql);
    const items = await db().query<{ n: number; total: number }>('SELECT count(*)::int AS n, sum(points)::int AS total FROM quality_items WHERE active');
    expect(items.rows[0]).toEqual({ n: 7, total: 12 });
    await expectRefused(db(), "INSERT INTO quality_items (text, points) VALUES ('x', 11)");
    await expectRefused(db(), "INSERT INTO quality_items (text, points) VALUES ('', 1)");
    await expectRefused(db(), `INSERT INTO call_scores (call_id, order_id, operator_id, scored_by, scored_at, points, max_points, items)
      VALUES ('none', 1, 1, 1, now(), 5, 4, '[]')`);
  });
});

describe.each(BACKENDS)('call quality on %s', (backend) => {
  let srv: ServerProcess;
  let c: Awaited<ReturnType<typeof demoClients>>;
  beforeAll(async () => {
    srv = await startServerProcess({ demo: true, pg: backend === 'pg' });
    c = await demoClients(srv.url, srv.login);
  });
  afterAll(async () => { await srv?.stop(); });

  const today = () => {
    const d = localDate(new Date(), 'Europe/Moscow');
    return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
  };
  const span = () => `from=${new Date(Date.now() - 3_600_000).toISOString()}&to=${new Date(Date.now() + 3_600_000).toISOString()}`;

  /** An order taken by `api` with one logged call (answered for `talkMs`, or not answered). */
  const orderWithCall = async (api: Api, talkMs: number | null): Promise<{ order: Order; callId: string }> => {
    const id = await ingest(srv.url);
    const order = ClaimResponse.parse((await api.post(`/orders/${id}/claim`)).body).order;
    const callId = randomUUID();
    const t = Date.now();
    const args = {
      callId, orderId: id, startedAt: new Date(t).toISOString(), answeredAt: talkMs === null ? null : new Date(t + 1000).toISOString(),
      endedAt: new Date(t + 1000 + (talkMs ?? 0)).toISOString(), outcome: talkMs === null ? 'noAnswer' : 'answered',
    };
    const push = PushResponse.parse((await api.post('/sync/push', { clientId: randomUUID(), mutations: [{ id: 1, name: 'logCall.v1', args }] })).body);
    expect(push.results).toEqual([{ id: 1, status: 'applied' }]);
    return { order, callId };
  };

  const checklist = async (api: Api) => QualityItemsResponse.parse((await api.get('/quality/items')).body).items;
  const score = (api: Api, callId: string, body: unknown) => api.call('PUT', `/quality/calls/${encodeURIComponent(callId)}/score`, body);

  test('the admin edits the checklist; leads see the active points only', async () => {
    const created = await c.admin.post('/admin/quality/items', { text: 'Не перебивал клиента', points: 3, position: 8, active: true });
    expect(created.status).toBe(201);
    const bad = await c.admin.post('/admin/quality/items', { text: ' ', points: 11, position: 1, active: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/пуст|Баллы/);
    expect((await checklist(c.lead)).map((i) => i.text)).toContain('Не перебивал клиента');
    const retired = await c.admin.call('PUT', `/admin/quality/items/${created.body.id}`, { text: 'Не перебивал клиента', points: 3, position: 8, active: false });
    expect(retired.status).toBe(200);
    expect((await checklist(c.lead)).map((i) => i.id)).not.toContain(created.body.id);
    expect((await checklist(c.admin)).find((i) => i.id === created.body.id)?.active).toBe(false);
    expect((await c.admin.call('PUT', '/admin/quality/items/999999', { text: 'x', points: 1, position: 1, active: true })).status).toBe(404);
  });

  test('a lead scores an answered call: the server computes the points, refuses a client total and missing points', async () => {
    const { order, callId } = await orderWithCall(c.op1, 65_000);
    const items = await checklist(c.lead);
    const answers = items.map((i, n) => ({ itemId: i.id, met: n % 2 === 0 }));
    const expectedPoints = items.filter((_, n) => n % 2 === 0).reduce((s, i) => s + i.points, 0);
    const maxPoints = items.reduce((s, i) => s + i.points, 0);

    const forged = await score(c.lead, callId, { answers, comment: '', points: maxPoints });
    expect(forged.status).toBe(400);
    const missing = await score(c.lead, callId, { answers: answers.slice(1), comment: '' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain(`Не отмечены пункты: «${items[0]?.text}»`);
    const unknown = await score(c.lead, callId, { answers: [...answers, { itemId: 999_999, met: true }], comment: '' });
    expect(unknown.body.error.message).toContain('Пункт 999999 не входит в действующий чек-лист');

    const ok = await score(c.lead, callId, { answers, comment: 'Хорошо отработал возражение' });
    expect(ok.status).toBe(200);
    const scored = QualityCall.parse(ok.body);
    expect(scored.score).toMatchObject({ points: expectedPoints, maxPoints, comment: 'Хорошо отработал возражение', scoredBy: 'Ольга Кравцова' });
    expect(scored.talkSeconds).toBe(65);
    expect(scored.orderId).toBe(order.id);

    // re-scoring replaces the score
    const all = await score(c.lead, callId, { answers: items.map((i) => ({ itemId: i.id, met: true })), comment: '' });
    expect(QualityCall.parse(all.body).score).toMatchObject({ points: maxPoints, ratio: 1 });
    const list = QualityCallsResponse.parse((await c.lead.get(`/quality/calls?${span()}&userId=${order.assigneeId}`)).body).calls;
    expect(list.filter((x) => x.callId === callId).map((x) => x.score?.points)).toEqual([maxPoints]);
  });

  test('unanswered calls cannot be scored; another team\'s lead is refused and does not see the calls', async () => {
    const { callId: silent } = await orderWithCall(c.op2, null);
    const items = await checklist(c.lead);
    const res = await score(c.lead, silent, { answers: items.map((i) => ({ itemId: i.id, met: true })), comment: '' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('Оценить можно только звонок с разговором');
    expect(QualityCallsResponse.parse((await c.lead.get(`/quality/calls?${span()}`)).body).calls.map((x) => x.callId)).not.toContain(silent);

    const { callId } = await orderWithCall(c.op2, 5000);
    const team = await c.admin.post('/admin/teams', { name: `Вторая ${randomUUID().slice(0, 8)}` });
    const login = `lead${Date.now() % 1_000_000}`;
    expect((await c.admin.post('/admin/users', { login, name: 'Другой руководитель', role: 'lead', teamId: team.body.id, password: 'secret1' })).status).toBe(201);
    const other = client(srv.url, await srv.login(login, 'secret1'));
    const refused = await score(other, callId, { answers: items.map((i) => ({ itemId: i.id, met: true })), comment: '' });
    expect(refused.status).toBe(403);
    expect(QualityCallsResponse.parse((await other.get(`/quality/calls?${span()}`)).body).calls.map((x) => x.callId)).not.toContain(callId);
    expect((await c.lead.get('/quality/calls?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z')).status).toBe(400);
  });

  test('the operators report shows talk time and the mean quality of the scored calls', async () => {
    const reportOf = async (userId: number) => OperatorReport.parse((await c.admin.get(`/reports/operators?from=${today()}&to=${today()}&userId=${userId}`)).body).grandTotal;
    const first = await orderWithCall(c.op2, 30_000);
    const userId = first.order.assigneeId as number;
    const before = await reportOf(userId);
    const second = await orderWithCall(c.op2, 12_000);
    const items = await checklist(c.lead);
    const max = items.reduce((s, i) => s + i.points, 0);
    expect((await score(c.lead, first.callId, { answers: items.map((i) => ({ itemId: i.id, met: true })), comment: '' })).status).toBe(200);
    expect((await score(c.lead, second.callId, { answers: items.map((i, n) => ({ itemId: i.id, met: n === 0 })), comment: '' })).status).toBe(200);
    const after = await reportOf(userId);
    expect((after.talkSeconds ?? 0) - (before.talkSeconds ?? 0)).toBe(12);
    expect(after.quality?.scored).toBe((before.quality?.scored ?? 0) + 2);
    expect(before.quality?.scored).toBe(0);
    expect(after.quality?.ratio).toBeCloseTo((1 + (items[0]?.points ?? 0) / max) / 2);
    const csv = String((await c.admin.get(`/reports/operators.csv?from=${today()}&to=${today()}&userId=${userId}`)).body).replace(/^\uFEFF/, '').split('\r\n');
    const head = (csv[0] ?? '').split(';');
    expect(head.slice(-3)).toEqual(['Время разговора', 'Оценено звонков', 'Качество, %']);
    const total = (csv.find((l) => l.includes('Итого за период')) ?? '').split(';');
    expect(total[head.indexOf('Оценено звонков')]).toBe(String(after.quality?.scored));
  });
});
