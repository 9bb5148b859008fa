import type { RouteModule } from '../app-deps';

/** GET /health — liveness and database reachability. */
export const healthRoutes: RouteModule = (app, { db }) => {
  app.get('/health', { config: { access: 'public' } }, async () => {
    await db.query('SELECT 1');
    return { ok: true, db: db.kind };
  });
};
