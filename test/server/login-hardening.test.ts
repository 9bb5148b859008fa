/**
 * Login hardening. 1) An unknown or disabled login runs the same scrypt check as a real one (a
 * spy on verifyPassword counts the calls and sees the dummy hash; no timing is measured). 2) The
 * login rate limit is stored in the database: two app instances on one PostgreSQL schema share
 * it, parallel attempts cannot slip past it, and it holds on PGlite (a real server process).
 */
import * as passwords from '../../server/auth/passwords';
import { appOn, fixtureSchema, type InProcessApp } from './support/in-process-app';
import { PASSWORD } from './support/live-fixture-seed';
import { client, startServerProcess } from './support/server-process';

jest.mock('../../server/auth/passwords', () => {
  const actual = jest.requireActual<typeof import('../../server/auth/passwords')>('../../server/auth/passwords');
  return { ...actual, verifyPassword: jest.fn(actual.verifyPassword) };
});

jest.setTimeout(120_000);

const verify = passwords.verifyPassword as jest.MockedFunction<typeof passwords.verifyPassword>;

let a: InProcessApp;
let b: InProcessApp;
let drop: () => Promise<void>;

beforeAll(async () => {
  const s = await fixtureSchema();
  drop = s.drop;
  a = await appOn(s.schema);
  b = await appOn(s.schema);
});
afterAll(async () => {
  await b?.close();
  await a?.close();
  await drop?.();
});
beforeEach(async () => {
  verify.mockClear();
  // every request comes from 127.0.0.1: each test starts with fresh counters (the IP limit is 30)
  await a.db.query('DELETE FROM login_attempts');
});

const login = (url: string, l: string, p: string) => client(url).post('/auth/login', { login: l, password: p });

test('an unknown login is checked against the dummy hash: one scrypt run, like a known login', async () => {
  const r = await login(a.url, 'nobody-here', 'whatever1');
  expect([r.status, r.body.error.code, r.body.error.message]).toEqual([401, 'bad_credentials', 'Неверный логин или пароль']);
  expect(verify).toHaveBeenCalledTimes(1);
  expect(verify).toHaveBeenCalledWith('whatever1', passwords.DUMMY_PASSWORD_HASH);
  expect(await passwords.verifyPassword('whatever1', passwords.DUMMY_PASSWORD_HASH)).toBe(false);

  verify.mockClear();
  expect((await login(a.url, 'op2', 'wrong-pw')).status).toBe(401);
  expect(verify).toHaveBeenCalledTimes(1);
  expect(verify.mock.calls[0]?.[1]).not.toBe(passwords.DUMMY_PASSWORD_HASH);
});

test('a disabled user is checked against the dummy hash too, and refused even with its password', async () => {
  await a.db.query("UPDATE users SET active = false WHERE login = 'op3'");
  const r = await login(a.url, 'op3', PASSWORD);
  expect([r.status, r.body.error.code]).toEqual([401, 'bad_credentials']);
  expect(verify).toHaveBeenCalledWith(PASSWORD, passwords.DUMMY_PASSWORD_HASH);
});

test('failures on two instances add up: the 6th attempt of a login is refused on either', async () => {
  for (const url of [a.url, b.url, a.url, b.url, a.url]) expect((await login(url, 'leadb', 'bad-pass')).status).toBe(401);
  const refused = await login(b.url, 'leadb', PASSWORD);
  expect([refused.status, refused.body.error.code]).toEqual([429, 'rate_limited']);
  expect(refused.body.error.message).toMatch(/^Слишком много попыток входа/);
  expect((await login(a.url, 'leadb', PASSWORD)).status).toBe(429);
});

test('parallel attempts across both instances: exactly 5 are checked, the rest refused', async () => {
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) => login(i % 2 ? a.url : b.url, 'op1', 'bad-pass')));
  const statuses = results.map((r) => r.status).sort();
  expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
});

test('a successful login clears its login counter', async () => {
  for (const url of [a.url, b.url, a.url]) expect((await login(url, 'leada', 'bad-pass')).status).toBe(401);
  expect((await login(b.url, 'leada', PASSWORD)).status).toBe(200);
  for (const url of [a.url, b.url, a.url, b.url, a.url]) expect((await login(url, 'leada', 'bad-pass')).status).toBe(401);
  expect((await login(a.url, 'leada', PASSWORD)).status).toBe(429);
});

test('on PGlite too: the 6th attempt of a login is refused (server process, demo data)', async () => {
  const srv = await startServerProcess({ demo: true });
  try {
    for (let i = 0; i < 5; i++) expect((await login(srv.url, 'operator1', 'bad-pass')).status).toBe(401);
    const refused = await login(srv.url, 'operator1', 'operator');
    expect([refused.status, refused.body.error.code]).toEqual([429, 'rate_limited']);
    expect((await login(srv.url, 'operator2', 'operator')).status).toBe(200);
  } finally {
    await srv.stop();
  }
});
