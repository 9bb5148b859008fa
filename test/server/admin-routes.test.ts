/**
 * Administration against a real server process (PGlite): users (roles, teams, SIP, password
 * reset), teams, offers, scripts (JSON and Markdown upload), reasons, tariffs, center settings;
 * and every lead/admin route refused to an operator token (and admin routes to a lead).
 */
import { client } from './support/server-process';
import { useLiveServer } from './support/live-server';

jest.setTimeout(120_000);

const live = useLiveServer(['admin', 'leada', 'op1']);
const { t } = live;

const LEAD_ROUTES: Array<[string, string, unknown?]> = [
  ['GET', '/board'], ['POST', '/messages', { toUserId: 1, text: 'x' }], ['POST', '/orders/1/force-release', {}],
  ['PUT', '/admin/users/1/offers', { offerSkus: [] }], ['GET', '/admin/users/1/offers'], ['GET', '/reports/operators?from=2026-11-27&to=2026-11-28'],
  ['GET', '/reports/operators.csv?from=2026-11-27&to=2026-11-28'], ['GET', '/reports/operators.xlsx?from=2026-11-27&to=2026-11-28'],
  ['GET', '/reports/hourly?day=2026-11-27'], ['PUT', '/plans', { day: '2026-11-29', rows: [{ userId: 1, targetConfirmed: 1, targetCalls: 1 }] }],
  ['GET', '/plans?day=2026-11-29'],
];
const ADMIN_ROUTES: Array<[string, string, unknown?]> = [
  ['GET', '/admin/users'], ['POST', '/admin/users', { login: 'x', name: 'x', role: 'operator', password: 'xxxx' }],
  ['PATCH', '/admin/users/1', { name: 'x' }], ['DELETE', '/admin/users/99'], ['GET', '/admin/teams'], ['POST', '/admin/teams', { name: 'x' }],
  ['GET', '/admin/offers'], ['PUT', '/admin/offers/CREAM', { sku: 'CREAM', name: 'x', priceKop: 1, promo: { text: '', allowedDiscountsPct: [] }, active: true }],
  ['PUT', '/admin/scripts/CREAM', { sections: [], objections: [] }], ['GET', '/admin/reasons'],
  ['PUT', '/admin/reasons/x', { code: 'x', group: 'cancel', label: 'x', active: true, sort: 1 }],
  ['GET', '/admin/tariffs'], ['POST', '/admin/tariffs', { region: '*', method: 'post', carrier: 'x', priceKop: 1, daysMin: 1, daysMax: 2 }],
  ['PUT', '/admin/tariffs/1', { region: '*', method: 'post', carrier: 'x', priceKop: 1, daysMin: 1, daysMax: 2 }], ['DELETE', '/admin/tariffs/1'],
  ['GET', '/admin/settings'], ['PUT', '/admin/settings', { timeZone: 'Europe/Moscow' }],
];

test('an operator token gets 403 on every lead and admin route; a lead on every admin route', async () => {
  for (const [method, path, body] of [...LEAD_ROUTES, ...ADMIN_ROUTES]) {
    const r = await client(live.srv.url, t.op1).call(method, path, body);
    expect([method, path, r.status]).toEqual([method, path, 403]);
  }
  for (const [method, path, body] of ADMIN_ROUTES) {
    const r = await client(live.srv.url, t.leada).call(method, path, body);
    expect([method, path, r.status]).toEqual([method, path, 403]);
  }
});

test('users: create with team and SIP, duplicate refused, password reset ends sessions, deactivate', async () => {
  const admin = client(live.srv.url, t.admin);
  const team = await admin.post('/admin/teams', { name: 'Ночная смена' });
  expect(team.status).toBe(201);
  const created = await admin.post('/admin/users', {
    login: 'op9', name: 'Ольга Девятая', role: 'operator', teamId: team.body.id, password: 'first1',
    sipWsUrl: 'ws://127.0.0.1:8088', sipDomain: '127.0.0.1', sipUser: 'op9', sipPassword: 'sip9',
  });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ login: 'op9', role: 'operator', teamId: team.body.id, sipUser: 'op9', hasSipPassword: true, active: true });
  expect(created.body).not.toHaveProperty('sipPassword');
  expect((await admin.post('/admin/users', { login: 'op9', name: 'X', role: 'operator', password: 'xxxx' })).status).toBe(409);
  expect((await admin.post('/admin/users', { login: 'bad login', name: 'X', role: 'operator', password: 'xxxx' })).body.error.field).toBe('login');
  expect((await admin.post('/admin/users', { login: 'op10', name: 'X', role: 'boss', password: 'xxxx' })).status).toBe(400);
  expect((await admin.post('/admin/users', { login: 'op10', name: 'X', role: 'operator', password: 'xxxx', teamId: 9999 })).body.error.field).toBe('teamId');

  const token = await live.srv.login('op9', 'first1');
  expect((await client(live.srv.url, token).get('/plans/me')).status).toBe(200);
  const reset = await admin.call('PATCH', `/admin/users/${created.body.id}`, { password: 'second2', role: 'lead' });
  expect(reset.status).toBe(200);
  expect(reset.body.role).toBe('lead');
  expect((await client(live.srv.url, token).get('/plans/me')).status).toBe(401);
  await expect(live.srv.login('op9', 'first1')).rejects.toThrow(/401/);
  await live.srv.login('op9', 'second2');
  expect((await admin.call('PATCH', `/admin/users/${live.fx.admin}`, { role: 'operator' })).status).toBe(400);
  expect((await admin.call('PATCH', '/admin/users/99999', { name: 'Никто' })).status).toBe(404);
  expect((await admin.call('DELETE', `/admin/users/${created.body.id}`)).status).toBe(200);
  await expect(live.srv.login('op9', 'second2')).rejects.toThrow(/401/);
  const list = await admin.get('/admin/users');
  expect(list.body.users.find((u: { login: string }) => u.login === 'op1')).toMatchObject({ offerSkus: ['CREAM'], teamId: live.fx.teamA });
});

