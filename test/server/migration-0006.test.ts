/**
 * Server migration 0006 (customer zone) on a database holding orders from before it: orders are
 * placed by their address region, else by the geographic area code of their phone, else stay
 * unknown; calls get `outside_window = false`. Runs on the machine's PostgreSQL.
 */
import type { Db } from '../../server/db/db';
import { migrate } from '../../server/db/migrate';
import { migrations } from '../../server/db/migrations';
import { useEmptySchema } from './support/migrated-schema';

jest.setTimeout(120_000);

const schemaDb = useEmptySchema();
let db: Db;
beforeAll(() => { db = schemaDb(); });

test('0006 adds the zone columns and places existing orders by address region, then phone', async () => {
  await db.exec('CREATE TABLE schema_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  for (const m of migrations.filter((x) => x.id < 6)) {
    await db.tx(async (sql) => {
      await sql.exec(m.sql);
      await sql.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
    });
  }
  await db.query("INSERT INTO offers (sku, name, price_kop) VALUES ('X', 'X', 100)");
  const insert = async (phone: string, region: string): Promise<number> => (await db.query<{ id: number }>(
    `INSERT INTO orders (status, created_at, updated_at, offer_sku, phone, address, lines) VALUES ('new', now(), now(), 'X', $1, $2, '[]') RETURNING id`,
    [phone, JSON.stringify({ region })],
  )).rows[0]?.id ?? 0;
  const byAddress = await insert('+74012123456', 'Камчатский край');
  const byPhone = await insert('+74232123456', '');
  const unknown = await insert('+79123456789', 'Нигдеland');
  expect(await migrate(db)).toBe(migrations.filter((x) => x.id >= 6).length);
  const { rows } = await db.query<{ id: number; customer_zone: string | null; zone_source: string }>('SELECT id, customer_zone, zone_source FROM orders ORDER BY id');
  expect(rows).toEqual([
    { id: byAddress, customer_zone: 'Asia/Kamchatka', zone_source: 'address' },
    { id: byPhone, customer_zone: 'Asia/Vladivostok', zone_source: 'phone' },
    { id: unknown, customer_zone: null, zone_source: 'unknown' },
  ]);
  const cols = await db.query<{ column_name: string; column_default: string | null }>(
    "SELECT column_name, column_default FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'calls' AND column_name = 'outside_window'");
  expect(cols.rows).toEqual([{ column_name: 'outside_window', column_default: 'false' }]);
  await expect(db.query("UPDATE orders SET zone_source = 'phone' WHERE id = $1", [unknown])).rejects.toThrow(/orders_zone_known/);
});
