/**
 * `tsx live-fixture-cli.ts pglite <dataDir>` or `… pg <schema>`: migrates the database, writes
 * the live/report fixture and prints its ids as JSON (PGlite cannot load inside jest's VM).
 */
import { openPglite } from '../../../server/db/pglite-db';
import { openPg } from '../../../server/db/pg-db';
import { migrate } from '../../../server/db/migrate';
import { seedFixture } from './live-fixture-seed';
import { PG_URL } from './server-process';

async function main(): Promise<void> {
  const [backend, where] = process.argv.slice(2);
  if (!where) throw new Error('usage: live-fixture-cli pglite|pg <dataDir|schema>');
  const db = backend === 'pg' ? await openPg(PG_URL, where) : await openPglite(where);
  await migrate(db);
  const fx = await seedFixture(db);
  await db.close();
  process.stdout.write(`${JSON.stringify(fx)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