test('offers, scripts (JSON and Markdown), reasons', async () => {
  const admin = client(live.srv.url, t.admin);
  const offer = { sku: 'TEA-1', name: 'Чай для похудения', priceKop: 99_000, promo: { text: 'Второй — 50 %', allowedDiscountsPct: [0, 50, 100] }, active: true };
  expect((await admin.call('PUT', '/admin/offers/TEA-1', offer)).status).toBe(200);
  expect((await admin.call('PUT', '/admin/offers/TEA-1', { ...offer, priceKop: -1 })).body.error.field).toBe('priceKop');
  expect((await admin.call('PUT', '/admin/offers/TEA-2', offer)).status).toBe(400);
  expect((await admin.get('/admin/offers')).body.offers).toContainEqual(offer);

  const json = { sections: [{ key: 'greeting', title: 'Приветствие', body: 'Здравствуйте, {{customerName}}!' }], objections: [] };
  expect((await admin.call('PUT', '/admin/scripts/TEA-1', json)).body).toEqual({ offerSku: 'TEA-1', ...json });
  expect((await admin.call('PUT', '/admin/scripts/NOPE', json)).status).toBe(404);
  const md = '# Чай\n## Приветствие\nЗдравствуйте, {{customerName}}!\n\n## Презентация\nЧай на травах.\n## Возражения\n### Дорого\nКлючевые слова: дорого, цена\nСейчас скидка 50 %.\n### Подумаю\nО чём именно?\n';
  const up = await fetch(`${live.srv.url}/api/v1/admin/scripts/TEA-1/markdown`, { method: 'POST', headers: { 'content-type': 'text/markdown', authorization: `Bearer ${t.admin}` }, body: md });
  expect(up.status).toBe(200);
  const script = await up.json() as { sections: Array<{ title: string; body: string }>; objections: Array<{ title: string; keywords: string[]; body: string }> };
  expect(script.sections.map((s) => s.title)).toEqual(['Приветствие', 'Презентация']);
  expect(script.sections[0]?.body).toBe('Здравствуйте, {{customerName}}!');
  expect(script.objections).toEqual([
    expect.objectContaining({ title: 'Дорого', keywords: ['дорого', 'цена'], body: 'Сейчас скидка 50 %.' }),
    expect.objectContaining({ title: 'Подумаю', keywords: [], body: 'О чём именно?' }),
  ]);
  const empty = await fetch(`${live.srv.url}/api/v1/admin/scripts/TEA-1/markdown`, { method: 'POST', headers: { 'content-type': 'text/markdown', authorization: `Bearer ${t.admin}` }, body: 'просто текст' });
  expect(empty.status).toBe(400);

  const reason = { code: 'too_far', group: 'cancel', label: 'Далеко ехать за посылкой', active: true, sort: 70 };
  expect((await admin.call('PUT', '/admin/reasons/too_far', reason)).status).toBe(200);
  expect((await admin.get('/admin/reasons')).body.reasons).toContainEqual(reason);
  expect((await admin.call('PUT', '/admin/reasons/too_far', { ...reason, group: 'other' })).body.error.field).toBe('group');
});

