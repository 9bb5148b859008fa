import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from './config';
import type { Db } from './db/db';
import { openPg } from './db/pg-db';
import { openPglite } from './db/pglite-db';
import { migrate } from './db/migrate';
import { buildApp } from './app';
import { createBus } from './live/bus';
import { LoginRateLimiter } from './auth/rate-limit';
import { seedDemo } from './demo/seed';
import { attachPgliteFloor } from './pglite-warning';
import { serverLogOptions } from './logging';
import { createWebhookWorker, webhookOptions } from './integrations/webhook-worker';

export type RunningServer = { app: FastifyInstance; db: Db; url: string; close(): Promise<void> };

/** Opens the database (PostgreSQL or PGlite), migrates, optionally seeds demo data, listens. */
export async function startServer(config: ServerConfig, now: () => Date = () => new Date()): Promise<RunningServer> {
  const db = config.databaseUrl
    ? await openPg(config.databaseUrl, config.databaseSchema ?? undefined)
    : await openPglite(config.dataDir);
  await migrate(db);
  if (config.demo) await seedDemo(db, config, now());
  const bus = await createBus(db);
  const app = await buildApp(
    { db, config, bus, now, loginLimiter: new LoginRateLimiter(db) },
    { ...serverLogOptions(config.logLevel), forceCloseConnections: true },
  );
  attachPgliteFloor(app, db);
  await app.listen({ host: config.host, port: config.port });
  // Outgoing webhooks: this process delivers alongside any others on the same database (leases).
  const webhooks = await createWebhookWorker(db, webhookOptions(config), { now, log: app.log }).start();
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  let closing: Promise<void> | null = null;
  return {
    app,
    db,
    url: `http://${config.host}:${port}`,
    close() {
      closing ??= (async () => {
        await webhooks.stop();
        await app.close();
        await bus.close();
        await db.close();
      })();
      return closing;
    },
  };
}
