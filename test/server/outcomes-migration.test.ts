/**
 * Server migration 0008 (delivery outcomes, blacklist) on the machine's PostgreSQL, applied to a
 * database that already holds an order and its event: the order survives, the `held` status and
 * event kind become valid while unknown ones stay refused, shipment events are unique by
 * shipment id + status + time and carry an amount exactly when delivered, phones are listed once.
 * (PGlite runs the same migration in every server-process suite, test/server/outcomes.test.ts.)
 */
import type { Db } from '../../server/db/db';
import { migrations } from '../../server/db/migrations';
import { applyMigrationsBefore, expectRefused, useEmptySchema } from './support/migrated-schema';

jest.setTimeout(60_000);

describe('server migration 0008-outcomes', () => {
  const schemaDb = useEmptySchema();
  let db: Db;
  beforeAll(() => { db = schemaDb(); });

  const rejects = (sql: string, params: unknown[] = []) => expectRefused(db, sql, params);

  it('applies over existing orders and opens the new status, kind and tables', async () => {
    const m8 = migrations.find((m) => m.id === 8);
    expect(m8?.name).toBe('outcomes');
    await applyMigrationsBefore(db, 8);
    await db.query("INSERT INTO offers (sku, name, price_kop) VALUES ('X', 'X', 100)");
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO orders (external_id, status, created_at, updated_at, offer_sku, phone, address, lines)
       VALUES ('e1', 'confirmed', now(), now(), 'X', '+79990000001', '{}', '[]') RETURNING id`,
    );
    const id = rows[0]?.id as number;
    await db.query("INSERT INTO order_events (order_id, kind, status, payload) VALUES ($1, 'confirmed', 'confirmed', '{}')", [id]);
    await rejects("UPDATE orders SET status = 'held' WHERE id = $1", [id]);

    await db.exec((m8 as { sql: string }).sql);

    expect((await db.query<{ status: string }>('SELECT status FROM orders WHERE id = $1', [id])).rows[0]?.status).toBe('confirmed');
    await db.query("UPDATE orders SET status = 'held' WHERE id = $1", [id]);
    await rejects("UPDATE orders SET status = 'bogus' WHERE id = $1", [id]);
    await db.query("INSERT INTO order_events (order_id, kind, status, payload) VALUES ($1, 'held', 'held', '{}')", [id]);
    await rejects("INSERT INTO order_events (order_id, kind, status, payload) VALUES ($1, 'bogus', 'held', '{}')", [id]);

    const ev = 'INSERT INTO shipment_events (order_id, shipment_id, status, occurred_at, amount_kop) VALUES ($1, $2, $3, $4, $5)';
    const t = '2026-12-01T10:00:00Z';
    await db.query(ev, [id, 'S1', 'shipped', t, null]);
    await rejects(ev, [id, 'S1', 'shipped', t, null]);
    await db.query(ev, [id, 'S1', 'delivered', t, 150_000]);
    await rejects(ev, [id, 'S2', 'delivered', t, null]);
    await rejects(ev, [id, 'S2', 'returned', t, 100]);
    await rejects(ev, [id, 'S2', 'paid', t, null]);
    await rejects(ev, [id, 'S2', 'delivered', t, -1]);

    await db.query("INSERT INTO blacklist (phone, reason) VALUES ('+79990000001', 'спам')");
    await rejects("INSERT INTO blacklist (phone, reason) VALUES ('+79990000001', 'ещё')");
  });
});
