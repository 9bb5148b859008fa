/**
 * A fresh schema on the machine's PostgreSQL with every migration applied and one offer `X`, for
 * in-process tests of the server's SQL against the shared rules. Returns the open database
 * (valid inside tests, after the suite's beforeAll).
 */
import { openPg } from '../../../server/db/pg-db';
import { migrate } from '../../../server/db/migrate';
import type { Db } from '../../../server/db/db';
import { PG_URL, dropSchema, uniqueSchema } from './server-process';

/** Registers beforeAll/afterAll that create and drop the schema; call at the top of a suite. */
export function useMigratedSchema(): () => Db {
  let db: Db | null = null;
  const schema = uniqueSchema();
  beforeAll(async () => {
    db = await openPg(PG_URL, schema);
    await migrate(db);
    await db.query("INSERT INTO offers (sku, name, price_kop) VALUES ('X', 'X', 100)");
  });
  afterAll(async () => {
    await db?.close();
    await dropSchema(schema);
  });
  return () => {
    if (!db) throw new Error('the schema is not ready (use it inside tests)');
    return db;
  };
}
