/**
 * A fresh schema on the machine's PostgreSQL with every migration applied and one offer `X`, for
 * in-process tests of the server's SQL against the shared rules. Returns the open database
 * (valid inside tests, after the suite's beforeAll).
 */
import { openPg } from '../../../server/db/pg-db';
import { migrate } from '../../../server/db/migrate';
import { migrations } from '../../../server/db/migrations';
import type { Db } from '../../../server/db/db';
import { PG_URL, dropSchema, uniqueSchema } from './server-process';

/** Registers beforeAll/afterAll that create and drop the migrated schema; call at the top of a suite. */
export function useMigratedSchema(): () => Db {
  const db = useEmptySchema();
  beforeAll(async () => {
    await migrate(db());
    await db().query("INSERT INTO offers (sku, name, price_kop) VALUES ('X', 'X', 100)");
  });
  return db;
}

/**
 * Registers beforeAll/afterAll that create and drop an empty schema (no migration applied), for
 * tests of one migration over a database from before it; call at the top of a suite.
 */
export function useEmptySchema(): () => Db {
  let db: Db | null = null;
  const schema = uniqueSchema();
  beforeAll(async () => { db = await openPg(PG_URL, schema); });
  afterAll(async () => {
    await db?.close();
    await dropSchema(schema);
  });
  return () => {
    if (!db) throw new Error('the schema is not ready (use it inside tests)');
    return db;
  };
}

/** Applies every migration numbered below `id` (a database as it was before migration `id`). */
export async function applyMigrationsBefore(db: Db, id: number): Promise<void> {
  for (const m of migrations.filter((x) => x.id < id)) await db.exec(m.sql);
}

/** Expects the statement to be refused by the database (a constraint or a check). */
export function expectRefused(db: Db, sql: string, params: unknown[] = []): Promise<void> {
  return expect(db.tx((t) => t.query(sql, params))).rejects.toThrow();
}
