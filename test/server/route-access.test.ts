/**
 * Roles are declared on every route (`config.access`, server/auth/access.ts) and enforced by one
 * hook. 1) Every registered route declares its access and this file's table names every route
 * (a new route fails here until it is added). 2) Per route and caller (anonymous, operator,
 * lead, admin): anonymous 401, a role not allowed 403 `forbidden`, an allowed role gets past the
 * access layer (neither 401 nor 403). In-process app on PostgreSQL with the live fixture.
 */
import Fastify, { type RouteOptions } from 'fastify';
import websocket from '@fastify/websocket';
import type { Role } from '../../shared/api/http';
import { registerApi } from '../../server/app';
import { ServerConfig } from '../../server/config';
import { LoginRateLimiter } from '../../server/auth/rate-limit';
import type { RouteAccess } from '../../server/auth/access';
import { createBus, type Bus } from '../../server/live/bus';
import type { Db } from '../../server/db/db';
import { openPg } from '../../server/db/pg-db';
import { appOn, fixtureSchema, tokenOf, type InProcessApp } from './support/in-process-app';
import { PASSWORD, type Fixture } from './support/live-fixture-seed';
import { INGEST_KEY, PG_URL, client } from './support/server-process';

jest.setTimeout(120_000);

type Allow = 'public' | 'apiKey' | 'integrationKey' | 'pbxKey' | 'socket' | readonly Role[];
type Row = { allow: Allow; url?: (fx: Fixture) => string; payload?: unknown; contentType?: string };

const ANY: readonly Role[] = ['operator', 'lead', 'admin'];
const LEADS: readonly Role[] = ['lead', 'admin'];
const ADMIN: readonly Role[] = ['admin'];
const OPERATOR: readonly Role[] = ['operator'];
const NO_USER = 999_999;

