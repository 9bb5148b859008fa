import type { RouteModule } from '../app-deps';
import { allow, LEAD_ROLES, userOf } from '../auth/access';
import { parseOr400 } from '../http/errors';
import {
  BoardQuery, IdParams, SendMessageRequest,
  type BoardResponse,
} from '../../shared/api/lead';
import { readCenterSettings } from '../admin/settings';
import { assertUserInScope, teamScope } from '../admin/scope';
import { alertsOf, loadBoardAgents, queueSizes, toWire } from './board-data';
import { forceRelease } from './force-release';

/**
 * The team lead's board and actions: GET board, POST messages, POST orders/:id/force-release
 * (lead: its team; admin: everyone).
 */
export const boardRoutes: RouteModule = (app, deps) => {
  const { db, bus, now, config } = deps;

  /** GET board — rows of the lead's team (admin: all or ?teamId), queue sizes per tab, alerts. */
  app.get('/board', allow(LEAD_ROLES, 'team'), async (req): Promise<BoardResponse> => {
    const actor = userOf(req);
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
  app.post('/messages', allow(LEAD_ROLES, 'team'), async (req, reply) => {
    const actor = userOf(req);
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
  app.post('/orders/:id/force-release', allow(LEAD_ROLES, 'team'), async (req) => {
    const actor = userOf(req);
    const { id } = parseOr400(IdParams, req.params, 'params');
    const out = await forceRelease(db, actor, id, now());
    await bus.publish({ kind: 'poke', userIds: [out.previousHolderId] });
    await bus.publish({ kind: 'activity', userId: out.previousHolderId });
    return { ok: true as const, orderId: id, previousHolderId: out.previousHolderId };
  });
};
