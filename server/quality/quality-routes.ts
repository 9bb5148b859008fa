/**
 * Call quality (docs/domain.md «Call quality»): the admin's checklist, the calls a lead reviews
 * and the lead's score of one call. The score is computed here from the checklist as it stands
 * (shared/domain/quality.ts) and stored with a snapshot of its points.
 */
import { z } from 'zod';
import type { RouteModule } from '../app-deps';
import { ADMIN_ROLES, allow, LEAD_ROLES, userOf } from '../auth/access';
import { HttpError } from '../http/errors';
import { parseClean } from '../orders/parse-clean';
import { teamScope } from '../admin/scope';
import { readCenterSettings } from '../admin/settings';
import {
  QualityCallsQuery, SaveQualityItemRequest, ScoreCallRequest,
  type QualityCall, type QualityCallsResponse, type QualityItemSchema, type QualityItemsResponse,
} from '../../shared/api/quality';
import { scoreCall } from '../../shared/domain/quality';
import { talkSecondsOf } from '../../shared/domain/reports';
import { toIso } from '../live/time';
import { DESK_CALL_COLUMNS, deskAttemptOf, verifiedAttemptOf, type DeskCallRow } from '../pbx/pbx-records';
import type { Sql } from '../db/db';

/** The longest period one review list may cover. */
const MAX_REVIEW_DAYS = 31;

const ItemParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const CallParams = z.object({ callId: z.string().min(1).max(200) });

type ItemRow = { id: number; text: string; points: number; position: number; active: boolean };
const itemOut = (r: ItemRow): QualityItemSchema => ({ id: r.id, text: r.text, points: r.points, position: r.position, active: r.active });

async function checklist(sql: Sql, activeOnly: boolean): Promise<QualityItemSchema[]> {
  const { rows } = await sql.query<ItemRow>(
    `SELECT id, text, points, position, active FROM quality_items WHERE ($1::boolean = false OR active) ORDER BY position, id`, [activeOnly],
  );
  return rows.map(itemOut);
}

type CallRow = DeskCallRow & {
  user_id: number; name: string; team_id: number | null; phone: string; extra_phone: string | null;
  s_points: number | null; s_max: number | null; s_items: unknown; s_comment: string | null; s_by: string | null; s_at: unknown;
};

const CALL_SELECT = `
  SELECT c.user_id, u.name, u.team_id, o.phone, o.extra_phone, ${DESK_CALL_COLUMNS},
         s.points AS s_points, s.max_points AS s_max, s.items AS s_items, s.comment AS s_comment, sb.name AS s_by, s.scored_at AS s_at
    FROM calls c JOIN users u ON u.id = c.user_id JOIN orders o ON o.id = c.order_id
    LEFT JOIN pbx_calls p ON p.call_id = c.call_id
    LEFT JOIN call_scores s ON s.call_id = c.call_id LEFT JOIN users sb ON sb.id = s.scored_by`;

/** A call as the review list shows it, or null when calls are PBX-verified and the PBX never saw it answered. */
function reviewCall(r: CallRow, pbxVerified: boolean): QualityCall | null {
  const v = pbxVerified ? verifiedAttemptOf(r, [r.phone, r.extra_phone]) : deskAttemptOf(r);
  if (!v || v.outcome !== 'answered') return null;
  const { answeredAt, endedAt, startedAt } = v;
  const items = typeof r.s_items === 'string' ? JSON.parse(r.s_items) as unknown : r.s_items;
  return {
    callId: r.call_id, orderId: r.order_id, userId: r.user_id, operatorName: r.name, startedAt, outcome: 'answered',
    talkSeconds: talkSecondsOf(answeredAt, pbxVerified && r.p_ended_at === null ? null : endedAt),
    score: r.s_points === null || r.s_max === null ? null : {
      points: r.s_points, maxPoints: r.s_max, ratio: r.s_points / r.s_max, items: items as NonNullable<QualityCall['score']>['items'],
      comment: r.s_comment ?? '', scoredBy: r.s_by ?? '', scoredAt: toIso(r.s_at),
    },
  };
}