/** Every route of the API (without the /api/v1 prefix): who may call it and a request to send. */
const TABLE: Record<string, Row> = {
  'GET /health': { allow: 'public' },
  'POST /auth/login': { allow: 'public', payload: {} },
  'POST /auth/logout': { allow: ANY, payload: {} },
  'GET /live': { allow: 'socket' },
  'GET /agent/state': { allow: ANY },
  'POST /orders': { allow: 'apiKey', payload: {} },
  'GET /integrations/changes': { allow: 'integrationKey' },
  'POST /shipments': { allow: 'apiKey', payload: {} },
  'POST /shipments/batch': { allow: 'apiKey', payload: {} },
  'GET /admin/blacklist': { allow: ADMIN },
  'POST /admin/blacklist': { allow: ADMIN, payload: {} },
  'DELETE /admin/blacklist/:id': { allow: ADMIN, url: () => `/admin/blacklist/${NO_USER}` },
  'GET /held-orders': { allow: LEADS },
  'POST /held-orders/:id/decide': { allow: LEADS, url: () => `/held-orders/${NO_USER}/decide`, payload: {} },
  'GET /admin/webhooks': { allow: ADMIN },
  'POST /admin/webhooks': { allow: ADMIN, payload: {} },
  'PATCH /admin/webhooks/:id': { allow: ADMIN, url: () => `/admin/webhooks/${NO_USER}`, payload: {} },
  'DELETE /admin/webhooks/:id': { allow: ADMIN, url: () => `/admin/webhooks/${NO_USER}` },
  'GET /admin/webhooks/:id/deliveries': { allow: ADMIN, url: () => `/admin/webhooks/${NO_USER}/deliveries` },
  'POST /admin/webhooks/:id/replay-dead': { allow: ADMIN, url: () => `/admin/webhooks/${NO_USER}/replay-dead`, payload: {} },
  'POST /admin/webhooks/deliveries/:id/replay': { allow: ADMIN, url: () => `/admin/webhooks/deliveries/${NO_USER}/replay`, payload: {} },
  'POST /pbx/events': { allow: 'pbxKey', payload: {} },
  'GET /pbx/flags': { allow: LEADS, url: () => '/pbx/flags?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z' },
  'GET /quality/items': { allow: LEADS },
  'POST /admin/quality/items': { allow: ADMIN, payload: {} },
  'PUT /admin/quality/items/:id': { allow: ADMIN, url: () => `/admin/quality/items/${NO_USER}`, payload: {} },
  'GET /quality/calls': { allow: LEADS, url: () => '/quality/calls?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z' },
  'PUT /quality/calls/:callId/score': { allow: LEADS, url: () => '/quality/calls/none/score', payload: {} },
  'GET /center/context': { allow: ANY },
  'GET /board': { allow: LEADS },
  'POST /messages': { allow: LEADS, payload: {} },
  'POST /orders/:id/force-release': { allow: LEADS, url: () => `/orders/${NO_USER}/force-release`, payload: {} },
  'GET /reports/operators': { allow: LEADS },
  'GET /reports/operators.csv': { allow: LEADS },
  'GET /reports/operators.xlsx': { allow: LEADS },
  'GET /reports/hourly': { allow: LEADS },
  'GET /reports/buffer.csv': { allow: LEADS },
  'GET /reports/buffer.xlsx': { allow: LEADS },
  'PUT /plans': { allow: LEADS, payload: {} },
  'POST /plans/csv': { allow: LEADS, payload: '', contentType: 'text/csv' },
  'GET /plans': { allow: LEADS },
  'GET /plans/me': { allow: ANY },
  'GET /admin/users': { allow: ADMIN },
  'GET /admin/users/:id/offers': { allow: LEADS, url: (fx) => `/admin/users/${fx.op1}/offers` },
  'PUT /admin/users/:id/offers': { allow: LEADS, url: (fx) => `/admin/users/${fx.op1}/offers`, payload: { offerSkus: ['CREAM'] } },
  'POST /admin/users': { allow: ADMIN, payload: {} },
  'PATCH /admin/users/:id': { allow: ADMIN, url: () => `/admin/users/${NO_USER}`, payload: {} },
  'DELETE /admin/users/:id': { allow: ADMIN, url: () => `/admin/users/${NO_USER}` },
  'GET /admin/teams': { allow: ADMIN },
  'POST /admin/teams': { allow: ADMIN, payload: {} },
  'GET /admin/offers': { allow: ADMIN },
  'PUT /admin/offers/:sku': { allow: ADMIN, url: () => '/admin/offers/CREAM', payload: {} },
  'PUT /admin/scripts/:sku': { allow: ADMIN, url: () => '/admin/scripts/CREAM', payload: {} },
  'POST /admin/scripts/:sku/markdown': { allow: ADMIN, url: () => '/admin/scripts/CREAM/markdown', payload: '', contentType: 'text/markdown' },
  'GET /admin/reasons': { allow: ADMIN },
  'PUT /admin/reasons/:code': { allow: ADMIN, url: () => '/admin/reasons/x', payload: {} },
  'GET /admin/tariffs': { allow: ADMIN },
  'POST /admin/tariffs': { allow: ADMIN, payload: {} },
  'PUT /admin/tariffs/:id': { allow: ADMIN, url: () => `/admin/tariffs/${NO_USER}`, payload: {} },
  'DELETE /admin/tariffs/:id': { allow: ADMIN, url: () => `/admin/tariffs/${NO_USER}` },
  'GET /admin/settings': { allow: ADMIN },
  'PUT /admin/settings': { allow: ADMIN, payload: { nothing: true } },
  'GET /orders/:id': { allow: ANY, url: (fx) => `/orders/${fx.orders.heldByOp1}` },
  'GET /orders/:id/history': { allow: ANY, url: (fx) => `/orders/${fx.orders.heldByOp1}/history` },
  'POST /orders/:id/claim': { allow: OPERATOR, url: () => `/orders/${NO_USER}/claim`, payload: {} },
  'POST /orders/:id/release': { allow: ANY, url: () => `/orders/${NO_USER}/release`, payload: {} },
  'GET /customers/by-phone/:phone': { allow: ANY, url: () => '/customers/by-phone/%2B79161234567' },
  'GET /queue': { allow: ANY },
  'GET /queue/:tab': { allow: ANY, url: () => '/queue/new' },
  'POST /queue/next': { allow: OPERATOR, payload: {} },
  'POST /sync/push': { allow: ANY, payload: {} },
  'GET /sync/pull': { allow: ANY },
  'GET /reasons': { allow: ANY },
  'GET /offers': { allow: ANY },
  'GET /scripts/:offerSku': { allow: ANY, url: () => '/scripts/CREAM' },
  'GET /delivery/options': { allow: ANY, url: (fx) => `/delivery/options?orderId=${fx.orders.heldByOp1}` },
  'GET /address/suggest': { allow: ANY, url: () => '/address/suggest?q=Мос&level=region' },
};

