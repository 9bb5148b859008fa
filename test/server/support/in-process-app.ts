/**
 * The real app built in the test process on the machine's PostgreSQL (a fresh schema holding the
 * live fixture), for tests that need the app's internals: its route table, its log stream, two
 * instances on one schema. PGlite cannot load inside jest's VM: the route suites cover it.
 */
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp } from '../../../server/app';
import { ServerConfig } from '../../../server/config';
import type { Db } from '../../../server/db/db';
import { openPg } from '../../../server/db/pg-db';
import { migrate } from '../../../server/db/migrate';
import { createBus } from '../../../server/live/bus';
import { LoginRateLimiter } from '../../../server/auth/rate-limit';
import { seedFixture, type Fixture } from './live-fixture-seed';
import { INGEST_KEY, PG_URL, client, dropSchema, uniqueSchema } from './server-process';

export type InProcessApp = { app: FastifyInstance; db: Db; url: string; close(): Promise<void> };

/** A fresh schema with the fixture; returns it with a function that drops it. */
export async function fixtureSchema(): Promise<{ schema: string; fx: Fixture; drop(): Promise<void> }> {
  const schema = uniqueSchema();
  const db = await openPg(PG_URL, schema);
  await migrate(db);
  const fx = await seedFixture(db);
  await db.close();
  return { schema, fx, drop: () => dropSchema(schema) };
}

/** Builds the app on an existing schema and listens on a free loopback port (`url`). */
export async function appOn(schema: string, opts: FastifyServerOptions = {}): Promise<InProcessApp> {
  const db = await openPg(PG_URL, schema);
  const config = ServerConfig.parse({ ingestApiKey: INGEST_KEY, databaseSchema: schema });
  const bus = await createBus(db);
  const app = await buildApp({ db, config, bus, now: () => new Date(), loginLimiter: new LoginRateLimiter(db) }, opts);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    db,
    url,
    async close() {
      await app.close();
      await bus.close();
      await db.close();
    },
  };
}

/** Logs in through the app (light-my-request cannot load in jest: real HTTP) and returns the bearer token. */
export async function tokenOf(url: string, login: string, password: string): Promise<string> {
  const r = await client(url).post('/auth/login', { login, password });
  if (r.status !== 200) throw new Error(`login ${login}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token as string;
}
