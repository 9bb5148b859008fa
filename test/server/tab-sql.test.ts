/**
 * The SQL tab assignment (server/queue/tab-sql.ts) agrees with the shared rules: `tab` with
 * queueTabOf, `due` with isDue, and the taking order with compareForTaking, on a few hundred
 * random orders around the day boundaries, for several clocks and zones. Runs in-process on the
 * machine's PostgreSQL (PGlite cannot load inside jest's VM; the route suites cover PGlite).
 */
import fc from 'fast-check';
import type { Db } from '../../server/db/db';
import { useMigratedSchema } from './support/migrated-schema';
import { TABBED_ORDERS, TAB_STATUS, TAKING_ORDER, tabParams } from '../../server/queue/tab-sql';
import { compareForTaking, dayStartsIn, isDue, queueTabOf } from '../../shared/domain/tabs';
import type { OrderStatus, QueueTab } from '../../shared/domain/schemas';

jest.setTimeout(120_000);

let db: Db;
const migrated = useMigratedSchema();
beforeAll(() => { db = migrated(); });

const STATUSES: OrderStatus[] = ['new', 'callback', 'no_answer', 'confirmed', 'cancelled', 'invalid'];
type Gen = { status: OrderStatus; created: number; failed: number; callback: number | null; last: number | null };

const HOUR = 3_600_000;

describe.each([
  ['Europe/Moscow', '2026-11-28T10:15:00.000Z'],
  ['Asia/Vladivostok', '2026-11-27T14:00:30.000Z'],
  ['Europe/Berlin', '2026-03-29T09:00:00.000Z'],
])('tab SQL vs shared rules in %s at %s', (zone, nowIso) => {
  it('assigns the same tab, due flag and taking order as queueTabOf/isDue/compareForTaking', async () => {
    const now = new Date(nowIso);
    const days = dayStartsIn(now, zone);
    const anchors = [days.today, days.yesterday, days.twoDaysAgo].map((d) => d.getTime());
    const instant = fc.oneof(
      fc.integer({ min: -5 * 24 * HOUR, max: HOUR }).map((d) => now.getTime() + d),
      fc.tuple(fc.constantFrom(...anchors), fc.integer({ min: -3, max: 3 })).map(([a, d]) => a + d),
      fc.integer({ min: -180_000, max: 180_000 }).map((d) => now.getTime() + d),
    );
    const orders = fc.sample(fc.record<Gen>({
      status: fc.constantFrom(...STATUSES),
      created: instant,
      failed: fc.integer({ min: 0, max: 7 }),
      callback: fc.option(instant, { nil: null }),
      last: fc.option(instant, { nil: null }),
    }), { numRuns: 300, seed: 42 });
    await db.query('DELETE FROM orders');
    const ids: number[] = [];
    for (const o of orders) {
      const r = await db.query<{ id: number }>(
        `INSERT INTO orders (status, created_at, updated_at, failed_attempts, callback_at, last_attempt_at, offer_sku, phone, address, lines)
         VALUES ($1,$2,$2,$3,$4,$5,'X','+79123456789','{}','[]') RETURNING id`,
        [o.status, new Date(o.created).toISOString(), o.failed, o.callback === null ? null : new Date(o.callback).toISOString(), o.last === null ? null : new Date(o.last).toISOString()],
      );
      ids.push(r.rows[0]?.id ?? 0);
    }
    const { rows } = await db.query<{ id: number; tab: QueueTab; due: boolean }>(`SELECT t.id, t.tab, t.due FROM ${TABBED_ORDERS} t`, tabParams(now, zone));
    const sql = new Map(rows.map((r) => [r.id, r]));
    let open = 0;
    orders.forEach((o, i) => {
      const shape = { status: o.status, createdAt: new Date(o.created).toISOString(), failedAttempts: o.failed };
      const tab = queueTabOf(shape, now, zone);
      const got = sql.get(ids[i] ?? -1);
      expect({ id: ids[i], tab: got?.tab ?? null }).toEqual({ id: ids[i], tab });
      if (tab && got) {
        open++;
        expect(TAB_STATUS[tab]).toBe(o.status);
        const due = isDue({ ...shape, callbackAt: o.callback === null ? null : new Date(o.callback).toISOString(), lastAttemptAt: o.last === null ? null : new Date(o.last).toISOString() }, tab, now);
        expect({ id: ids[i], due: got.due }).toEqual({ id: ids[i], due });
      }
    });
    expect(open).toBeGreaterThan(100);
    for (const tab of ['new', 'quickRecall', 'inWork', 'noAnswerToday', 'noAnswerYesterday'] as QueueTab[]) {
      const listed = await db.query<{ id: number }>(`SELECT t.id FROM ${TABBED_ORDERS} t WHERE t.tab = $7 ORDER BY ${TAKING_ORDER}`, [...tabParams(now, zone), tab]);
      const expected = orders
        .map((o, i) => ({ id: ids[i] ?? 0, createdAt: new Date(o.created).toISOString(), callbackAt: o.callback === null ? null : new Date(o.callback).toISOString(), lastAttemptAt: o.last === null ? null : new Date(o.last).toISOString(), o }))
        .filter((x) => queueTabOf({ status: x.o.status, createdAt: x.createdAt, failedAttempts: x.o.failed }, now, zone) === tab)
        .sort(compareForTaking(tab))
        .map((x) => x.id);
      expect(listed.rows.map((r) => r.id)).toEqual(expected);
    }
  });
});
