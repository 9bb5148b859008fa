/**
 * The SQL calling window (server/queue/window-sql.ts) agrees with the shared rule `windowState` on
 * random orders (every Russian zone and unknown), random windows and clocks — the same check
 * tab-sql.test.ts makes for the tabs. Runs in-process on the machine's PostgreSQL (PGlite cannot
 * load inside jest's VM; the route suite calling-window-routes.test.ts covers PGlite).
 */
import fc from 'fast-check';
import type { Db } from '../../server/db/db';
import { useMigratedSchema } from './support/migrated-schema';
import { windowInsideExpr, windowParams } from '../../server/queue/window-sql';
import { RUSSIAN_ZONES } from '../../shared/domain/customer-zone';
import { windowState, type CallingWindow } from '../../shared/domain/calling-window';

jest.setTimeout(180_000);

let db: Db;
const migrated = useMigratedSchema();
beforeAll(() => { db = migrated(); });

const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

test('windowInsideExpr equals windowState for random zones, windows and clocks', async () => {
  const zones: (string | null)[] = [null, ...RUSSIAN_ZONES, 'Europe/Berlin'];
  const ids: { id: number; zone: string | null }[] = [];
  await db.query('DELETE FROM orders');
  for (const zone of zones) {
    const r = await db.query<{ id: number }>(
      `INSERT INTO orders (status, created_at, updated_at, offer_sku, phone, address, lines, customer_zone, zone_source)
       VALUES ('new', now(), now(), 'X', '+79123456789', '{}', '[]', $1, $2) RETURNING id`,
      [zone, zone === null ? 'unknown' : 'ingest'],
    );
    ids.push({ id: r.rows[0]?.id ?? 0, zone });
  }
  const windows = fc.oneof(
    fc.constant<CallingWindow>({ start: '09:00', end: '21:00' }),
    fc.constant<CallingWindow>({ start: '00:00', end: '24:00' }),
    fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1440 })).filter(([a, b]) => a < b)
      .map(([a, b]): CallingWindow => ({ start: hhmm(a), end: b === 1440 ? '24:00' : hhmm(b) })),
  );
  const start = Date.parse('2026-01-01T00:00:00Z');
  const clocks = fc.oneof(
    fc.integer({ min: start, max: start + 365 * 86_400_000 }),
    // whole minutes and a millisecond either side: the window's edges
    fc.tuple(fc.integer({ min: 0, max: 365 * 1440 }), fc.constantFrom(-1, 0, 1)).map(([m, d]) => start + m * 60_000 + d),
  );
  const cases = fc.sample(fc.tuple(windows, clocks), { numRuns: 150, seed: 2026 });
  let inside = 0;
  let outside = 0;
  for (const [w, ms] of cases) {
    const now = new Date(ms);
    const { rows } = await db.query<{ id: number; inside: boolean }>(
      `SELECT o.id, ${windowInsideExpr('$1', 2)} AS inside FROM orders o`,
      [now.toISOString(), ...windowParams(now, w)],
    );
    const sql = new Map(rows.map((r) => [r.id, r.inside]));
    for (const { id, zone } of ids) {
      const expected = windowState(zone, now, w).inside;
      if (expected) inside++;
      else outside++;
      expect({ zone, window: w, now: now.toISOString(), inside: sql.get(id) }).toEqual({ zone, window: w, now: now.toISOString(), inside: expected });
    }
  }
  expect(inside).toBeGreaterThan(200);
  expect(outside).toBeGreaterThan(200);
});
