/**
 * The lead board's queue sizes (`queueSizes`, server/board/board-data.ts) equal the queue routes'
 * counts (`countTabs`, server/queue/tab-sql.ts, behind `GET queue`) and the shared tab rule
 * (queueTabOf) counted in JS, on random orders around the day boundaries, for several clocks and
 * zones. Runs in-process on the machine's PostgreSQL, as tab-sql.test.ts.
 */
import fc from 'fast-check';
import type { Db } from '../../server/db/db';
import { useMigratedSchema } from './support/migrated-schema';
import { queueSizes } from '../../server/board/board-data';
import { countTabs } from '../../server/queue/tab-sql';
import { QUEUE_TABS, dayStartsIn, queueTabOf } from '../../shared/domain/tabs';
import type { OrderStatus, QueueTab } from '../../shared/domain/schemas';

jest.setTimeout(180_000);

let db: Db;
const migrated = useMigratedSchema();
beforeAll(() => { db = migrated(); });

const HOUR = 3_600_000;
const STATUSES: OrderStatus[] = ['new', 'callback', 'no_answer', 'confirmed', 'cancelled', 'invalid'];
type Gen = { status: OrderStatus; created: number; failed: number; callback: number | null; last: number | null };

test('board queue sizes == queue counts == queueTabOf counts on random orders', async () => {
  let nonEmpty = 0;
  await fc.assert(fc.asyncProperty(
    fc.constantFrom<[string, string]>(
      ['Europe/Moscow', '2026-11-28T10:15:00.000Z'],
      ['Asia/Vladivostok', '2026-11-27T14:00:30.000Z'],
      ['Europe/Berlin', '2026-03-29T09:00:00.000Z'],
      ['America/New_York', '2026-11-01T05:30:00.000Z'],
    ).chain(([zone, nowIso]) => {
      const now = Date.parse(nowIso);
      const days = dayStartsIn(new Date(now), zone);
      const anchors = [days.today, days.yesterday, days.twoDaysAgo].map((d) => d.getTime());
      const instant = fc.oneof(
        fc.integer({ min: -5 * 24 * HOUR, max: 2 * HOUR }).map((d) => now + d),
        fc.tuple(fc.constantFrom(...anchors), fc.integer({ min: -2, max: 2 })).map(([a, d]) => a + d),
      );
      return fc.record({
        zone: fc.constant(zone),
        now: fc.constant(now),
        orders: fc.array(fc.record<Gen>({
          status: fc.constantFrom(...STATUSES),
          created: instant,
          failed: fc.integer({ min: 0, max: 6 }),
          callback: fc.option(instant, { nil: null }),
          last: fc.option(instant, { nil: null }),
        }), { maxLength: 60 }),
      });
    }),
    async ({ zone, now, orders }) => {
      await db.query('DELETE FROM orders');
      const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
      for (const o of orders) {
        await db.query(
          `INSERT INTO orders (status, created_at, updated_at, failed_attempts, callback_at, last_attempt_at, offer_sku, phone, address, lines)
           VALUES ($1,$2,$2,$3,$4,$5,'X','+79123456789','{}','[]')`,
          [o.status, iso(o.created), o.failed, iso(o.callback), iso(o.last)],
        );
      }
      const clock = new Date(now);
      const expected = Object.fromEntries(QUEUE_TABS.map((t) => [t, 0])) as Record<QueueTab, number>;
      for (const o of orders) {
        const tab = queueTabOf({ status: o.status, createdAt: new Date(o.created).toISOString(), failedAttempts: o.failed }, clock, zone);
        if (tab) expected[tab]++;
      }
      if (Object.values(expected).some((n) => n > 0)) nonEmpty++;
      const board = await queueSizes(db, clock, zone);
      const counts = await countTabs(db, clock, zone);
      expect(board).toEqual(expected);
      expect(Object.fromEntries(QUEUE_TABS.map((t) => [t, counts[t].total]))).toEqual(board);
    },
  ), { numRuns: 60, seed: 4242 });
  expect(nonEmpty).toBeGreaterThan(40);
});
