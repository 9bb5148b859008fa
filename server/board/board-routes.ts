import type { RouteModule } from '../app-deps';
import { requireUser } from '../auth/session';
import { HttpError, parseOr400 } from '../http/errors';
import {
  BoardQuery, IdParams, SendMessageRequest, UserOffersRequest,
  type BoardResponse,
} from '../../shared/api/lead';
import { readCenterSettings } from '../admin/settings';
import { assertUserInScope, teamScope } from '../admin/scope';
import { alertsOf, loadBoardAgents, queueSizes, toWire } from './board-data';
import { forceRelease } from './force-release';

const LEADS = ['lead', 'admin'] as const;

/**
 * The team lead's board and actions: GET board, POST messages, POST orders/:id/force-release,
 * PUT admin/users/:id/offers (lead: its team; admin: everyone).
 */
export const boardRoutes: RouteModule = (app, deps) => {
  const { db, bus, now, config } = deps;

  /** GET board — rows of the lead's team (admin: all or ?teamId), queue sizes per tab, alerts. */
  app.get('/board', async (req): Promise<BoardResponse> => {
    const actor = await requireUser(db, req, LEADS);
    const q = parseOr400(BoardQuery, req.query, 'query');
    const teamId = teamScope(actor, q.teamId);
    const settings = await readCenterSettings(db, config);
    const t = now();
    const agents = (await loadBoardAgents(db, { teamId }, t, settings.timeZone)).map(toWire);
    return {
      agents,
      queue: await queueSizes(db, t, settings.timeZone),
      alerts: alertsOf(agents, t, settings.alerts),
      thresholds: settings.alerts,
      serverTime: t.toISOString(),
    };
  });

  /** POST messages — a lead's message to an operator of its team, delivered over the live channel. */
  app.post('/messages', async (req, reply) => {
    const actor = await requireUser(db, req, LEADS);
    const body = parseOr400(SendMessageRequest, req.body, 'body');
    await assertUserInScope(db, actor, body.toUserId);
    const at = now().toISOString();
    const { rows } = await db.query<{ id: number }>(
      'INSERT INTO messages (from_user_id, to_user_id, text, at) VALUES ($1,$2,$3,$4) RETURNING id',
      [actor.id, body.toUserId, body.text, at],
    );
    await bus.publish({ kind: 'message', toUserId: body.toUserId, from: actor.name, text: body.text, at });
    return reply.status(201).send({ id: Number(rows[0]?.id), at });
  });

  /** POST orders/:id/force-release — frees an order whose holder is offline or whose lease is stale. */
  app.post('/orders/:id/force-release', async (req) => {
    const actor = await requireUser(db, req, LEADS);
    const { id } = parseOr400(IdParams, req.params, 'params');
    const out = await forceRelease(db, actor, id, now());
    await bus.publish({ kind: 'poke', userIds: [out.previousHolderId] });
    await bus.publish({ kind: 'activity', userId: out.previousHolderId });
    return { ok: true as const, orderId: id, previousHolderId: out.previousHolderId };
  });

  /** PUT admin/users/:id/offers — replaces the products an operator may take. */
  app.put('/admin/users/:id/offers', async (req) => {
    const actor = await requireUser(db, req, LEADS);
    const { id } = parseOr400(IdParams, req.params, 'params');
    const body = parseOr400(UserOffersRequest, req.body, 'body');
    await assertUserInScope(db, actor, id);
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
};
