import type { Db } from './db';
import { migrations } from './migrations';

/**
 * Applies the numbered, append-only migrations in order, each in its own transaction, recording
 * them in `schema_migrations`. Refuses a database that has migrations this code does not know.
 */
export async function migrate(db: Db): Promise<number> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  const { rows } = await db.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
  const applied = new Set(rows.map((r) => r.id));
  const known = new Set(migrations.map((m) => m.id));
  const unknown = [...applied].filter((id) => !known.has(id));
  if (unknown.length) throw new Error(`database has migrations ${unknown.join(', ')} newer than this server; upgrade the server`);
  let count = 0;
  for (const m of migrations) {
    if (applied.has(m.id)) continue;
    await db.tx(async (sql) => {
      await sql.exec(m.sql);
      await sql.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
    });
    count++;
  }
  return count;
}
