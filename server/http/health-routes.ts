import type { RouteModule } from '../app-deps';

/** GET /health — liveness and database reachability (a ping that does not queue behind a busy floor). */
export const healthRoutes: RouteModule = (app, { db }) => {
  app.get('/health', { config: { access: 'public' } }, async () => {
    await db.ping();
    return { ok: true, db: db.kind };
  });
};
