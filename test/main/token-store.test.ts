/** Browser-mode token store (file, 0600) and the backoff used by sync and live. */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { backoffDelay } from '../../main/sync/backoff';
import { FileTokenStore, type StoredSession } from '../../main/sync/token-store';
import { rmTmp, tmpDir } from './fixtures';

const session: StoredSession = {
  serverUrl: 'http://127.0.0.1:4000', login: 'operator1',
  auth: { token: 'secret-token', expiresAt: '2026-12-01T00:00:00.000Z', user: { id: 3, login: 'operator1', name: 'Оператор 1', role: 'operator' }, sip: null, timeZone: 'Europe/Moscow',
    center: { timeZone: 'Europe/Moscow', workingHours: null, callingWindow: { start: '09:00', end: '21:00' }, limits: { callbackMaxDays: 90 } } },
};

describe('FileTokenStore', () => {
  let dir: string;
  beforeEach(() => { dir = tmpDir(); });
  afterEach(() => rmTmp(dir));

  test('keeps the session in a file readable by the owner only, and forgets it', () => {
    const file = path.join(dir, 'session.json');
    const store = new FileTokenStore(file);
    expect(store.load()).toBeNull();
    store.save(session);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(new FileTokenStore(file).load()).toEqual(session);
    store.clear();
    expect(store.load()).toBeNull();
  });

  test('a corrupt or foreign file is ignored, not trusted', () => {
    const file = path.join(dir, 'session.json');
    fs.writeFileSync(file, '{"token": 1');
    expect(new FileTokenStore(file).load()).toBeNull();
    fs.writeFileSync(file, JSON.stringify({ ...session, auth: { token: 5 } }));
    expect(new FileTokenStore(file).load()).toBeNull();
  });
});

describe('backoffDelay', () => {
  test('grows exponentially, stays within [ceiling/2, ceiling] and under the cap', () => {
    fc.assert(fc.property(fc.nat(60), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, r) => {
      const d = backoffDelay(attempt, 500, 30_000, () => r);
      const ceiling = Math.min(30_000, 500 * 2 ** Math.min(attempt, 20));
      expect(d).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
      expect(d).toBeLessThanOrEqual(ceiling);
    }));
    expect(backoffDelay(0, 500, 30_000, () => 1)).toBe(500);
    expect(backoffDelay(3, 500, 30_000, () => 1)).toBe(4_000);
  });
});