const PREFIX = '/api/v1';
const keyOf = (r: { method: string; url: string }) => `${r.method} ${r.url.slice(PREFIX.length)}`;

describe('every route declares its access', () => {
  let conn: Db;
  let bus: Bus;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const s = await fixtureSchema();
    drop = s.drop;
    conn = await openPg(PG_URL, s.schema);
    bus = await createBus(conn);
  });
  afterAll(async () => {
    await bus?.close();
    await conn?.close();
    await drop?.();
  });

  /** A bare app with the API registered as buildApp registers it, and an onRoute collector. */
  const collect = async (routes: RouteOptions[]) => {
    const app = Fastify();
    await app.register(websocket);
    app.addHook('onRoute', (r) => { if (r.method !== 'HEAD') routes.push(r); });
    await registerApi(app, { db: conn, config: ServerConfig.parse({}), bus, now: () => new Date(), loginLimiter: new LoginRateLimiter(conn) });
    return app;
  };

  test('the declarations of the registered routes are the table', async () => {
    const routes: RouteOptions[] = [];
    const app = await collect(routes);
    await app.ready();
    await app.close();
    const declared = Object.fromEntries(routes.map((r) => [keyOf({ method: String(r.method), url: r.url }), (r.config as { access?: RouteAccess } | undefined)?.access]));
    expect(Object.entries(declared).filter(([, x]) => x === undefined).map(([k]) => k)).toEqual([]);
    expect(Object.keys(declared).sort()).toEqual(Object.keys(TABLE).sort());
    for (const [key, access] of Object.entries(declared)) {
      const want = (TABLE[key] as Row).allow;
      const got = typeof access === 'string' ? access : [...(access as { roles: readonly Role[] }).roles].sort();
      expect({ key, got }).toEqual({ key, got: typeof want === 'string' ? want : [...want].sort() });
    }
  });

  test('a route without a declaration fails the registration', async () => {
    const app = await collect([]);
    let refused: unknown = null;
    try {
      app.get('/undeclared', async () => ({ ok: true }));
      await app.ready();
    } catch (e) {
      refused = e;
    }
    expect(String(refused)).toMatch(/GET \/undeclared declares no config.access/);
    await app.close().catch(() => undefined);
  });
});

