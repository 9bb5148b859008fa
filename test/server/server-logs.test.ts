/**
 * The server's structured logs (server/logging.ts): a login and an ingest produce JSON lines that
 * carry a request id, and none of them holds the password, the session token, the API key or a
 * full phone number (phones keep their last 4 digits). In-process app on PostgreSQL, the log
 * stream captured.
 */
import { Writable } from 'node:stream';
import { serverLogOptions } from '../../server/logging';
import { appOn, fixtureSchema, type InProcessApp } from './support/in-process-app';
import { PASSWORD } from './support/live-fixture-seed';
import { INGEST_KEY, client } from './support/server-process';

jest.setTimeout(120_000);

const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  },
});

let a: InProcessApp;
let drop: () => Promise<void>;

beforeAll(async () => {
  const s = await fixtureSchema();
  drop = s.drop;
  a = await appOn(s.schema, serverLogOptions('info', sink));
});
afterAll(async () => {
  await a?.close();
  await drop?.();
});

test('a login and an ingest log request ids and no secrets or full phones', async () => {
  const before = lines.length;
  const loggedIn = await client(a.url).call('POST', '/auth/login', { login: 'op1', password: PASSWORD }, { 'x-request-id': 'desk-42' });
  expect(loggedIn.status).toBe(200);
  const token = loggedIn.body.token as string;
  await client(a.url).post('/auth/login', { login: 'op1', password: 'wrong-Pa55' });
  const ingested = await client(a.url).post('/orders', {
    externalId: 'log-1', customerName: 'Иван', phone: '+7 912 345-67-89', offerSku: 'CREAM',
  }, { 'x-api-key': INGEST_KEY });
  expect(ingested.status).toBe(201);
  expect((await client(a.url, token).get('/customers/by-phone/%2B79161234567')).status).toBe(200);
  a.app.log.info({ body: { password: 'in-a-body', phone: '+79031112233' }, authorization: `Bearer ${token}` }, 'call from +7 903 111-22-33');

  const logged = lines.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
  const requests = logged.filter((l) => l.req !== undefined);
  expect(requests.length).toBeGreaterThanOrEqual(4);
  for (const l of requests) expect(typeof l.reqId).toBe('string');
  expect(requests.some((l) => l.reqId === 'desk-42')).toBe(true);
  const ids = new Set(requests.map((l) => l.reqId));
  expect(ids.size).toBeGreaterThanOrEqual(4);

  const text = lines.slice(before).join('\n');
  for (const secret of [PASSWORD, 'wrong-Pa55', 'in-a-body', token, INGEST_KEY]) expect(text).not.toContain(secret);
  for (const phone of ['79161234567', '9161234567', '79031112233', '903 111-22-33', '912 345-67-89']) expect(text).not.toContain(phone);
  expect(text).toContain('4567');
  expect(text).toContain('22-33');
});
