/**
 * Server migration 0007 (outgoing webhooks) on the machine's PostgreSQL, applied over a database
 * that already holds an order and its event: the old event gets no delivery; a new event gets one
 * delivery per endpoint subscribed to its kind (the trigger, in the event's transaction) and none
 * for other kinds; states are checked; deleting an endpoint removes its queue and log.
 */
import type { Db } from '../../server/db/db';
import { migrations } from '../../server/db/migrations';
import { applyMigrationsBefore, useEmptySchema } from './support/migrated-schema';

jest.setTimeout(60_000);

describe('server migration 0007-webhooks', () => {
  const schemaDb = useEmptySchema();
  let db: Db;
  beforeAll(() => { db = schemaDb(); });

  const count = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]?.n;

  it('queues one delivery per subscribed endpoint for each new event, in the event\'s transaction', async () => {
    const m7 = migrations.find((m) => m.id === 7);
    expect(m7?.name).toBe('webhooks');
    await applyMigrationsBefore(db, 7);
    await db.query("INSERT INTO offers (sku, name, price_kop) VALUES ('X', 'X', 100)");
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO orders (status, created_at, updated_at, offer_sku, phone, address, lines)
       VALUES ('confirmed', now(), now(), 'X', '+79990000001', '{}', '[]') RETURNING id`,
    );
    const id = rows[0]?.id as number;
    const event = (kind: string) => db.query("INSERT INTO order_events (order_id, kind, status, payload) VALUES ($1, $2, 'confirmed', '{}')", [id, kind]);
    await event('confirmed');

    await db.exec((m7 as { sql: string }).sql);

    const hook = async (kinds: string[]) => (await db.query<{ id: number }>(
      "INSERT INTO webhook_endpoints (url, secret, kinds) VALUES ('http://127.0.0.1/x', 'secret-secret-secret', $1) RETURNING id", [kinds])).rows[0]?.id as number;
    const both = await hook(['confirmed', 'cancelled']);
    const onlyCancel = await hook(['cancelled']);
    expect(await count('webhook_deliveries')).toBe(0);
    await event('confirmed');
    await event('cancelled');
    await event('no_answer');
    expect(await count('webhook_deliveries WHERE endpoint_id = $1', [both])).toBe(2);
    expect(await count('webhook_deliveries WHERE endpoint_id = $1', [onlyCancel])).toBe(1);
    await expect(db.tx(async (t) => {
      await t.query("INSERT INTO order_events (order_id, kind, status, payload) VALUES ($1, 'cancelled', 'cancelled', '{}')", [id]);
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(await count('webhook_deliveries')).toBe(3);
    await expect(db.query("UPDATE webhook_deliveries SET state = 'lost'")).rejects.toThrow();

    const d = (await db.query<{ id: string; event_id: string }>('SELECT id, event_id FROM webhook_deliveries WHERE endpoint_id = $1 LIMIT 1', [both])).rows[0];
    await expect(db.query('INSERT INTO webhook_deliveries (endpoint_id, event_id, order_id) VALUES ($1, $2, $3)', [both, d?.event_id, id])).rejects.toThrow();
    await db.query("INSERT INTO webhook_attempts (delivery_id, endpoint_id, event_id, attempt, at, latency_ms) VALUES ($1, $2, $3, 1, now(), 5)", [d?.id, both, d?.event_id]);
    await db.query('DELETE FROM webhook_endpoints WHERE id = $1', [both]);
    expect(await count('webhook_deliveries')).toBe(1);
    expect(await count('webhook_attempts')).toBe(0);
  });
});
