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
import { teamScope } from '../admin/scope';
import { readCenterSettings } from '../admin/settings';
import { DESK_CALL_COLUMNS, deskAttemptOf, pbxRecordOf, recordPbxEvent, type DeskCallRow } from './pbx-records';

function eventsOf(body: PbxEventsRequest): PbxEvent[] {
  if (Array.isArray(body)) return body;
  const batch = PbxEventsBatch.safeParse(body);
  return batch.success ? batch.data.events : [body as PbxEvent];
}

/** The longest period one flags request may cover. */
const MAX_FLAGS_DAYS = 31;

type FlagRow = DeskCallRow & { user_id: number; name: string };

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
      `SELECT c.user_id, u.name, ${DESK_CALL_COLUMNS}
         FROM calls c JOIN users u ON u.id = c.user_id LEFT JOIN pbx_calls p ON p.call_id = c.call_id
        WHERE c.started_at >= $1 AND c.started_at < $2 AND ($3::int IS NULL OR u.team_id = $3::int)
        ORDER BY c.started_at, c.call_id LIMIT 5000`,
      [q.from, q.to, teamId],
    );
    const at = now();
    const flags: PbxFlag[] = [];
    for (const r of rows) {
      const desk = deskAttemptOf(r);
      const d = pbxDisagreement(desk, pbxRecordOf(r), at);
      if (d) flags.push({ callId: r.call_id, orderId: r.order_id, userId: r.user_id, operatorName: r.name, startedAt: desk.startedAt, ...d });
    }
    return { enabled: true, flags };
  });
};
