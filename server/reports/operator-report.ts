import type { Sql } from '../db/db';
import type { HourlyReport, OperatorReport, OperatorReportRow, ReportFigures } from '../../shared/api/lead';
import {
  addStateSeconds, approvalRate, averageOrderValueKop, dayWindow, emptyStateSeconds, localDayKeyOf, localHourOf,
  groupPlanRatio, planProgress, reportBuckets, resultFigures, timeInStates, upsellRate,
  talkSecondsOf, type Bucket, type Granularity, type ReportCallOutcome, type ReportResult, type ReportState, type ResultFact, type StateEvent,
} from '../../shared/domain/reports';
import { qualityOf } from '../../shared/domain/quality';
import { localDate } from '../../shared/domain/tabs';
import { buyoutOfResults, type ShipmentEventFact } from '../../shared/domain/buyout';
import { latestOutcomes } from '../outcomes/shipment-outcomes';
import { toIso, toIsoOrNull } from '../live/time';
import { DESK_CALL_COLUMNS, verifiedAttemptOf, type DeskCallRow } from '../pbx/pbx-records';

/**
 * Who and what a report covers (already scoped by role); `pbxVerified` (center setting
 * `pbxVerifiedCalls`): calls and answers are the PBX's (shared/domain/pbx-calls.ts).
 */
export type ReportScope = { teamId: number | null; userId: number | null; offerSku: string | null; pbxVerified?: boolean };

type Operator = { id: number; login: string; name: string; team_id: number | null };
type CallFact = { userId: number; at: string; outcome: ReportCallOutcome; outsideWindow: boolean; talkSeconds: number };
/** A scored call (at = the call's start). */
type ScoreFact = { userId: number; at: string; points: number; maxPoints: number };
type Fact = ResultFact & { userId: number; at: string };
type Plan = { userId: number; day: string; targetConfirmed: number; targetCalls: number };
/** The latest shipment event of each confirmed order (buyout figures, shared/domain/buyout.ts). */
type Outcomes = ReadonlyMap<number, ShipmentEventFact>;

async function operatorsOf(sql: Sql, scope: ReportScope): Promise<Operator[]> {
  const { rows } = await sql.query<Operator>(
    `SELECT id, login, name, team_id FROM users
      WHERE role = 'operator' AND ($1::int IS NULL OR team_id = $1::int) AND ($2::int IS NULL OR id = $2::int)
      ORDER BY name, id`,
    [scope.teamId, scope.userId],
  );
  return rows;
}

type CallRow = DeskCallRow & { user_id: number; outside_window: boolean; phone: string; extra_phone: string | null };

/** A desk call as a report counts it: as logged, or — when calls are PBX-verified — as the PBX reported it (null: not reported). */
function reportCall(r: CallRow, pbxVerified: boolean): CallFact | null {
  if (!pbxVerified) {
    return { userId: r.user_id, at: toIso(r.started_at), outcome: r.outcome, outsideWindow: r.outside_window, talkSeconds: talkSecondsOf(toIsoOrNull(r.answered_at), toIso(r.ended_at)) };
  }
  const v = verifiedAttemptOf(r, [r.phone, r.extra_phone]);
  return v ? { userId: r.user_id, at: v.startedAt, outcome: v.outcome, outsideWindow: r.outside_window, talkSeconds: talkSecondsOf(v.answeredAt, r.p_ended_at === null ? null : v.endedAt) } : null;
}