test('tariffs and center settings', async () => {
  const admin = client(live.srv.url, t.admin);
  const created = await admin.post('/admin/tariffs', { region: 'Москва', method: 'courier', carrier: 'СДЭК', priceKop: 35_000, daysMin: 1, daysMax: 2 });
  expect(created.status).toBe(201);
  const id = created.body.id as number;
  expect((await admin.call('PUT', `/admin/tariffs/${id}`, { region: 'Москва', method: 'courier', carrier: 'СДЭК', priceKop: 39_000, daysMin: 1, daysMax: 3 })).body.priceKop).toBe(39_000);
  expect((await admin.post('/admin/tariffs', { region: 'Москва', method: 'courier', carrier: 'СДЭК', priceKop: 1, daysMin: 5, daysMax: 2 })).body.error.field).toBe('daysMax');
  expect((await admin.get('/admin/tariffs')).body.tariffs).toContainEqual({ id, region: 'Москва', method: 'courier', carrier: 'СДЭК', priceKop: 39_000, daysMin: 1, daysMax: 3 });
  expect((await admin.call('DELETE', `/admin/tariffs/${id}`)).status).toBe(200);
  expect((await admin.call('DELETE', `/admin/tariffs/${id}`)).status).toBe(404);

  expect((await admin.get('/admin/settings')).body).toEqual({ timeZone: 'Europe/Moscow', workingHours: null, alerts: { longCallMin: 10, longBreakMin: 15, noAnswerStreak: 5 }, pbxVerifiedCalls: false, nonBuyerReturns: 2, blacklistAction: 'hold',
    // jest.config.js: servers under test call around the clock unless a window is stored
    callingWindow: { start: '00:00', end: '24:00' } });
  expect((await admin.call('PUT', '/admin/settings', { timeZone: 'Mars/Olympus' })).body.error.field).toBe('timeZone');
  expect((await admin.call('PUT', '/admin/settings', { workingHours: { start: '9:00', end: '21:00' } })).status).toBe(400);
  const saved = await admin.call('PUT', '/admin/settings', { timeZone: 'Asia/Yekaterinburg', workingHours: { start: '09:00', end: '21:00' }, alerts: { longCallMin: 8, longBreakMin: 20, noAnswerStreak: 4 } });
  expect(saved.body).toEqual({ timeZone: 'Asia/Yekaterinburg', workingHours: { start: '09:00', end: '21:00' }, alerts: { longCallMin: 8, longBreakMin: 20, noAnswerStreak: 4 }, pbxVerifiedCalls: false, nonBuyerReturns: 2, blacklistAction: 'hold',
    callingWindow: { start: '00:00', end: '24:00' } });
  expect((await admin.call('PUT', '/admin/settings', { callingWindow: { start: '21:00', end: '09:00' } })).status).toBe(400);
  expect((await admin.call('PUT', '/admin/settings', { callingWindow: { start: '10:00', end: '20:00' } })).body.callingWindow).toEqual({ start: '10:00', end: '20:00' });
  expect((await admin.call('PUT', '/admin/settings', { callingWindow: { start: '00:00', end: '24:00' } })).status).toBe(200);
  const board = await client(live.srv.url, t.leada).get('/board');
  expect(board.body.thresholds).toEqual({ longCallMin: 8, longBreakMin: 20, noAnswerStreak: 4 });
  const report = await client(live.srv.url, t.leada).get('/reports/hourly?day=2026-11-27');
  expect(report.body.timeZone).toBe('Asia/Yekaterinburg');
});

test('fuzz: random bodies and queries on lead/admin routes never give a 5xx, always a named 4xx', async () => {
  const fc = await import('fast-check');
  const admin = client(live.srv.url, t.admin);
  const bodyRoutes: Array<[string, string]> = [
    ['POST', '/messages'], ['PUT', '/admin/users/1/offers'], ['PUT', '/plans'], ['POST', '/admin/users'], ['PATCH', `/admin/users/${live.fx.op2}`],
    ['POST', '/admin/teams'], ['PUT', '/admin/offers/FUZZ'], ['PUT', '/admin/scripts/CREAM'], ['PUT', '/admin/reasons/fuzz'],
    ['POST', '/admin/tariffs'], ['PUT', '/admin/settings'],
  ];
  const junk = fc.oneof(
    fc.anything({ maxDepth: 2 }),
    fc.record({ toUserId: fc.oneof(fc.integer(), fc.double(), fc.string()), text: fc.string({ maxLength: 3000 }), day: fc.string(), rows: fc.array(fc.anything({ maxDepth: 1 })) }, { requiredKeys: [] }),
    fc.record({ login: fc.string({ unit: 'binary' }), name: fc.string({ unit: 'binary', maxLength: 500 }), role: fc.string(), password: fc.string(), teamId: fc.oneof(fc.integer(), fc.constant(null)) }, { requiredKeys: [] }),
    fc.record({ sku: fc.string(), priceKop: fc.oneof(fc.integer(), fc.double()), daysMin: fc.integer(), daysMax: fc.integer(), timeZone: fc.string(), alerts: fc.anything({ maxDepth: 1 }) }, { requiredKeys: [] }),
  );
  await fc.assert(fc.asyncProperty(fc.constantFrom(...bodyRoutes), junk, async ([method, path], body) => {
    const r = await admin.call(method, path, body === undefined ? null : body);
    if (r.status >= 400) {
      expect(r.status).toBeLessThan(500);
      expect(typeof r.body.error.code).toBe('string');
      expect(typeof r.body.error.message).toBe('string');
    }
  }), { numRuns: 150 });
  const queryRoutes = ['/reports/operators', '/reports/operators.csv', '/reports/hourly', '/plans', '/board'];
  await fc.assert(fc.asyncProperty(fc.constantFrom(...queryRoutes), fc.dictionary(fc.constantFrom('from', 'to', 'day', 'teamId', 'userId', 'offerSku', 'granularity', 'trendDays'), fc.oneof(fc.string(), fc.integer().map(String), fc.string({ unit: 'binary', maxLength: 50 }))), async (path, q) => {
    const r = await admin.get(`${path}?${new URLSearchParams(q).toString()}`);
    expect(r.status).toBeLessThan(500);
  }), { numRuns: 100 });
});
