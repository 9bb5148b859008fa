/**
 * The lead's board and tools against a real server process (PGlite): board rows of the lead's
 * team only, queue sizes by the shared tab rule, the SIP alert, plans (form, CSV with per-line
 * errors, the operator's own progress) and reading and changing an operator's offers.
 */
import { queueTabOf } from '../../shared/domain/tabs';
import { localDayKeyOf } from '../../shared/domain/reports';
import { client } from './support/server-process';
import { LiveClient } from './support/live-fixture';
import { useLiveServer } from './support/live-server';

jest.setTimeout(120_000);

const live = useLiveServer(['admin', 'leada', 'leadb', 'op1', 'op3']);
const { t } = live;

describe('board', () => {
  test("rows of the lead's team, queue sizes per tab, alerts", async () => {
    const op1 = await LiveClient.open(live.srv.url, t.op1);
    await op1.next((m) => m.type === 'welcome');
    op1.send({ type: 'state', state: 'ready', sipRegistered: false });
    const lead = client(live.srv.url, t.leada);
    let board = await lead.get('/board');
    const deadline = Date.now() + 10_000;
    while (board.body.agents.find((a: { userId: number }) => a.userId === live.fx.op1).state !== 'ready' && Date.now() < deadline) board = await lead.get('/board');
    expect(board.status).toBe(200);
    expect(board.body.agents.map((a: { userId: number }) => a.userId).sort()).toEqual([live.fx.op1, live.fx.op2].sort());
    const row = board.body.agents.find((a: { userId: number }) => a.userId === live.fx.op1);
    // Today's counters: the fixture's night (28.11 MSK) holds 1 answered call, 1 confirmation, 2 processed orders.
    const fixtureNightIsToday = localDayKeyOf(new Date(), 'Europe/Moscow') === '2026-11-28';
    const counters = fixtureNightIsToday
      ? { calls: 1, answered: 1, confirmed: 1, processed: 2, noAnswerStreak: 0 }
      : { calls: 0, answered: 0, confirmed: 0, processed: 0, noAnswerStreak: 0 };
    expect(row).toMatchObject({ state: 'ready', sipRegistered: false, login: 'op1', counters });
    expect(board.body.alerts).toEqual([{ userId: live.fx.op1, kind: 'sipUnregistered' }]);
    expect(board.body.thresholds).toEqual({ longCallMin: 10, longBreakMin: 15, noAnswerStreak: 5 });
    const noAnswerTab = queueTabOf({ status: 'no_answer', createdAt: '2026-11-27T10:00:00Z', failedAttempts: 0 }, new Date(), 'Europe/Moscow') as string;
    expect(board.body.queue).toMatchObject({ new: 1, inWork: 2, [noAnswerTab]: 1 });
    expect(Object.values(board.body.queue as Record<string, number>).reduce((s, n) => s + n, 0)).toBe(4);

    expect((await client(live.srv.url, t.leadb).get('/board')).body.agents.map((a: { userId: number }) => a.userId)).toEqual([live.fx.op3]);
    expect((await client(live.srv.url, t.admin).get('/board')).body.agents).toHaveLength(3);
    expect((await client(live.srv.url, t.leadb).get(`/board?teamId=${live.fx.teamA}`)).status).toBe(403);
    expect((await client(live.srv.url, t.op1).get('/board')).status).toBe(403);
    expect((await client(live.srv.url).get('/board')).status).toBe(401);
    op1.close();
  });
});

