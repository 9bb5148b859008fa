/**
 * Calls verified by the PBX (docs/telephony.md «Calls verified by the PBX»): the PBX's call
 * events in, and the lead's list of desk call logs that disagree with the PBX.
 */
import type { RouteModule } from '../app-deps';
import { allow, LEAD_ROLES, userOf } from '../auth/access';
import { HttpError } from '../http/errors';
import { parseClean } from '../orders/parse-clean';
import { PbxEventsBatch, PbxEventsRequest, PbxFlagsQuery, type PbxEvent, type PbxFlag, type PbxFlagsResponse } from '../../shared/api/pbx';
import { pbxDisagreement } from '../../shared/domain/pbx-calls';
import type { CallOutcome } from '../../shared/domain/schemas';
import { teamScope } from '../admin/scope';
import { readCenterSettings } from '../admin/settings';
import { toIso, toIsoOrNull } from '../live/time';
import { pbxCallOf, recordPbxEvent } from './pbx-records';

function eventsOf(body: PbxEventsRequest): PbxEvent[] {
  if (Array.isArray(body)) return body;
  const batch = PbxEventsBatch.safeParse(body);
  return batch.success ? batch.data.events : [body as PbxEvent];
}

/** The longest period one flags request may cover. */
const MAX_FLAGS_DAYS = 31;

type FlagRow = {
  call_id: string; order_id: number; user_id: number; name: string; started_at: unknown; answered_at: unknown; ended_at: unknown; outcome: CallOutcome;
  p_call_id: string | null; caller: string | null; callee: string | null; invited_at: unknown; p_answered_at: unknown; p_ended_at: unknown;
};

export const pbxRoutes: RouteModule = (app, { db, config, now }) => {
  /**
   * POST pbx/events (X-Api-Key = PBX_API_KEY) — call events from any PBX: one event, an array or
   * `{events}`; merged per Call-ID (repeats and any order land the same). 200 `{accepted}`.
   */
  app.post('/pbx/events', { config: { access: 'pbxKey' } }, async (req) => {
    const events = eventsOf(parseClean(PbxEventsRequest, req.body, 'body'));
    const at = now();
    await db.tx(async (sql) => {
      for (const e of events) await recordPbxEvent(sql, e, at);
    });
    return { accepted: events.length };
  });

  /**
   * GET pbx/flags?from&to — desk call logs of [from, to) that disagree with the PBX (kept as
   * logged): lead — its team, admin — everyone. Empty while the center does not verify calls.
   */
  app.get('/pbx/flags', allow(LEAD_ROLES, 'team'), async (req): Promise<PbxFlagsResponse> => {
    const actor = userOf(req);
    const q = parseClean(PbxFlagsQuery, req.query, 'query');
    const from = Date.parse(q.from);
    const to = Date.parse(q.to);
    if (to < from) throw new HttpError(400, 'invalid_input', 'to: конец периода раньше начала', 'to');
    if (to - from > MAX_FLAGS_DAYS * 86_400_000) throw new HttpError(400, 'invalid_input', `to: период не длиннее ${MAX_FLAGS_DAYS} дней`, 'to');
    const teamId = teamScope(actor);
    if (!(await readCenterSettings(db, config)).pbxVerifiedCalls) return { enabled: false, flags: [] };
    const { rows } = await db.query<FlagRow>(
      `SELECT c.call_id, c.order_id, c.user_id, u.name, c.started_at, c.answered_at, c.ended_at, c.outcome,
              p.call_id AS p_call_id, p.caller, p.callee, p.invited_at, p.answered_at AS p_answered_at, p.ended_at AS p_ended_at
         FROM calls c JOIN users u ON u.id = c.user_id LEFT JOIN pbx_calls p ON p.call_id = c.call_id
        WHERE c.started_at >= $1 AND c.started_at < $2 AND ($3::int IS NULL OR u.team_id = $3::int)
        ORDER BY c.started_at, c.call_id LIMIT 5000`,
      [q.from, q.to, teamId],
    );
    const at = now();
    const flags: PbxFlag[] = [];
    for (const r of rows) {
      const desk = {
        callId: r.call_id, orderId: r.order_id, startedAt: toIso(r.started_at), answeredAt: toIsoOrNull(r.answered_at),
        endedAt: toIso(r.ended_at), outcome: r.outcome,
      };
      const pbx = r.p_call_id === null ? null
        : pbxCallOf({ call_id: r.p_call_id, caller: r.caller, callee: r.callee, invited_at: r.invited_at, answered_at: r.p_answered_at, ended_at: r.p_ended_at });
      const d = pbxDisagreement(desk, pbx, at);
      if (d) flags.push({ callId: r.call_id, orderId: r.order_id, userId: r.user_id, operatorName: r.name, startedAt: desk.startedAt, ...d });
    }
    return { enabled: true, flags };
  });
};
