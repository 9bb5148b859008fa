import type { z } from 'zod';
import type { RouteModule } from '../app-deps';
import { allow, ADMIN_ROLES, LEAD_ROLES, userOf } from '../auth/access';
import { hashPassword } from '../auth/passwords';
import { HttpError, parseOr400 } from '../http/errors';
import {
  AdminReason, CenterSettingsPatch, CodeParams, CreateTeamRequest, CreateUserRequest, IdParams, PutScriptRequest, SkuParams,
  TariffInput, UpdateUserRequest, UpsertOfferRequest, UserOffersRequest, type AdminUser, type UserOffersResponse,
} from '../../shared/api/lead';
import { Script } from '../../shared/api/http';
import type { Sql } from '../db/db';
import { changeCenterSettings, readCenterSettings } from './settings';
import { parseScriptMarkdown } from '../../shared/domain/script-markdown';
import { assertOperatorInScope } from './scope';

type UserRow = {
  id: number; login: string; name: string; role: AdminUser['role']; team_id: number | null; active: boolean;
  sip_ws_url: string | null; sip_domain: string | null; sip_user: string | null; sip_password: string | null; offer_skus: string[] | null;
  preview_seconds: number | null; wrap_up_seconds: number | null;
};

async function loadUsers(sql: Sql, id?: number): Promise<AdminUser[]> {
  const { rows } = await sql.query<UserRow>(
    `SELECT u.id, u.login, u.name, u.role, u.team_id, u.active, u.sip_ws_url, u.sip_domain, u.sip_user, u.sip_password,
            u.preview_seconds, u.wrap_up_seconds,
            (SELECT array_agg(offer_sku ORDER BY offer_sku) FROM user_offers uo WHERE uo.user_id = u.id) AS offer_skus
       FROM users u WHERE ($1::int IS NULL OR u.id = $1::int) ORDER BY u.role, u.name, u.id`,
    [id ?? null],
  );
  return rows.map((r) => ({
    id: r.id, login: r.login, name: r.name, role: r.role, teamId: r.team_id, active: r.active,
    sipWsUrl: r.sip_ws_url, sipDomain: r.sip_domain, sipUser: r.sip_user, hasSipPassword: !!r.sip_password, offerSkus: r.offer_skus ?? [],
    dialing: { previewSeconds: r.preview_seconds, wrapUpSeconds: r.wrap_up_seconds },
  }));
}

async function assertTeam(sql: Sql, teamId: number | null | undefined): Promise<void> {
  if (teamId === null || teamId === undefined) return;
  const { rows } = await sql.query('SELECT 1 FROM teams WHERE id = $1', [teamId]);
  if (!rows.length) throw new HttpError(400, 'invalid_input', `teamId: команда ${teamId} не найдена`, 'teamId');
}

async function assertOffer(sql: Sql, sku: string): Promise<void> {
  const { rows } = await sql.query('SELECT 1 FROM offers WHERE sku = $1', [sku]);
  if (!rows.length) throw new HttpError(404, 'not_found', `Товар ${sku} не найден`);
}

const isUnique = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';

/**
 * Administration (admin role only): users with roles, teams and SIP accounts (password reset),
 * teams, offers with prices and promo terms, scripts and objections (JSON edit or Markdown
 * upload), the reason directory, delivery tariffs, center settings. One exception: GET
 * admin/users/:id/offers (GET and PUT) is also open to a lead for the operators of its team.
 */
