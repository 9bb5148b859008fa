import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import websocket from '@fastify/websocket';
import { ZodError } from 'zod';
import type { AppDeps } from './app-deps';
import { HttpError, fromZod } from './http/errors';
import { routeModules } from './routes';
import { accessHook, declaredAccess } from './auth/access';

/**
 * Builds the Fastify app with every route module under /api/v1 and uniform JSON errors. Every
 * route must declare `config.access` (registration fails otherwise); one onRequest hook enforces it.
 */
export async function buildApp(deps: AppDeps, opts: FastifyServerOptions = {}): Promise<FastifyInstance> {
  // Long path parameters reach the routes' zod checks (a 400 naming the field) instead of the router's bare 414.
  const app = Fastify({ bodyLimit: 1_048_576, routerOptions: { maxParamLength: 16_384 }, ...opts });
  await app.register(websocket, { options: { maxPayload: 65_536 } });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof HttpError) {
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}), ...err.extra } });
    }
    if (err instanceof ZodError) {
      const e = fromZod(err, 'body');
      return reply.status(400).send({ error: { code: e.code, message: e.message, field: e.field } });
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const code = (err as { code?: string }).code ?? 'bad_request';
      // Body parser errors (empty/invalid JSON, wrong content type, too large) name the body.
      const field = code.startsWith('FST_ERR_CTP_') ? { field: 'body' } : {};
      return reply.status(status).send({ error: { code: code.toLowerCase(), message: err instanceof Error ? err.message : 'bad request', ...field } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Внутренняя ошибка сервера' } });
  });
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ error: { code: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` } });
  });

  await registerApi(app, deps);
  return app;
}

/**
 * Registers every route module under /api/v1 behind the access hook: a route without
 * `config.access` fails the registration; each request is authenticated and its role checked
 * before the handler runs (server/auth/access.ts).
 */
export async function registerApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.decorateRequest('user', null);
  app.addHook('onRoute', (route) => { declaredAccess(route); });
  app.addHook('onRequest', accessHook(deps.db, deps.config));
  await app.register(async (api) => {
    for (const mod of routeModules) await mod(api, deps);
  }, { prefix: '/api/v1' });
}
