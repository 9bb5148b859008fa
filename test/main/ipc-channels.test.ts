/**
 * The typed lead/admin channels: every contract channel has a handler in main, no channel carries
 * a free path, the routes main builds stay inside their route (no `..`, parameters URI-encoded),
 * and a server reply that violates the channel's response schema answers `bad_response`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { createHandlers } from '../../main/ipc/handlers';
import { createDispatcher, type Handlers } from '../../main/ipc/ipc-core';
import { callRoute, reportExportPath, serverRoutes, type RouteChannel } from '../../main/ipc/server-routes';
import { MainServices } from '../../main/services/main-services';
import { HttpClient } from '../../main/sync/http-client';
import { FileTokenStore } from '../../main/sync/token-store';
import { channels, type ChannelName } from '../../shared/ipc/contract';
import { leadChannels } from '../../shared/ipc/lead-channels';
import { rmTmp, tmpDir } from './fixtures';

const trusted = { id: 1, url: 'file:///app/index.html' };
const base = 'http://127.0.0.1:9';
/** The path the server will see for a built route path (URL normalization applied). */
const served = (p: string) => new URL(`/api/v1${p}`, base).pathname;

describe('channels and handlers', () => {
  let dir: string;
  beforeAll(() => { dir = tmpDir(); });
  afterAll(() => rmTmp(dir));

  test('every contract channel has exactly one handler in main, and nothing else is handled', () => {
    const services = new MainServices({ dataDir: path.join(dir, 'data'), tokenStore: new FileTokenStore(path.join(dir, 'session.json')), emit: () => undefined });
    const handlers = createHandlers(services);
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(channels).sort());
    for (const name of Object.keys(channels)) expect([name, typeof handlers[name as ChannelName]]).toEqual([name, 'function']);
  });

  test('every lead/admin channel has its route; the free path channel is gone', () => {
    expect(Object.keys(serverRoutes).sort()).toEqual(Object.keys(leadChannels).filter((c) => c !== 'server.download').sort());
    expect(Object.keys(channels)).not.toContain('server.request');
  });

  test.each(Object.keys(leadChannels) as (keyof typeof leadChannels)[])('%s refuses a free `path`/`method` in its request', (name) => {
    const schema = channels[name].req;
    expect(schema.safeParse({ path: '/admin/users', method: 'DELETE' }).success).toBe(false);
  });
});

describe('routes main builds', () => {
  const route = <C extends RouteChannel>(c: C, req: unknown) => (serverRoutes[c] as (r: unknown) => { method: string; path: string; query?: unknown; body?: unknown })(channels[c].req.parse(req));

  test('known requests go to their route with their parameters', () => {
    expect(route('lead.board', {})).toEqual({ method: 'GET', path: '/board', query: { teamId: undefined } });
    expect(route('lead.forceRelease', { orderId: 777 })).toMatchObject({ method: 'POST', path: '/orders/777/force-release' });
    expect(route('lead.setUserOffers', { userId: 3, offerSkus: ['BALM'] })).toEqual({ method: 'PUT', path: '/admin/users/3/offers', body: { offerSkus: ['BALM'] } });
    expect(route('admin.updateUser', { id: 5, patch: { name: 'Анна' } })).toEqual({ method: 'PATCH', path: '/admin/users/5', body: { name: 'Анна' } });
    expect(route('admin.saveTariff', { id: null, tariff: { region: 'Москва', method: 'courier', carrier: 'СДЭК', priceKop: 100, daysMin: 1, daysMax: 2 } })).toMatchObject({ method: 'POST', path: '/admin/tariffs' });
    expect(route('admin.deleteTariff', { id: 7 })).toEqual({ method: 'DELETE', path: '/admin/tariffs/7' });
    expect(route('plans.uploadCsv', { day: '2026-12-01', csv: 'a;1;2' })).toEqual({ method: 'POST', path: '/plans/csv', query: { day: '2026-12-01' }, body: 'a;1;2' });
    expect(route('plans.mine', { day: '2026-12-01' })).toEqual({ method: 'GET', path: '/plans/me', query: { day: '2026-12-01' } });
    expect(reportExportPath(channels['server.download'].req.parse({ report: 'operators', format: 'xlsx', query: { from: '2026-11-01', to: '2026-11-02', userId: 5, offerSku: 'A.B-1' } })))
      .toBe('/reports/operators.xlsx?from=2026-11-01&to=2026-11-02&userId=5&offerSku=A.B-1&granularity=day');
  });

  test('a `..` or `.` step cannot be expressed: refused by the schema, never a path that leaves its route', () => {
    const offer = { name: 'x', priceKop: 1, promo: { text: '', allowedDiscountsPct: [] }, active: true };
    for (const sku of ['..', '.', '../admin', 'a/b', '%2e%2e']) {
      expect([sku, channels['admin.saveOffer'].req.safeParse({ ...offer, sku }).success]).toEqual([sku, false]);
      expect([sku, channels['admin.scriptMarkdown'].req.safeParse({ sku, markdown: '## a' }).success]).toEqual([sku, false]);
    }
    expect(channels['admin.saveReason'].req.safeParse({ code: '..', group: 'cancel', label: 'x', active: true, sort: 1 }).success).toBe(false);
    expect(channels['lead.userOffers'].req.safeParse({ userId: '3/../../auth' }).success).toBe(false);
    expect(channels['server.download'].req.safeParse({ report: '../auth/me', format: 'csv', query: { from: '2026-11-01', to: '2026-11-02' } }).success).toBe(false);
  });

  test('whatever SKU or code a request carries, the built path is the one route, unchanged by URL normalization', () => {
    const offer = { name: 'x', priceKop: 1, promo: { text: '', allowedDiscountsPct: [] }, active: true };
    const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('..', '.', 'a.b', '-', '_', 'A..'));
    fc.assert(fc.property(text, (s) => {
      const cases: [RouteChannel, unknown, RegExp][] = [
        ['admin.saveOffer', { ...offer, sku: s }, /^\/admin\/offers\/[^/]+$/],
        ['admin.scriptMarkdown', { sku: s, markdown: '## a' }, /^\/admin\/scripts\/[^/]+\/markdown$/],
        ['admin.saveReason', { code: s, group: 'cancel', label: 'x', active: true, sort: 1 }, /^\/admin\/reasons\/[^/]+$/],
      ];
      for (const [c, req, shape] of cases) {
        if (!channels[c].req.safeParse(req).success) continue;
        const built = route(c, req).path;
        expect(built).toMatch(shape);
        expect(served(built)).toBe(`/api/v1${built}`);
      }
    }), { numRuns: 300 });
  });
});

describe('replies', () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      // A board without its fields: not a BoardResponse.
      if (req.url?.startsWith('/api/v1/board')) res.end(JSON.stringify({ agents: 'nope' }));
      else res.end(JSON.stringify({ users: [] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  test('a server reply that violates the response schema answers {ok:false, code bad_response}', async () => {
    const client = new HttpClient(url, () => 'token');
    const through = <C extends RouteChannel>(c: C) => (req: unknown) => callRoute(client, (serverRoutes[c] as (r: unknown) => never)(req), channels[c].res);
    const handlers = { 'lead.board': through('lead.board'), 'admin.users': through('admin.users') } as unknown as Handlers;
    const dispatch = createDispatcher(handlers, () => true);
    const bad = await dispatch(trusted, 'lead.board', {});
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_response' } });
    expect(await dispatch(trusted, 'admin.users', {})).toEqual({ ok: true, value: { users: [] } });
  });
});
