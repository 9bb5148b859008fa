/**
 * Next order's SQL (`nextCandidateSql`, server/queue/claim.ts) against the shared rules: on random
 * orders (statuses, creation days around the midnights, attempts, callbacks, offers, assignees and
 * leases), random callable priorities and clocks, the row the SQL picks is the first order that
 * the shared rules would take: the first priority entry with an order in its tab (queueTabOf), due
 * when the entry asks for it (isDue), takeable by the operator (canTakeFromTab) and not under an
 * unexpired lease, the first in the tab's taking order (compareForTaking). Runs in-process on the
 * machine's PostgreSQL, as tab-sql.test.ts.
 */
import fc from 'fast-check';
import type { Db } from '../../server/db/db';
import { useMigratedSchema } from './support/migrated-schema';
import { nextCandidateSql } from '../../server/queue/claim';
import { tabParams } from '../../server/queue/tab-sql';
import { QUEUE_TABS, canTakeFromTab, compareForTaking, dayStartsIn, isCallableTab, isDue, queueTabOf } from '../../shared/domain/tabs';
import type { OrderStatus, QueueTab } from '../../shared/domain/schemas';

jest.setTimeout(180_000);

let db: Db;
const migrated = useMigratedSchema();
const ME = 1;
const OTHER = 2;
beforeAll(async () => {
  db = migrated();
  await db.query("INSERT INTO offers (sku, name, price_kop) VALUES ('Y', 'Y', 100)");
  await db.query(`INSERT INTO users (id, login, name, role, password_hash) VALUES
    (${ME}, 'me', 'Я', 'operator', '-'), (${OTHER}, 'other', 'Другой', 'operator', '-')`);
});

const HOUR = 3_600_000;
const STATUSES: OrderStatus[] = ['new', 'callback', 'no_answer', 'confirmed'];
const CALLABLE = QUEUE_TABS.filter(isCallableTab);
const CLOCKS: [string, string][] = [
  ['Europe/Moscow', '2026-11-28T10:15:00.000Z'],
  ['Asia/Vladivostok', '2026-11-27T14:00:30.000Z'],
  ['Europe/Berlin', '2026-03-29T09:00:00.000Z'],
];

type Gen = {
  status: OrderStatus; created: number; failed: number; callback: number | null; last: number | null;
  sku: 'X' | 'Y'; assignee: number | null; lease: number | null;
};

/** The assignee the taking rules see: a Новый order whose lease expired is back in the common pool (as claim.ts). */
const poolAssignee = (o: Gen, now: number): number | null => (o.status === 'new' && o.lease !== null && o.lease <= now ? null : o.assignee);

/** The shared rules' choice: first priority entry with a takeable order, first in its taking order. */
function expectedPick(orders: (Gen & { id: number })[], priority: { tab: QueueTab; dueOnly: boolean }[], skus: string[], now: Date, zone: string): number | null {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  for (const entry of priority) {
    const candidates = orders
      .map((o) => ({ o, id: o.id, createdAt: new Date(o.created).toISOString(), callbackAt: iso(o.callback), lastAttemptAt: iso(o.last) }))
      .filter(({ o, createdAt, callbackAt, lastAttemptAt }) => {
        const tab = queueTabOf({ status: o.status, createdAt, failedAttempts: o.failed }, now, zone);
        if (tab !== entry.tab) return false;
        if (entry.dueOnly && !isDue({ status: o.status, failedAttempts: o.failed, createdAt, callbackAt, lastAttemptAt }, tab, now)) return false;
        if (o.lease !== null && o.lease > now.getTime()) return false;
        return canTakeFromTab({ assigneeId: poolAssignee(o, now.getTime()), offerSku: o.sku }, tab, { id: ME, offerSkus: skus }).ok;
      })
      .sort(compareForTaking(entry.tab));
    if (candidates[0]) return candidates[0].id;
  }
  return null;
}

test('nextCandidateSql picks what canTakeFromTab, isDue and the taking order pick, on random orders and priorities', async () => {
  let picked = 0;
  await fc.assert(fc.asyncProperty(
    fc.constantFrom(...CLOCKS).chain(([zone, nowIso]) => {
      const now = Date.parse(nowIso);
      const days = dayStartsIn(new Date(now), zone);
      const anchors = [days.today, days.yesterday, days.twoDaysAgo].map((d) => d.getTime());
      const instant = fc.oneof(
        fc.integer({ min: -4 * 24 * HOUR, max: HOUR }).map((d) => now + d),
        fc.tuple(fc.constantFrom(...anchors), fc.integer({ min: -2, max: 2 })).map(([a, d]) => a + d),
        fc.integer({ min: -180_000, max: 180_000 }).map((d) => now + d),
      );
      const order = fc.record<Gen>({
        status: fc.constantFrom(...STATUSES),
        created: instant,
        failed: fc.integer({ min: 0, max: 6 }),
        callback: fc.option(instant, { nil: null }),
        last: fc.option(instant, { nil: null }),
        sku: fc.constantFrom<'X' | 'Y'>('X', 'Y'),
        assignee: fc.constantFrom<number | null>(null, ME, OTHER),
        lease: fc.option(fc.integer({ min: -HOUR, max: HOUR }).map((d) => now + d), { nil: null }),
      });
      return fc.record({
        zone: fc.constant(zone),
        now: fc.constant(now),
        orders: fc.array(order, { minLength: 0, maxLength: 40 }),
        priority: fc.uniqueArray(fc.record({ tab: fc.constantFrom(...CALLABLE), dueOnly: fc.boolean() }), { minLength: 1, maxLength: 6, selector: (p) => p.tab }),
        skus: fc.constantFrom<string[]>(['X'], ['X', 'Y'], ['Y']),
      });
    }),
    async ({ zone, now, orders, priority, skus }) => {
      await db.query('DELETE FROM orders');
      const ids: number[] = [];
      for (const o of orders) {
        const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
        const r = await db.query<{ id: number }>(
          `INSERT INTO orders (status, created_at, updated_at, failed_attempts, callback_at, last_attempt_at, offer_sku, assignee_id, lease_until, phone, address, lines)
           VALUES ($1,$2,$2,$3,$4,$5,$6,$7,$8,'+79123456789','{}','[]') RETURNING id`,
          [o.status, iso(o.created), o.failed, iso(o.callback), iso(o.last), o.sku, o.assignee, iso(o.lease)],
        );
        ids.push(r.rows[0]?.id ?? 0);
      }
      const clock = new Date(now);
      const { rows } = await db.query<{ id: number }>(nextCandidateSql(priority), [...tabParams(clock, zone), skus, ME, '00:00', '23:59', true /* every order here has an unknown zone: window-sql.test.ts covers the window */]);
      const expected = expectedPick(orders.map((o, i) => ({ ...o, id: ids[i] ?? 0 })), priority, skus, clock, zone);
      if (expected !== null) picked++;
      expect({ priority, picked: rows[0]?.id ?? null }).toEqual({ priority, picked: expected });
    },
  ), { numRuns: 120, seed: 20261202 });
  expect(picked).toBeGreaterThan(40);
});