/** Loads the raw history of the operators inside [from, to): state events (with the one before), calls, results, plans. */
async function loadHistory(sql: Sql, ids: number[], from: number, to: number, offerSku: string | null, fromDay: string, toDay: string, pbxVerified = false) {
  const f = new Date(from).toISOString();
  const t = new Date(to).toISOString();
  const ev = await sql.query<{ user_id: number; state: ReportState; at: unknown }>(
    `SELECT user_id, state, at FROM agent_events WHERE user_id = ANY($1::int[]) AND at >= $2 AND at < $3
     UNION ALL
     (SELECT DISTINCT ON (user_id) user_id, state, at FROM agent_events WHERE user_id = ANY($1::int[]) AND at < $2
       ORDER BY user_id, at DESC, id DESC)`,
    [ids, f, t],
  );
  const calls = await sql.query<CallRow>(
    `SELECT c.user_id, c.outside_window, o.phone, o.extra_phone, ${DESK_CALL_COLUMNS}
       FROM calls c JOIN orders o ON o.id = c.order_id LEFT JOIN pbx_calls p ON p.call_id = c.call_id
      WHERE c.user_id = ANY($1::int[]) AND c.started_at >= $2 AND c.started_at < $3 AND ($4::text IS NULL OR o.offer_sku = $4::text)`,
    [ids, f, t, offerSku],
  );
  const results = await sql.query<{ user_id: number; order_id: number; result: ReportResult; goods: number; extra_items: number; at: unknown }>(
    `SELECT r.user_id, r.order_id, r.result, (r.total_kop - r.delivery_kop)::bigint AS goods, r.extra_items, r.at
       FROM order_results r JOIN orders o ON o.id = r.order_id
      WHERE r.user_id = ANY($1::int[]) AND r.at >= $2 AND r.at < $3 AND ($4::text IS NULL OR o.offer_sku = $4::text)`,
    [ids, f, t, offerSku],
  );
  const scores = await sql.query<{ operator_id: number; started_at: unknown; points: number; max_points: number }>(
    `SELECT s.operator_id, c.started_at, s.points, s.max_points
       FROM call_scores s JOIN calls c ON c.call_id = s.call_id JOIN orders o ON o.id = s.order_id
      WHERE s.operator_id = ANY($1::int[]) AND c.started_at >= $2 AND c.started_at < $3 AND ($4::text IS NULL OR o.offer_sku = $4::text)`,
    [ids, f, t, offerSku],
  );
  const plans = await sql.query<{ user_id: number; day: unknown; target_confirmed: number; target_calls: number }>(
    `SELECT user_id, to_char(day, 'YYYY-MM-DD') AS day, target_confirmed, target_calls FROM plans
      WHERE user_id = ANY($1::int[]) AND day >= $2::date AND day <= $3::date`,
    [ids, fromDay, toDay],
  );
  const events = new Map<number, StateEvent[]>();
  for (const r of ev.rows) {
    const list = events.get(r.user_id) ?? [];
    list.push({ state: r.state, at: toIso(r.at) });
    events.set(r.user_id, list);
  }
  return {
    events,
    calls: calls.rows.map((r) => reportCall(r, pbxVerified)).filter((c): c is CallFact => c !== null),
    results: results.rows.map((r): Fact => ({ userId: r.user_id, orderId: r.order_id, result: r.result, goodsKop: Number(r.goods), extraItems: r.extra_items, at: toIso(r.at) })),
    plans: plans.rows.map((r): Plan => ({ userId: r.user_id, day: String(r.day), targetConfirmed: r.target_confirmed, targetCalls: r.target_calls })),
    scores: scores.rows.map((r): ScoreFact => ({ userId: r.operator_id, at: toIso(r.started_at), points: r.points, maxPoints: r.max_points })),
  };
}

function figures(time: ReturnType<typeof emptyStateSeconds>, calls: CallFact[], results: Fact[], plans: Plan[], outcomes: Outcomes, scores: ScoreFact[]): ReportFigures {
  const rf = resultFigures(results);
  const plan = plans.length
    ? { targetConfirmed: plans.reduce((s, p) => s + p.targetConfirmed, 0), targetCalls: plans.reduce((s, p) => s + p.targetCalls, 0) }
    : null;
  return {
    time,
    calls: calls.length,
    answered: calls.filter((c) => c.outcome === 'answered').length,
    byResult: rf.byResult,
    processed: rf.processed,
    confirmed: rf.confirmed,
    approvalRate: approvalRate(rf.confirmed, rf.processed),
    averageOrderValueKop: averageOrderValueKop(rf.revenueKop, rf.confirmed),
    upsellRate: upsellRate(rf.confirmedWithExtras, rf.confirmed),
    revenueKop: rf.revenueKop,
    plan,
    planConfirmedRatio: planProgress(plan ? plan.targetConfirmed : null, rf.confirmed).ratio,
    buyout: buyoutOfResults(results, outcomes),
    outsideWindow: calls.filter((c) => c.outsideWindow).length,
    talkSeconds: calls.reduce((sum, c) => sum + c.talkSeconds, 0),
    quality: qualityOf(scores),
  };
}

/**
 * The operators report: per operator per local day (or month) and team totals, computed from
 * agent_events, calls and order_results (never client counters), with the buyout of the orders
 * confirmed in each period from shipment_events. `now` bounds the open state.
 */