describe('refusals per route and role', () => {
  let a: InProcessApp;
  let fx: Fixture;
  let drop: () => Promise<void>;
  const tokens: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    const s = await fixtureSchema();
    fx = s.fx;
    drop = s.drop;
    a = await appOn(s.schema);
    tokens.operator = await tokenOf(a.url, 'op1', PASSWORD);
    tokens.lead = await tokenOf(a.url, 'leada', PASSWORD);
    tokens.admin = await tokenOf(a.url, 'admin', PASSWORD);
  });
  afterAll(async () => {
    await a?.close();
    await drop?.();
  });

  const send = async (key: string, row: Row, headers: Record<string, string>) => {
    const [method, path] = key.split(' ') as [string, string];
    const payload = row.payload;
    const r = await client(a.url).call(method, row.url ? row.url(fx) : path, payload, {
      ...headers, ...(payload === undefined ? {} : { 'content-type': row.contentType ?? 'application/json' }),
    });
    return { status: r.status, code: r.body?.error?.code as string | undefined };
  };

  const roleRows = Object.entries(TABLE).filter(([k, r]) => typeof r.allow !== 'string' && k !== 'POST /auth/logout');
  test.each(roleRows)('%s', async (key, row) => {
    expect(await send(key, row, {})).toEqual({ status: 401, code: 'unauthorized' });
    for (const role of ANY) {
      const r = await send(key, row, { authorization: `Bearer ${tokens[role]}` });
      const allowed = (row.allow as readonly Role[]).includes(role);
      if (allowed) expect({ role, refused: r.status === 401 || r.status === 403, r }).toMatchObject({ role, refused: false });
      else expect({ role, r }).toEqual({ role, r: { status: 403, code: 'forbidden' } });
    }
  });

  test('POST /auth/logout: 401 without a session; every role may end its own', async () => {
    expect(await send('POST /auth/logout', TABLE['POST /auth/logout'] as Row, {})).toEqual({ status: 401, code: 'unauthorized' });
    for (const login of ['op2', 'leadb', 'admin']) {
      const token = await tokenOf(a.url, login, PASSWORD);
      expect((await send('POST /auth/logout', TABLE['POST /auth/logout'] as Row, { authorization: `Bearer ${token}` })).status).toBe(200);
      expect((await send('GET /queue', TABLE['GET /queue'] as Row, { authorization: `Bearer ${token}` })).status).toBe(401);
    }
  });

  test('public routes need no session; the ingest route needs the API key, not a session', async () => {
    expect((await send('GET /health', TABLE['GET /health'] as Row, {})).status).toBe(200);
    expect((await send('POST /auth/login', TABLE['POST /auth/login'] as Row, {})).status).toBe(400);
    const ingest = TABLE['POST /orders'] as Row;
    expect(await send('POST /orders', ingest, {})).toEqual({ status: 401, code: 'bad_api_key' });
    expect(await send('POST /orders', ingest, { authorization: `Bearer ${tokens.admin}` })).toEqual({ status: 401, code: 'bad_api_key' });
    expect((await send('POST /orders', ingest, { 'x-api-key': INGEST_KEY })).status).toBe(400);
  });

  test('a lead without a team is refused on team-scoped routes before the handler', async () => {
    await a.db.query("UPDATE users SET team_id = NULL WHERE login = 'leadb'");
    const token = await tokenOf(a.url, 'leadb', PASSWORD);
    const r = await client(a.url, token).get('/board');
    expect([r.status, r.body.error.message]).toEqual([403, 'Руководитель не привязан к команде']);
  });
});

describe('a lead manages the offers of the operators of its team only (GET and PUT alike)', () => {
  let a: InProcessApp;
  let fx: Fixture;
  let drop: () => Promise<void>;
  let lead: ReturnType<typeof client>;

  beforeAll(async () => {
    const s = await fixtureSchema();
    fx = s.fx;
    drop = s.drop;
    a = await appOn(s.schema);
    lead = client(a.url, await tokenOf(a.url, 'leada', PASSWORD));
  });
  afterAll(async () => {
    await a?.close();
    await drop?.();
  });

  test('an operator of its team: both work', async () => {
    expect((await lead.call('PUT', `/admin/users/${fx.op1}/offers`, { offerSkus: [] })).status).toBe(200);
    expect((await lead.get(`/admin/users/${fx.op1}/offers`)).body).toEqual({ userId: fx.op1, offerSkus: [] });
  });

  test.each([
    ['itself', (f: Fixture) => f.leadA],
    ['an admin', (f: Fixture) => f.admin],
    ['another lead', (f: Fixture) => f.leadB],
    ['an operator of another team', (f: Fixture) => f.op3],
  ])('%s: the PUT is refused like the GET and changes nothing', async (_who, target) => {
    const id = target(fx);
    const before = (await a.db.query('SELECT offer_sku FROM user_offers WHERE user_id = $1', [id])).rows;
    const put = await lead.call('PUT', `/admin/users/${id}/offers`, { offerSkus: ['CREAM'] });
    const get = await lead.get(`/admin/users/${id}/offers`);
    expect([put.status, put.body.error.code]).toEqual([403, 'forbidden']);
    expect([get.status, get.body.error.code]).toEqual([403, 'forbidden']);
    expect((await a.db.query('SELECT offer_sku FROM user_offers WHERE user_id = $1', [id])).rows).toEqual(before);
  });
});