describe('plans', () => {
  test('form: own team only; the operator sees its progress', async () => {
    const lead = client(live.srv.url, t.leada);
    const put = await lead.call('PUT', '/plans', { day: '2026-12-01', rows: [{ userId: live.fx.op1, targetConfirmed: 12, targetCalls: 80 }] });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ day: '2026-12-01', saved: 1 });
    expect((await lead.call('PUT', '/plans', { day: '2026-12-01', rows: [{ userId: live.fx.op3, targetConfirmed: 1, targetCalls: 1 }] })).status).toBe(403);
    expect((await lead.call('PUT', '/plans', { day: '2026-12-01', rows: [{ userId: live.fx.op1, targetConfirmed: -1, targetCalls: 1 }] })).status).toBe(400);
    expect((await client(live.srv.url, t.op1).call('PUT', '/plans', { day: '2026-12-01', rows: [{ userId: live.fx.op1, targetConfirmed: 1, targetCalls: 1 }] })).status).toBe(403);
    const me = await client(live.srv.url, t.op1).get('/plans/me?day=2026-12-01');
    expect(me.body).toEqual({ day: '2026-12-01', targetConfirmed: 12, targetCalls: 80, confirmed: 0, calls: 0, confirmedRatio: 0, processed: 0, approvalRate: null });
    const past = await client(live.srv.url, t.op1).get('/plans/me?day=2026-11-27');
    expect(past.body).toMatchObject({ targetConfirmed: 2, confirmed: 1, calls: 3, confirmedRatio: 0.5, processed: 2, approvalRate: 0.5 });
    expect((await client(live.srv.url, t.op1).get('/plans/me?day=yesterday')).status).toBe(400);
  });

  test('CSV upload: clear per-line errors, nothing saved; then a good file', async () => {
    const csv = (body: string, token = t.leada) => fetch(`${live.srv.url}/api/v1/plans/csv?day=2026-12-02`, {
      method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` }, body,
    }).then(async (r) => ({ status: r.status, body: await r.json() as { day?: string; error?: { code: string }; saved?: number; errors?: Array<{ line: number; message: string }> } }));
    const bad = await csv('login;targetConfirmed;targetCalls\nop1;10;abc\nop3;5;50\nnobody;1;1\nop2;1\nop2;3;30\n');
    expect(bad.status).toBe(200);
    expect(bad.body.day).toBe('2026-12-02');
    expect(bad.body.saved).toBe(0);
    expect(bad.body.errors?.map((l) => l.line)).toEqual([2, 3, 4, 5]);
    expect(bad.body.errors?.[0]?.message).toMatch(/строка 2: план звонков «abc»/);
    expect(bad.body.errors?.[1]?.message).toMatch(/строка 3: .*op3.*не найден в вашей команде/);
    expect(bad.body.errors?.[2]?.message).toMatch(/строка 4: .*nobody.*не найден/);
    expect(bad.body.errors?.[3]?.message).toMatch(/строка 5: нужно 3 поля/);
    const plans = await client(live.srv.url, t.leada).get('/plans?day=2026-12-02');
    expect(plans.body.rows).toEqual([]);
    const many = await csv(Array.from({ length: 150 }, (_, i) => `op1;${i};x`).join('\n'));
    expect([many.status, many.body.saved, many.body.errors?.length]).toEqual([200, 0, 150]);
    const empty = await csv('\n\n');
    expect([empty.status, empty.body.error?.code]).toEqual([400, 'invalid_csv']);
    const good = await csv('\uFEFFop1;10;70\r\nop2;8;60\r\n');
    expect(good.status).toBe(200);
    expect(good.body.saved).toBe(2);
    const after = await client(live.srv.url, t.leada).get('/plans?day=2026-12-02');
    expect(after.body.rows.map((r: { login: string; targetConfirmed: number }) => [r.login, r.targetConfirmed]).sort()).toEqual([['op1', 10], ['op2', 8]]);
    expect((await csv('op1;1;1', t.op1)).status).toBe(403);
    expect((await client(live.srv.url, t.leadb).get(`/plans?day=2026-12-02&teamId=${live.fx.teamA}`)).status).toBe(403);
  });
});

describe("an operator's offers", () => {
  test('lead changes its operators only; unknown products refused', async () => {
    const lead = client(live.srv.url, t.leada);
    const ok = await lead.call('PUT', `/admin/users/${live.fx.op1}/offers`, { offerSkus: ['CREAM'] });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ userId: live.fx.op1, offerSkus: ['CREAM'] });
    expect((await lead.call('PUT', `/admin/users/${live.fx.op3}/offers`, { offerSkus: [] })).status).toBe(403);
    const unknown = await lead.call('PUT', `/admin/users/${live.fx.op1}/offers`, { offerSkus: ['NOPE'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('offerSkus');
    expect((await client(live.srv.url, t.op1).call('PUT', `/admin/users/${live.fx.op1}/offers`, { offerSkus: [] })).status).toBe(403);
    expect((await client(live.srv.url, t.admin).call('PUT', `/admin/users/${live.fx.op3}/offers`, { offerSkus: [] })).body).toEqual({ userId: live.fx.op3, offerSkus: [] });
  });

  test('reading the current offers: a lead its operators only, an admin anyone, an operator nobody', async () => {
    const admin = client(live.srv.url, t.admin);
    expect((await admin.call('PUT', '/admin/offers/BALM', { sku: 'BALM', name: 'Бальзам', priceKop: 90_000, promo: { text: '', allowedDiscountsPct: [] }, active: true })).status).toBe(200);
    expect((await admin.call('PUT', `/admin/users/${live.fx.op2}/offers`, { offerSkus: ['CREAM', 'BALM'] })).status).toBe(200);
    expect((await admin.call('PUT', `/admin/users/${live.fx.op3}/offers`, { offerSkus: ['CREAM'] })).status).toBe(200);
    const lead = client(live.srv.url, t.leada);
    const mine = await lead.get(`/admin/users/${live.fx.op2}/offers`);
    expect([mine.status, mine.body]).toEqual([200, { userId: live.fx.op2, offerSkus: ['BALM', 'CREAM'] }]);
    expect((await client(live.srv.url, t.leadb).get(`/admin/users/${live.fx.op3}/offers`)).body).toEqual({ userId: live.fx.op3, offerSkus: ['CREAM'] });
    const otherTeam = await lead.get(`/admin/users/${live.fx.op3}/offers`);
    expect([otherTeam.status, otherTeam.body.error.code]).toEqual([403, 'forbidden']);
    expect((await client(live.srv.url, t.leadb).get(`/admin/users/${live.fx.op2}/offers`)).status).toBe(403);
    expect((await lead.get(`/admin/users/${live.fx.leadA}/offers`)).status).toBe(403);
    expect((await lead.get(`/admin/users/${live.fx.admin}/offers`)).status).toBe(403);
    expect((await client(live.srv.url, t.op1).get(`/admin/users/${live.fx.op1}/offers`)).status).toBe(403);
    expect((await client(live.srv.url, t.op1).get(`/admin/users/${live.fx.op2}/offers`)).status).toBe(403);
    expect((await admin.get(`/admin/users/${live.fx.op3}/offers`)).body).toEqual({ userId: live.fx.op3, offerSkus: ['CREAM'] });
    expect((await admin.get(`/admin/users/${live.fx.op2}/offers`)).body).toEqual({ userId: live.fx.op2, offerSkus: ['BALM', 'CREAM'] });
    expect((await admin.get('/admin/users/999999/offers')).status).toBe(404);
    const badId = await admin.get('/admin/users/abc/offers');
    expect([badId.status, badId.body.error.code]).toEqual([400, 'invalid_input']);
    expect((await fetch(`${live.srv.url}/api/v1/admin/users/${live.fx.op2}/offers`)).status).toBe(401);
  });
});
