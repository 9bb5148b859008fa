import { LoginRequest, type LoginResponse, type Role } from '../../shared/api/http';
import type { RouteModule } from '../app-deps';
import { HttpError, parseOr400 } from '../http/errors';
import { bearerOf } from './session';
import { ANY_ROLE } from './access';
import { DUMMY_PASSWORD_HASH, hashToken, newToken, verifyPassword } from './passwords';
import { readCenterContext } from '../admin/settings';

type UserRow = {
  id: number; login: string; name: string; role: Role; password_hash: string; active: boolean;
  sip_ws_url: string | null; sip_domain: string | null; sip_user: string | null; sip_password: string | null;
  preview_seconds: number | null; wrap_up_seconds: number | null;
};

/**
 * POST /auth/login — password login, rate-limited per login and per IP across server processes;
 * an unknown or disabled login costs the same scrypt check as a real one. POST /auth/logout.
 */
export const authRoutes: RouteModule = (app, { db, config, loginLimiter, now }) => {
  app.post('/auth/login', { config: { access: 'public' } }, async (req, reply) => {
    const body = parseOr400(LoginRequest, req.body, 'body');
    const wait = await loginLimiter.attempt(body.login, req.ip, now());
    if (wait > 0) {
      reply.header('retry-after', Math.ceil(wait / 1000));
      throw new HttpError(429, 'rate_limited', `Слишком много попыток входа. Повторите через ${Math.ceil(wait / 1000)} с`);
    }
    const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE lower(login) = lower($1)', [body.login]);
    const user = rows[0];
    const verified = await verifyPassword(body.password, user?.active ? user.password_hash : DUMMY_PASSWORD_HASH);
    if (!user || !user.active || !verified) throw new HttpError(401, 'bad_credentials', 'Неверный логин или пароль');
    await loginLimiter.succeed(body.login, req.ip);
    const { token, hash } = newToken();
    const expiresAt = new Date(now().getTime() + config.tokenTtlHours * 3_600_000);
    await db.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [hash, user.id, expiresAt.toISOString()]);
    const center = await readCenterContext(db, config);
    const res: LoginResponse = {
      token,
      expiresAt: expiresAt.toISOString(),
      user: { id: user.id, login: user.login, name: user.name, role: user.role, dialing: { previewSeconds: user.preview_seconds, wrapUpSeconds: user.wrap_up_seconds } },
      sip: user.sip_user && user.sip_ws_url && user.sip_domain
        ? { wsUrl: user.sip_ws_url, domain: user.sip_domain, user: user.sip_user, password: user.sip_password ?? '', displayName: user.name }
        : null,
      timeZone: center.timeZone,
      center,
    };
    return res;
  });

  app.post('/auth/logout', { config: { access: { roles: ANY_ROLE, scope: 'own' } } }, async (req) => {
    await db.query('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [hashToken(bearerOf(req) ?? '')]);
    return { ok: true };
  });
};
