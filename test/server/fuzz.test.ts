/**
 * Every route of orders, queue, sync and lookups fuzzed with fast-check (wrong types, huge
 * strings, unicode incl. NUL and lone surrogates, missing fields, negative and overflow numbers):
 * never a 5xx, a 4xx always names the problem, and a refused write stores nothing.
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { BACKENDS, INGEST_KEY, client, startServerProcess, type ServerProcess } from './support/server-process';
import { answeredCall, confirmArgs, ingest } from './support/order-flow';
import { ClaimResponse, PullResponse } from '../../shared/api/http';

jest.setTimeout(540_000);

const RUNS = 40;

/** Values of the wrong kind for any field. */
const nasty = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, -(2 ** 31), 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 0.5, '', ' ', '\u0000', '\ud800', 'NaN', '1e400', [], {}),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ minLength: 5000, maxLength: 20_000 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A valid object with one field replaced by a nasty value or removed (path given as keys). */
function mutate<T extends Record<string, unknown>>(valid: T, paths: string[][]) {
  return fc.tuple(fc.constantFrom(...paths), fc.option(nasty, { nil: undefined }), fc.boolean()).map(([path, value, remove]) => {
    const copy = structuredClone(valid) as Record<string, unknown>;
    let cur: Record<string, unknown> = copy;
    for (const k of path.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
    const last = path[path.length - 1] as string;
    if (remove || value === undefined) delete cur[last];
    else cur[last] = value;
    return copy;
  });
}

/** URL-encodes anything; values that cannot be encoded (lone surrogates) become their escape text. */
function enc(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? 'undefined';
  try { return encodeURIComponent(s); } catch { return encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\\u0000')); }
}

function expectClear4xx(r: { status: number; body: { error?: { code?: unknown; message?: unknown; field?: unknown } } }, input: unknown) {
  if (r.status >= 500) throw new Error(`5xx for ${JSON.stringify(input)?.slice(0, 300)}: ${JSON.stringify(r.body)}`);
  // 431: Node's HTTP parser refuses request lines over 16 KB before the app sees them (no JSON body).
  if (r.status === 431) return;
  if (r.status >= 400) {
    expect(typeof r.body.error?.code).toBe('string');
    expect(typeof r.body.error?.message).toBe('string');
    expect(String(r.body.error?.message).length).toBeGreaterThan(3);
    if (r.status === 400) expect(typeof r.body.error?.field).toBe('string');
  }
}

describe.each(BACKENDS)('fuzzing routes on %s', (backend) => {
  let srv: ServerProcess;
  let op: ReturnType<typeof client>;
  let admin: ReturnType<typeof client>;
  beforeAll(async () => {
    srv = await startServerProcess({ demo: true, pg: backend === 'pg' });
    op = client(srv.url, await srv.login('operator1', 'operator'));
    admin = client(srv.url, await srv.login('admin', 'admin'));
  });
  afterAll(async () => { await srv?.stop(); });

  const newCount = async () => (await admin.get('/queue')).body.tabs.new.total as number;

  it('POST /orders: bad input is a 400 naming the field and stores nothing', async () => {
    const valid = { externalId: 'fz', customerName: 'Иван', phone: '+79123456789', offerSku: 'ARTRO-GEL', quantity: 1, priceKop: 1000, createdAt: '2026-11-01T10:00:00.000Z' };
    const paths = Object.keys(valid).map((k) => [k]);
    let expected = await newCount();
    let n = 0;
    await fc.assert(fc.asyncProperty(fc.oneof(mutate(valid, paths), nasty), async (body) => {
      n++;
      const sent = body && typeof body === 'object' && !Array.isArray(body) && 'externalId' in body ? { ...body, externalId: `fz-${backend}-${n}` } : body;
      const r = await client(srv.url).post('/orders', sent === undefined ? 'null' : JSON.stringify(sent), { 'x-api-key': INGEST_KEY, 'content-type': 'application/json' });
      expectClear4xx(r, sent);
      if (r.status === 201) expected++;
      expect(await newCount()).toBe(expected);
    }), { numRuns: RUNS, seed: 7 });
  });

  it('queue, order, customer and lookup routes with random params and queries', async () => {
    const routes: Array<(v: unknown) => string> = [
      (v) => `/queue/${enc(v)}`,
      (v) => `/queue/new?offset=${enc(v)}&limit=${enc(v)}`,
      (v) => `/orders/${enc(v)}`,
      (v) => `/customers/by-phone/${enc(v)}`,
      (v) => `/scripts/${enc(v)}`,
      (v) => `/delivery/options?orderId=${enc(v)}&city=${enc(v)}`,
      (v) => `/address/suggest?level=${enc(v)}&q=${enc(v)}`,
      (v) => `/address/suggest?level=street&q=a&parent=${enc(v)}`,
      (v) => `/sync/pull?clientId=${enc(v)}&cursor=${enc(v)}`,
      (v) => `/sync/pull?clientId=${randomUUID()}&cursor=${enc(v)}&limit=${enc(v)}`,
    ];
    await fc.assert(fc.asyncProperty(fc.constantFrom(...routes), nasty, async (route, v) => {
      const path = route(v);
      const r = await op.get(path);
      expectClear4xx(r, path);
    }), { numRuns: RUNS * 3, seed: 11 });
    await fc.assert(fc.asyncProperty(fc.constantFrom('claim', 'release'), nasty, async (action, v) => {
      const r = await op.post(`/orders/${enc(v)}/${action}`, v);
      expectClear4xx(r, v);
    }), { numRuns: RUNS, seed: 13 });
  });

  it('POST /sync/push: malformed mutations are refused whole and leave lastMutationId alone', async () => {
    const id = await ingest(srv.url);
    const order = ClaimResponse.parse((await op.post(`/orders/${id}/claim`)).body).order;
    const clientId = randomUUID();
    const valid = { clientId, mutations: [{ id: 1, name: 'saveResult.v1', args: confirmArgs(order) }] };
    const paths = [['clientId'], ['mutations'], ['mutations', '0', 'id'], ['mutations', '0', 'name'], ['mutations', '0', 'args'],
      ...['orderId', 'result', 'variant', 'problem', 'callbackAt', 'comment', 'customer', 'address', 'lines', 'delivery'].map((k) => ['mutations', '0', 'args', k]),
      ['mutations', '0', 'args', 'customer', 'name'], ['mutations', '0', 'args', 'customer', 'phone'], ['mutations', '0', 'args', 'address', 'postalCode'],
      ['mutations', '0', 'args', 'lines', '0', 'unitPriceKop'], ['mutations', '0', 'args', 'lines', '0', 'quantity'], ['mutations', '0', 'args', 'delivery', 'priceKop']];
    const callPaths = ['callId', 'orderId', 'startedAt', 'answeredAt', 'endedAt', 'outcome'].map((k) => ['mutations', '0', 'args', k]);
    const call = { clientId, mutations: [answeredCall(id, 1)] };
    let last = 0;
    await fc.assert(fc.asyncProperty(fc.oneof(mutate(valid, paths), mutate(call, callPaths), nasty), async (body) => {
      const sent = body && typeof body === 'object' && Array.isArray((body as { mutations?: unknown }).mutations)
        ? { ...body, mutations: ((body as { mutations: Array<Record<string, unknown>> }).mutations).map((m) => (m && typeof m === 'object' && 'id' in m && typeof m.id === 'number' && m.id === 1 ? { ...m, id: last + 1 } : m)) }
        : body;
      const r = await op.post('/sync/push', sent === undefined ? 'null' : JSON.stringify(sent), { 'content-type': 'application/json' });
      expectClear4xx(r, sent);
      const pull = PullResponse.parse((await op.get(`/sync/pull?clientId=${clientId}&cursor=0`)).body);
      if (r.status === 200) last = r.body.lastMutationId;
      expect(pull.lastMutationId).toBe(last);
    }), { numRuns: RUNS * 2, seed: 17 });
  });
});