export async function operatorReport(
  sql: Sql, scope: ReportScope, range: { from: string; to: string; granularity: Granularity }, timeZone: string, now: Date,
): Promise<OperatorReport> {
  const buckets = reportBuckets(range.from, range.to, timeZone, range.granularity);
  const first = buckets[0] as Bucket;
  const last = buckets[buckets.length - 1] as Bucket;
  const ops = await operatorsOf(sql, scope);
  const h = await loadHistory(sql, ops.map((o) => o.id), first.from, last.to, scope.offerSku, range.from, range.to, scope.pbxVerified);
  const outcomes = await latestOutcomes(sql, h.results.filter((r) => r.result === 'confirm').map((r) => r.orderId));
  const periodOfInstant = (iso: string) => (range.granularity === 'day' ? localDayKeyOf(iso, timeZone) : localDayKeyOf(iso, timeZone).slice(0, 7));
  const periodOfDay = (day: string) => (range.granularity === 'day' ? day : day.slice(0, 7));
  const group = <T>(items: T[], key: (x: T) => string) => {
    const m = new Map<string, T[]>();
    for (const x of items) {
      const k = key(x);
      const list = m.get(k);
      if (list) list.push(x);
      else m.set(k, [x]);
    }
    return m;
  };
  const callsBy = group(h.calls, (c) => `${c.userId}|${periodOfInstant(c.at)}`);
  const resultsBy = group(h.results, (r) => `${r.userId}|${periodOfInstant(r.at)}`);
  const plansBy = group(h.plans, (p) => `${p.userId}|${periodOfDay(p.day)}`);
  const scoresBy = group(h.scores, (x) => `${x.userId}|${periodOfInstant(x.at)}`);
  const rows: OperatorReportRow[] = [];
  const untilMs = now.getTime();
  for (const b of buckets) {
    for (const op of ops) {
      const k = `${op.id}|${b.key}`;
      const time = timeInStates(h.events.get(op.id) ?? [], b, untilMs);
      rows.push({ period: b.key, userId: op.id, login: op.login, name: op.name, teamId: op.team_id, ...figures(time, callsBy.get(k) ?? [], resultsBy.get(k) ?? [], plansBy.get(k) ?? [], outcomes, scoresBy.get(k) ?? []) });
    }
  }
  const totalOf = (pred: (period: string) => boolean, bucketKeys: string[]) => {
    const members = rows.filter((r) => bucketKeys.includes(r.period));
    const time = members.reduce((s, r) => addStateSeconds(s, r.time), emptyStateSeconds());
    const total = figures(
      time,
      h.calls.filter((c) => pred(periodOfInstant(c.at))),
      h.results.filter((r) => pred(periodOfInstant(r.at))),
      h.plans.filter((p) => pred(periodOfDay(p.day))),
      outcomes,
      h.scores.filter((x) => pred(periodOfInstant(x.at))),
    );
    // Plan % over the operators with a plan only (their confirmed ÷ their plans).
    return { ...total, planConfirmedRatio: groupPlanRatio(members.map((r) => ({ confirmed: r.confirmed, targetConfirmed: r.plan?.targetConfirmed ?? null }))) };
  };
  const totals = buckets.map((b) => ({ period: b.key, ...totalOf((p) => p === b.key, [b.key]) }));
  const allKeys = buckets.map((b) => b.key);
  return {
    from: range.from, to: range.to, granularity: range.granularity, timeZone, rows, totals,
    grandTotal: totalOf((p) => allKeys.includes(p), allKeys),
  };
}

/** Calls and confirmations per local hour of a day, and the approval trend of the `trendDays` days ending that day. */
export async function hourlyReport(sql: Sql, scope: ReportScope, day: string, trendDays: number, timeZone: string): Promise<HourlyReport> {
  const dayW = dayWindow(day, timeZone);
  const firstDate = localDate(new Date(dayW.from + 12 * 3_600_000), timeZone, -(trendDays - 1));
  const fromDay = `${firstDate.y}-${String(firstDate.m).padStart(2, '0')}-${String(firstDate.d).padStart(2, '0')}`;
  const buckets = reportBuckets(fromDay, day, timeZone, 'day');
  const ops = await operatorsOf(sql, scope);
  const h = await loadHistory(sql, ops.map((o) => o.id), (buckets[0] as Bucket).from, dayW.to, scope.offerSku, fromDay, day, scope.pbxVerified);
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, calls: 0, answered: 0, confirmed: 0 }));
  for (const c of h.calls) {
    if (localDayKeyOf(c.at, timeZone) !== day) continue;
    const slot = hours[localHourOf(c.at, timeZone)];
    if (!slot) continue;
    slot.calls++;
    if (c.outcome === 'answered') slot.answered++;
  }
  for (const r of h.results) {
    if (r.result !== 'confirm' || localDayKeyOf(r.at, timeZone) !== day) continue;
    const slot = hours[localHourOf(r.at, timeZone)];
    if (slot) slot.confirmed++;
  }
  const trend = buckets.map((b) => {
    const rf = resultFigures(h.results.filter((r) => localDayKeyOf(r.at, timeZone) === b.key));
    return { day: b.key, processed: rf.processed, confirmed: rf.confirmed, approvalRate: approvalRate(rf.confirmed, rf.processed) };
  });
  return { day, timeZone, hours, trend };
}