export const qualityRoutes: RouteModule = (app, { db, config, now }) => {
  /** GET quality/items — the checklist: active points for leads, every point for admins. */
  app.get('/quality/items', allow(LEAD_ROLES, 'team'), async (req): Promise<QualityItemsResponse> => ({
    items: await checklist(db, userOf(req).role !== 'admin'),
  }));

  /** POST admin/quality/items — a new checklist point. */
  app.post('/admin/quality/items', allow(ADMIN_ROLES, 'all'), async (req, reply) => {
    const b = parseClean(SaveQualityItemRequest, req.body, 'body');
    const { rows } = await db.query<ItemRow>(
      'INSERT INTO quality_items (text, points, position, active) VALUES ($1, $2, $3, $4) RETURNING id, text, points, position, active',
      [b.text, b.points, b.position, b.active],
    );
    reply.code(201);
    return itemOut(rows[0] as ItemRow);
  });

  /** PUT admin/quality/items/:id — edits a point or retires it (`active: false`); scores already given keep their snapshot. */
  app.put('/admin/quality/items/:id', allow(ADMIN_ROLES, 'all'), async (req) => {
    const { id } = parseClean(ItemParams, req.params, 'params');
    const b = parseClean(SaveQualityItemRequest, req.body, 'body');
    const { rows } = await db.query<ItemRow>(
      'UPDATE quality_items SET text = $2, points = $3, position = $4, active = $5 WHERE id = $1 RETURNING id, text, points, position, active',
      [id, b.text, b.points, b.position, b.active],
    );
    if (!rows[0]) throw new HttpError(404, 'not_found', `Пункт чек-листа ${id} не найден`);
    return itemOut(rows[0]);
  });

  /** GET quality/calls?from&to[&userId] — answered calls of [from, to) with their scores: lead — its team, admin — everyone. */
  app.get('/quality/calls', allow(LEAD_ROLES, 'team'), async (req): Promise<QualityCallsResponse> => {
    const q = parseClean(QualityCallsQuery, req.query, 'query');
    const from = Date.parse(q.from);
    const to = Date.parse(q.to);
    if (to < from) throw new HttpError(400, 'invalid_input', 'to: конец периода раньше начала', 'to');
    if (to - from > MAX_REVIEW_DAYS * 86_400_000) throw new HttpError(400, 'invalid_input', `to: период не длиннее ${MAX_REVIEW_DAYS} дней`, 'to');
    const teamId = teamScope(userOf(req));
    const pbxVerified = (await readCenterSettings(db, config)).pbxVerifiedCalls;
    const { rows } = await db.query<CallRow>(
      `${CALL_SELECT}
        WHERE c.started_at >= $1 AND c.started_at < $2 AND ($3::int IS NULL OR u.team_id = $3::int) AND ($4::int IS NULL OR c.user_id = $4::int)
          AND (c.answered_at IS NOT NULL OR p.answered_at IS NOT NULL)
        ORDER BY c.started_at DESC, c.call_id LIMIT 2000`,
      [q.from, q.to, teamId, q.userId ?? null],
    );
    return { calls: rows.map((r) => reviewCall(r, pbxVerified)).filter((c): c is QualityCall => c !== null) };
  });

  /**
   * PUT quality/calls/:callId/score — a lead scores an answered call of its team (admin: any):
   * every active checklist point marked met or not; the server computes the points. A new score
   * of the same call replaces the previous one.
   */
  app.put('/quality/calls/:callId/score', allow(LEAD_ROLES, 'team'), async (req) => {
    const actor = userOf(req);
    const { callId } = parseClean(CallParams, req.params, 'params');
    const b = parseClean(ScoreCallRequest, req.body, 'body');
    const teamId = teamScope(actor);
    const pbxVerified = (await readCenterSettings(db, config)).pbxVerifiedCalls;
    return db.tx(async (sql) => {
      const { rows } = await sql.query<CallRow>(`${CALL_SELECT} WHERE c.call_id = $1`, [callId]);
      const row = rows[0];
      if (!row) throw new HttpError(404, 'not_found', `Звонок ${callId} не найден`);
      if (teamId !== null && row.team_id !== teamId) throw new HttpError(403, 'forbidden', 'Звонок оператора другой команды недоступен');
      if (!reviewCall(row, pbxVerified)) {
        throw new HttpError(409, 'rule_broken', pbxVerified ? 'Оценить можно только разговор, подтверждённый АТС' : 'Оценить можно только звонок с разговором');
      }
      const result = scoreCall(await checklist(sql, true), b.answers);
      if (!result.ok) throw new HttpError(400, 'invalid_input', result.problems.join('; '), 'answers');
      const at = now();
      await sql.query(
        `INSERT INTO call_scores (call_id, order_id, operator_id, scored_by, scored_at, points, max_points, items, comment)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)
         ON CONFLICT (call_id) DO UPDATE SET scored_by = EXCLUDED.scored_by, scored_at = EXCLUDED.scored_at, points = EXCLUDED.points,
           max_points = EXCLUDED.max_points, items = EXCLUDED.items, comment = EXCLUDED.comment`,
        [callId, row.order_id, row.user_id, actor.id, at.toISOString(), result.score.points, result.score.maxPoints, JSON.stringify(result.scored), b.comment],
      );
      const { rows: again } = await sql.query<CallRow>(`${CALL_SELECT} WHERE c.call_id = $1`, [callId]);
      return reviewCall(again[0] as CallRow, pbxVerified);
    });
  });
};
