/**
 * The default database (PGlite) under a busy floor: the event loop keeps serving HTTP while a
 * backlog of statements drains; a request's statements are not queued behind later requests;
 * the `other` lane gets turns between floor writes; health does not queue; and the
 * move-to-PostgreSQL warning. Orders and counts are asserted, never durations.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ACTIVE_WINDOW_MS, FloorWatch, PGLITE_SESSION_LIMIT, WARN_EVERY_MS, laneOf } from '../../server/pglite-warning';
import { ROOT } from './support/server-process';

jest.setTimeout(180_000);

const BACKLOG = 300;

type Observed = {
  http: { status404: number; statusHealth: number; doneAt404: number; doneAtHealth: number; v: number };
  requestOrder: string[];
  lanes: string[];
  ping: { txDoneAtFreshPing: boolean; pingedBeforeRelease: boolean; pinged: boolean };
};

describe('PGlite turns (scenarios run in a child process: PGlite does not load inside jest)', () => {
  let seen: Observed;
  beforeAll(async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(__dirname, 'support/pglite-fairness-cli.ts')], { cwd: ROOT });
    seen = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Observed;
  });

  it('answers a 404 and health while a backlog of writes drains (the event loop runs between turns)', () => {
    expect([seen.http.status404, seen.http.statusHealth]).toEqual([404, 200]);
    // Before the fix the whole backlog ran inside one event-loop turn: both saw every write done.
    expect(seen.http.doneAt404).toBeLessThan(BACKLOG / 2);
    expect(seen.http.doneAtHealth).toBeLessThan(BACKLOG);
    expect(seen.http.v).toBe(BACKLOG);
  });

  it("serves a request's later statements before requests that arrived after it", () => {
    // Per-statement FIFO would put first:2 after all 50 later writes.
    expect(seen.requestOrder.slice(0, 2)).toEqual(['first:1', 'first:2']);
    expect(seen.requestOrder).toHaveLength(52);
  });

  it('gives the other lane every other turn while floor writes wait', () => {
    expect(seen.lanes.slice(0, 6)).toEqual(['other:0', 'floor:0', 'other:1', 'floor:1', 'other:2', 'floor:2']);
    expect(seen.lanes).toHaveLength(23);
  });

  it('pings at once while the connection moves, and waits for a turn when nothing finished for a while', () => {
    expect(seen.ping).toEqual({ txDoneAtFreshPing: false, pingedBeforeRelease: false, pinged: true });
  });
});

describe('the move-to-PostgreSQL warning', () => {
  it('warns above the limit of sessions active in the last minute, then not again for a while', () => {
    const watch = new FloorWatch(3);
    const t0 = 5_000_000;
    for (let i = 0; i < 3; i++) watch.seen(`Bearer token-${i}`, t0);
    watch.seen(undefined, t0);
    watch.seen('Basic abc', t0);
    expect(watch.active(t0)).toBe(3);
    expect(watch.check(t0)).toBeNull();
    watch.seen('Bearer token-3', t0 + 1000);
    const text = watch.check(t0 + 1000);
    expect(text).toContain('DATABASE_URL');
    expect(text).toContain('PostgreSQL');
    expect(text).toContain('4 активных сессий');
    expect(watch.check(t0 + 2000)).toBeNull();
    for (let i = 4; i < 8; i++) watch.seen(`Bearer token-${i}`, t0 + WARN_EVERY_MS);
    expect(watch.check(t0 + WARN_EVERY_MS + 1000)).toContain('4 активных сессий');
  });

  it('forgets sessions idle for longer than the window', () => {
    const watch = new FloorWatch(1);
    watch.seen('Bearer a', 0);
    watch.seen('Bearer b', 0);
    expect(watch.active(ACTIVE_WINDOW_MS)).toBe(2);
    expect(watch.active(ACTIVE_WINDOW_MS + 1)).toBe(0);
    expect(watch.check(ACTIVE_WINDOW_MS + 1)).toBeNull();
  });

  it('puts the operators\' hot loop in the floor lane and the rest in the other lane', () => {
    expect(laneOf('POST', '/api/v1/queue/next')).toBe('floor');
    expect(laneOf('POST', '/api/v1/sync/push')).toBe('floor');
    expect(laneOf('POST', '/api/v1/orders/12/claim')).toBe('floor');
    expect(laneOf('GET', '/api/v1/board')).toBe('other');
    expect(laneOf('POST', '/api/v1/orders')).toBe('other');
    expect(laneOf('GET', '/api/v1/health')).toBe('other');
    expect(PGLITE_SESSION_LIMIT).toBeGreaterThan(0);
  });
});