export const adminRoutes: RouteModule = (app, { db, config, bus }) => {
  if (!app.hasContentTypeParser('text/markdown')) {
    app.addContentTypeParser('text/markdown', { parseAs: 'string', bodyLimit: 1_048_576 }, (_req, body, done) => done(null, body));
  }
  /** The body of an admin PUT whose `key` in the address must equal the same field of the body. */
  const keyedBody = async <K extends string, B extends Record<K, string>>(
    req: { params: unknown; body: unknown }, params: z.ZodType<Record<K, string>>, body: z.ZodType<B>, key: K,
  ): Promise<B> => {
    const inPath = parseOr400(params, req.params, 'params')[key];
    const b = parseOr400(body, req.body, 'body');
    if (b[key] !== inPath) throw new HttpError(400, 'invalid_input', `${key}: не совпадает с адресом`, key);
    return b;
  };

  /* users */
  app.get('/admin/users', allow(ADMIN_ROLES, 'all'), async () => ({ users: await loadUsers(db) }));

  /** GET admin/users/:id/offers — the products an operator may take (lead: operators of its team; admin: anyone). */
  app.get('/admin/users/:id/offers', allow(LEAD_ROLES, 'team'), async (req): Promise<UserOffersResponse> => {
    const actor = userOf(req);
    const { id } = parseOr400(IdParams, req.params, 'params');
    await assertOperatorInScope(db, actor, id);
    const { rows } = await db.query<{ offer_sku: string }>('SELECT offer_sku FROM user_offers WHERE user_id = $1', [id]);
    // Sorted as the PUT answer sorts them (code units, not the database collation).
    return { userId: id, offerSkus: rows.map((r) => r.offer_sku).sort() };
  });

  /** PUT admin/users/:id/offers — replaces the products an operator may take (the same scope as the GET). */
  app.put('/admin/users/:id/offers', allow(LEAD_ROLES, 'team'), async (req) => {
    const actor = userOf(req);
    const { id } = parseOr400(IdParams, req.params, 'params');
    const body = parseOr400(UserOffersRequest, req.body, 'body');
    await assertOperatorInScope(db, actor, id);
    const skus = [...new Set(body.offerSkus)];
    if (skus.length) {
      const known = await db.query<{ sku: string }>('SELECT sku FROM offers WHERE sku = ANY($1::text[])', [skus]);
      const missing = skus.filter((s) => !known.rows.some((k) => k.sku === s));
      if (missing.length) throw new HttpError(400, 'invalid_input', `offerSkus: неизвестные товары ${missing.join(', ')}`, 'offerSkus');
    }
    await db.tx(async (sql) => {
      await sql.query('DELETE FROM user_offers WHERE user_id = $1', [id]);
      for (const sku of skus) await sql.query('INSERT INTO user_offers (user_id, offer_sku) VALUES ($1,$2)', [id, sku]);
    });
    return { userId: id, offerSkus: skus.sort() };
  });

  app.post('/admin/users', allow(ADMIN_ROLES, 'all'), async (req, reply) => {
    const b = parseOr400(CreateUserRequest, req.body, 'body');
    await assertTeam(db, b.teamId);
    try {
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO users (login, name, role, password_hash, team_id, sip_ws_url, sip_domain, sip_user, sip_password)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
        [b.login, b.name, b.role, await hashPassword(b.password), b.teamId, b.sipWsUrl ?? null, b.sipDomain ?? null, b.sipUser ?? null, b.sipPassword ?? null],
      );
      return reply.status(201).send((await loadUsers(db, rows[0]?.id))[0]);
    } catch (e) {
      if (isUnique(e)) throw new HttpError(409, 'conflict', `Логин ${b.login} уже занят`, 'login');
      throw e;
    }
  });

  app.patch('/admin/users/:id', allow(ADMIN_ROLES, 'all'), async (req) => {
    const actor = userOf(req);
    const { id } = parseOr400(IdParams, req.params, 'params');
    const b = parseOr400(UpdateUserRequest, req.body, 'body');
    await assertTeam(db, b.teamId);
    if (id === actor.id && ((b.role && b.role !== 'admin') || b.active === false)) {
      throw new HttpError(400, 'invalid_input', 'Нельзя снять с себя роль администратора или отключить себя', 'role');
    }
    const sets: string[] = [];
    const params: unknown[] = [id];
    const set = (col: string, v: unknown) => { params.push(v); sets.push(`${col} = $${params.length}`); };
    if (b.name !== undefined) set('name', b.name);
    if (b.role !== undefined) set('role', b.role);
    if (b.teamId !== undefined) set('team_id', b.teamId);
    if (b.active !== undefined) set('active', b.active);
    if (b.sipWsUrl !== undefined) set('sip_ws_url', b.sipWsUrl);
    if (b.sipDomain !== undefined) set('sip_domain', b.sipDomain);
    if (b.sipUser !== undefined) set('sip_user', b.sipUser);
    if (b.sipPassword !== undefined) set('sip_password', b.sipPassword);
    if (b.password !== undefined) set('password_hash', await hashPassword(b.password));
    if (b.previewSeconds !== undefined) set('preview_seconds', b.previewSeconds);
    if (b.wrapUpSeconds !== undefined) set('wrap_up_seconds', b.wrapUpSeconds);
    await db.tx(async (sql) => {
      const r = sets.length ? await sql.query(`UPDATE users SET ${sets.join(', ')} WHERE id = $1`, params) : await sql.query('SELECT 1 FROM users WHERE id = $1', [id]);
      if (r.rowCount === 0) throw new HttpError(404, 'not_found', `Пользователь ${id} не найден`);
      // A password reset or deactivation ends the user's sessions.
      if (b.password !== undefined || b.active === false) await sql.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
    });
    return (await loadUsers(db, id))[0];
  });

  app.delete('/admin/users/:id', allow(ADMIN_ROLES, 'all'), async (req) => {
    const actor = userOf(req);
    const { id } = parseOr400(IdParams, req.params, 'params');
    if (id === actor.id) throw new HttpError(400, 'invalid_input', 'Нельзя отключить себя', 'id');
    // Users keep their history: "delete" deactivates and ends the sessions.
    const r = await db.query('UPDATE users SET active = false WHERE id = $1', [id]);
    if (r.rowCount === 0) throw new HttpError(404, 'not_found', `Пользователь ${id} не найден`);
    await db.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
    return { ok: true };
  });

  /* teams */
  app.get('/admin/teams', allow(ADMIN_ROLES, 'all'), async () => {
    return { teams: (await db.query<{ id: number; name: string }>('SELECT id, name FROM teams ORDER BY name')).rows };
  });
  app.post('/admin/teams', allow(ADMIN_ROLES, 'all'), async (req, reply) => {
    const b = parseOr400(CreateTeamRequest, req.body, 'body');
    try {
      const { rows } = await db.query<{ id: number; name: string }>('INSERT INTO teams (name) VALUES ($1) RETURNING id, name', [b.name]);
      return reply.status(201).send(rows[0]);
    } catch (e) {
      if (isUnique(e)) throw new HttpError(409, 'conflict', `Команда «${b.name}» уже есть`, 'name');
      throw e;
    }
  });

  /* offers */
  app.get('/admin/offers', allow(ADMIN_ROLES, 'all'), async () => {
    const { rows } = await db.query<{ sku: string; name: string; price_kop: number; promo: unknown; active: boolean }>('SELECT sku, name, price_kop, promo, active FROM offers ORDER BY name');
    return { offers: rows.map((r) => ({ sku: r.sku, name: r.name, priceKop: Number(r.price_kop), promo: r.promo, active: r.active })) };
  });
  app.put('/admin/offers/:sku', allow(ADMIN_ROLES, 'all'), async (req) => {
    const b = await keyedBody(req, SkuParams, UpsertOfferRequest, 'sku');
    const { sku } = b;
    await db.query(
      `INSERT INTO offers (sku, name, price_kop, promo, active) VALUES ($1,$2,$3,$4::jsonb,$5)
       ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name, price_kop = EXCLUDED.price_kop, promo = EXCLUDED.promo, active = EXCLUDED.active`,
      [sku, b.name, b.priceKop, JSON.stringify(b.promo), b.active],
    );
    await bus.publish({ kind: 'activity', userId: null });
    return b;
  });

  /* scripts and objections */
  app.put('/admin/scripts/:sku', allow(ADMIN_ROLES, 'all'), async (req) => {
    const { sku } = parseOr400(SkuParams, req.params, 'params');
    const b = parseOr400(PutScriptRequest, req.body, 'body');
    await assertOffer(db, sku);
    return saveScript(sku, b);
  });
  app.post('/admin/scripts/:sku/markdown', allow(ADMIN_ROLES, 'all'), async (req) => {
    const { sku } = parseOr400(SkuParams, req.params, 'params');
    if (typeof req.body !== 'string' || req.body.trim() === '') throw new HttpError(400, 'invalid_input', 'body: ожидается text/markdown со скриптом', 'body');
    await assertOffer(db, sku);
    const parsed = parseOr400(PutScriptRequest, parseScriptMarkdown(req.body), 'body');
    if (parsed.sections.length === 0) throw new HttpError(400, 'invalid_input', 'body: в скрипте нет разделов «## Заголовок»', 'body');
    return saveScript(sku, parsed);
  });
  const saveScript = async (sku: string, s: { sections: Script['sections']; objections: Script['objections'] }): Promise<Script> => {
    await db.query(
      `INSERT INTO scripts (offer_sku, sections, objections, updated_at) VALUES ($1, $2::jsonb, $3::jsonb, now())
       ON CONFLICT (offer_sku) DO UPDATE SET sections = EXCLUDED.sections, objections = EXCLUDED.objections, updated_at = now()`,
      [sku, JSON.stringify(s.sections), JSON.stringify(s.objections)],
    );
    return { offerSku: sku, sections: s.sections, objections: s.objections };
  };

  /* reasons */
  app.get('/admin/reasons', allow(ADMIN_ROLES, 'all'), async () => {
    const { rows } = await db.query<{ code: string; grp: string; label: string; active: boolean; sort: number }>('SELECT code, grp, label, active, sort FROM reasons ORDER BY grp, sort, code');
    return { reasons: rows.map((r) => ({ code: r.code, group: r.grp, label: r.label, active: r.active, sort: r.sort })) };
  });
  app.put('/admin/reasons/:code', allow(ADMIN_ROLES, 'all'), async (req) => {
    const b = await keyedBody(req, CodeParams, AdminReason, 'code');
    const { code } = b;
    await db.query(
      `INSERT INTO reasons (code, grp, label, active, sort) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (code) DO UPDATE SET grp = EXCLUDED.grp, label = EXCLUDED.label, active = EXCLUDED.active, sort = EXCLUDED.sort`,
      [code, b.group, b.label, b.active, b.sort],
    );
    return b;
  });

  /* delivery tariffs */
  const tariffOut = (r: { id: number; region: string; method: string; carrier: string; price_kop: number; days_min: number; days_max: number }) => ({
    id: r.id, region: r.region, method: r.method, carrier: r.carrier, priceKop: Number(r.price_kop), daysMin: r.days_min, daysMax: r.days_max,
  });
  app.get('/admin/tariffs', allow(ADMIN_ROLES, 'all'), async () => {
    const { rows } = await db.query<Parameters<typeof tariffOut>[0]>('SELECT * FROM delivery_tariffs ORDER BY region, method, id');
    return { tariffs: rows.map(tariffOut) };
  });
  app.post('/admin/tariffs', allow(ADMIN_ROLES, 'all'), async (req, reply) => {
    const b = parseOr400(TariffInput, req.body, 'body');
    const { rows } = await db.query<Parameters<typeof tariffOut>[0]>(
      'INSERT INTO delivery_tariffs (region, method, carrier, price_kop, days_min, days_max) VALUES ($1,$2,$3,$4,$5,$6) RETURNING *',
      [b.region, b.method, b.carrier, b.priceKop, b.daysMin, b.daysMax],
    );
    return reply.status(201).send(tariffOut(rows[0] as Parameters<typeof tariffOut>[0]));
  });
  app.put('/admin/tariffs/:id', allow(ADMIN_ROLES, 'all'), async (req) => {
    const { id } = parseOr400(IdParams, req.params, 'params');
    const b = parseOr400(TariffInput, req.body, 'body');
    const { rows } = await db.query<Parameters<typeof tariffOut>[0]>(
      'UPDATE delivery_tariffs SET region=$2, method=$3, carrier=$4, price_kop=$5, days_min=$6, days_max=$7 WHERE id = $1 RETURNING *',
      [id, b.region, b.method, b.carrier, b.priceKop, b.daysMin, b.daysMax],
    );
    if (!rows[0]) throw new HttpError(404, 'not_found', `Тариф ${id} не найден`);
    return tariffOut(rows[0]);
  });
  app.delete('/admin/tariffs/:id', allow(ADMIN_ROLES, 'all'), async (req) => {
    const { id } = parseOr400(IdParams, req.params, 'params');
    const r = await db.query('DELETE FROM delivery_tariffs WHERE id = $1', [id]);
    if (r.rowCount === 0) throw new HttpError(404, 'not_found', `Тариф ${id} не найден`);
    return { ok: true };
  });

  /* center settings */
  app.get('/admin/settings', allow(ADMIN_ROLES, 'all'), async () => readCenterSettings(db, config));
  app.put('/admin/settings', allow(ADMIN_ROLES, 'all'), async (req) => {
    const b = parseOr400(CenterSettingsPatch, req.body, 'body');
    return changeCenterSettings({ db, config, bus }, b);
  });
};
