/**
 * Who may call a route, declared once on the route (`config.access`) and enforced by one hook
 * (`accessHook`, installed by registerApi in app.ts): the hook authenticates, checks the role and puts the
 * user on the request; handlers read it with `userOf(req)` and only narrow the data to the scope.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import type { Role } from '../../shared/api/http';
import type { ServerConfig } from '../config';
import type { Sql } from '../db/db';
import { HttpError } from '../http/errors';
import { bearerOf, userByToken, type AuthedUser } from './session';

/**
 * What a handler narrows the data to: `own` — the caller's own data or orders it holds; `team` —
 * a lead its team (a lead without a team is refused), an admin everything; `all` — no narrowing.
 */
export type AccessScope = 'own' | 'team' | 'all';

/**
 * A route's declaration: `public` (no authentication), `apiKey` (X-Api-Key = INGEST_API_KEY),
 * `integrationKey` (X-Api-Key = INTEGRATION_API_KEY), `socket` (a WebSocket that authenticates
 * in-band, see live-routes.ts), `pbxKey` (X-Api-Key = PBX_API_KEY: a PBX's call events), or the roles allowed with a bearer session and the scope the
 * handler applies.
 */
export type RouteAccess = 'public' | 'apiKey' | 'integrationKey' | 'pbxKey' | 'socket' | { roles: readonly Role[]; scope: AccessScope };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** The authenticated caller of a role route (set by the access hook). */
    user: AuthedUser | null;
  }
}

/** Every role. */
export const ANY_ROLE: readonly Role[] = ['operator', 'lead', 'admin'];
/** Leads and admins. */
export const LEAD_ROLES: readonly Role[] = ['lead', 'admin'];
/** Admins only. */
export const ADMIN_ROLES: readonly Role[] = ['admin'];
/** Operators only (taking orders). */
export const OPERATOR_ROLES: readonly Role[] = ['operator'];

/** Route options declaring the roles allowed and the scope the handler applies. */
export function allow(roles: readonly Role[], scope: AccessScope): { config: { access: RouteAccess } } {
  return { config: { access: { roles, scope } } };
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison of a presented API key with the configured one. */
export function apiKeyMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

/** The declaration of a route's options, or an error naming the route when it has none. */
export function declaredAccess(route: { method: string | string[]; url: string; config?: unknown }): RouteAccess {
  const access = (route.config as { access?: RouteAccess } | undefined)?.access;
  if (access === undefined) throw new Error(`route ${String(route.method)} ${route.url} declares no config.access`);
  return access;
}

/**
 * The onRequest hook enforcing `config.access`: 401 without a valid session (or API key), 403 for
 * a role not declared, 403 for a lead without a team on a team-scoped route, 503 for an API-key
 * route when its key is not configured.
 */
export function accessHook(sql: Sql, config: ServerConfig): onRequestHookHandler {
  return async (req) => {
    req.user = null;
    if (req.is404) return;
    const access = declaredAccess({ method: req.method, url: req.url, config: req.routeOptions.config });
    if (access === 'public' || access === 'socket') return;
    if (access === 'apiKey') {
      if (!config.ingestApiKey) throw new HttpError(503, 'ingest_disabled', 'Приём заказов выключен: задайте INGEST_API_KEY на сервере');
      const key = req.headers['x-api-key'];
      if (typeof key !== 'string' || key.length > 500 || !apiKeyMatches(key, config.ingestApiKey)) {
        throw new HttpError(401, 'bad_api_key', 'Неверный или отсутствующий заголовок X-Api-Key', 'X-Api-Key');
      }
      return;
    }
    if (access === 'integrationKey') {
      if (!config.integrationApiKey) {
        throw new HttpError(503, 'integrations_disabled', 'Лента изменений выключена: задайте INTEGRATION_API_KEY на сервере');
      }
      const key = req.headers['x-api-key'];
      if (typeof key !== 'string' || key.length > 500 || !apiKeyMatches(key, config.integrationApiKey)) {
        throw new HttpError(401, 'bad_api_key', 'Неверный или отсутствующий заголовок X-Api-Key', 'X-Api-Key');
      }
      return;
    }
    if (access === 'pbxKey') {
      if (!config.pbxApiKey) throw new HttpError(503, 'pbx_events_disabled', 'Приём событий АТС выключен: задайте PBX_API_KEY на сервере');
      const key = req.headers['x-api-key'];
      if (typeof key !== 'string' || key.length > 500 || !apiKeyMatches(key, config.pbxApiKey)) {
        throw new HttpError(401, 'bad_api_key', 'Неверный или отсутствующий заголовок X-Api-Key', 'X-Api-Key');
      }
      return;
    }
    const token = bearerOf(req);
    const user = token ? await userByToken(sql, token) : null;
    if (!user) throw new HttpError(401, 'unauthorized', 'Войдите заново: сессия не найдена или истекла');
    if (!access.roles.includes(user.role)) throw new HttpError(403, 'forbidden', 'Недостаточно прав для этого действия');
    if (access.scope === 'team' && user.role === 'lead' && user.teamId === null) {
      throw new HttpError(403, 'forbidden', 'Руководитель не привязан к команде');
    }
    req.user = user;
  };
}

/** The caller put on the request by the access hook (a route declared with roles). */
export function userOf(req: FastifyRequest): AuthedUser {
  if (!req.user) throw new HttpError(401, 'unauthorized', 'Войдите заново: сессия не найдена или истекла');
  return req.user;
}
