import type { Sql } from '../db/db';
import type { AgentState, BoardAgent, BreakReason, CallQuality } from '../../shared/api/live';
import type { QueueTab } from '../../shared/domain/schemas';
import { QUEUE_TABS, dayStartsIn } from '../../shared/domain/tabs';
import { countTabs } from '../queue/tab-sql';
import { boardAlerts, noAnswerStreak, resultFigures, type AlertThresholds, type ReportCallOutcome, type ReportResult } from '../../shared/domain/reports';
import type { BoardAlert } from '../../shared/api/lead';
import { toIso, toIsoOrNull } from '../live/time';

/** A board row with the operator's team (for routing live updates to the right leads). */
export type BoardAgentRow = BoardAgent & { teamId: number | null };

type AgentRow = {
  id: number; login: string; name: string; team_id: number | null; created_at: unknown;
  state: AgentState | null; break_reason: BreakReason | null; since: unknown; order_id: number | null; call_id: string | null;
  call_started_at: unknown; sip_registered: boolean | null; quality: CallQuality | null; offer_name: string | null;
};

/**
 * The live board rows of the active operators of a team (null: every team), or of the given operators:
 * state and since, current order and offer, call start and quality, SIP registration, and today's
 * counters (local day of the center's zone) computed from the call log and saved results.
 */
export async function loadBoardAgents(sql: Sql, scope: { teamId: number | null; userIds?: readonly number[] }, now: Date, timeZone: string): Promise<BoardAgentRow[]> {
  const { rows } = await sql.query<AgentRow>(
    `SELECT u.id, u.login, u.name, u.team_id, u.created_at, s.state, s.break_reason, s.since, s.order_id, s.call_id,
            s.call_started_at, s.sip_registered, s.quality, f.name AS offer_name
       FROM users u
       LEFT JOIN agent_status s ON s.user_id = u.id
       LEFT JOIN orders o ON o.id = s.order_id
       LEFT JOIN offers f ON f.sku = o.offer_sku
      WHERE u.role = 'operator' AND u.active
        AND ($1::int IS NULL OR u.team_id = $1::int) AND ($2::int[] IS NULL OR u.id = ANY($2::int[]))
      ORDER BY u.name, u.id`,
    [scope.teamId, scope.userIds ? [...scope.userIds] : null],
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const today = dayStartsIn(now, timeZone).today.toISOString();
  const calls = await sql.query<{ user_id: number; outcome: ReportCallOutcome }>(
    'SELECT user_id, outcome FROM calls WHERE user_id = ANY($1::int[]) AND started_at >= $2 ORDER BY started_at DESC',
    [ids, today],
  );
  const results = await sql.query<{ user_id: number; order_id: number; result: ReportResult }>(
    'SELECT user_id, order_id, result FROM order_results WHERE user_id = ANY($1::int[]) AND at >= $2',
    [ids, today],
  );
  const outcomesByUser = new Map<number, ReportCallOutcome[]>();
  for (const c of calls.rows) {
    const list = outcomesByUser.get(c.user_id) ?? [];
    list.push(c.outcome);
    outcomesByUser.set(c.user_id, list);
  }
  const factsByUser = new Map<number, { orderId: number; result: ReportResult; goodsKop: number; extraItems: number }[]>();
  for (const r of results.rows) {
    const list = factsByUser.get(r.user_id) ?? [];
    list.push({ orderId: r.order_id, result: r.result, goodsKop: 0, extraItems: 0 });
    factsByUser.set(r.user_id, list);
  }
  return rows.map((r) => {
    const outcomes = outcomesByUser.get(r.id) ?? [];
    const figures = resultFigures(factsByUser.get(r.id) ?? []);
    return {
      userId: r.id,
      login: r.login,
      name: r.name,
      teamId: r.team_id,
      state: r.state ?? 'offline',
      breakReason: r.state === 'break' ? r.break_reason : null,
      since: toIso(r.since ?? r.created_at),
      orderId: r.order_id,
      offerName: r.offer_name,
      callId: r.call_id,
      callStartedAt: toIsoOrNull(r.call_started_at),
      quality: r.quality,
      sipRegistered: r.sip_registered,
      counters: {
        calls: outcomes.length,
        answered: outcomes.filter((o) => o === 'answered').length,
        confirmed: figures.confirmed,
        processed: figures.processed,
        noAnswerStreak: noAnswerStreak(outcomes),
      },
    };
  });
}

/** Strips the routing field off a board row (the wire shape). */
export function toWire(row: BoardAgentRow): BoardAgent {
  const { teamId: _teamId, ...agent } = row;
  return agent;
}

/** Orders waiting per queue tab: the totals of the queue routes' own count (`countTabs`). */
export async function queueSizes(sql: Sql, now: Date, timeZone: string): Promise<Record<QueueTab, number>> {
  const counts = await countTabs(sql, now, timeZone);
  return Object.fromEntries(QUEUE_TABS.map((t) => [t, counts[t].total])) as Record<QueueTab, number>;
}

/** Alerts of the board rows by the center's thresholds (shared rule `boardAlerts`). */
export function alertsOf(agents: readonly BoardAgent[], now: Date, thresholds: AlertThresholds): BoardAlert[] {
  return agents.flatMap((a) => boardAlerts({
    state: a.state, since: a.since, callStartedAt: a.callStartedAt, sipRegistered: a.sipRegistered, noAnswerStreak: a.counters.noAnswerStreak,
  }, now, thresholds).map((kind) => ({ userId: a.userId, kind })));
}
