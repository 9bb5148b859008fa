import type { Sql } from '../db/db';
import type { HourlyReport, OperatorReport, OperatorReportRow, ReportFigures } from '../../shared/api/lead';
import {
  addStateSeconds, approvalRate, averageOrderValueKop, dayWindow, emptyStateSeconds, localDayKeyOf, localHourOf,
  groupPlanRatio, planProgress, reportBuckets, resultFigures, timeInStates, upsellRate,
  type Bucket, type Granularity, type ReportCallOutcome, type ReportResult, type ReportState, type ResultFact, type StateEvent,
} from '../../shared/domain/reports';
import { localDate } from '../../shared/domain/tabs';
import { toIso } from '../live/time';

/** Who and what a report covers (already scoped by role). */
export type ReportScope = { teamId: number | null; userId: number | null; offerSku: string | null };

type Operator = { id: number; login: string; name: string; team_id: number | null };
type CallFact = { userId: number; at: string; outcome: ReportCallOutcome };
type Fact = ResultFact & { userId: number; at: string };
type Plan = { userId: number; day: string; targetConfirmed: number; targetCalls: number };

async function operatorsOf(sql: Sql, scope: ReportScope): Promise<Operator[]> {
  const { rows } = await sql.query<Operator>(
    `SELECT id, login, name, team_id FROM users
      WHERE role = 'operator' AND ($1::int IS NULL OR team_id = $1::int) AND ($2::int IS NULL OR id = $2::int)
      ORDER BY name, id`,
    [scope.teamId, scope.userId],
  );
  return rows;
}

/** Loads the raw history of the operators inside [from, to): state events (with the one before), calls, results, plans. */
async function loadHistory(sql: Sql, ids: number[], from: number, to: number, offerSku: string | null, fromDay: string, toDay: string) {
  const f = new Date(from).toISOString();
  const t = new Date(to).toISOString();
  const ev = await sql.query<{ user_id: number; state: ReportState; at: unknown }>(
    `SELECT user_id, state, at FROM agent_events WHERE user_id = ANY($1::int[]) AND at >= $2 AND at < $3
     UNION ALL
     (SELECT DISTINCT ON (user_id) user_id, state, at FROM agent_events WHERE user_id = ANY($1::int[]) AND at < $2
       ORDER BY user_id, at DESC, id DESC)`,
    [ids, f, t],
  );
  const calls = await sql.query<{ user_id: number; started_at: unknown; outcome: ReportCallOutcome }>(
    `SELECT c.user_id, c.started_at, c.outcome FROM calls c JOIN orders o ON o.id = c.order_id
      WHERE c.user_id = ANY($1::int[]) AND c.started_at >= $2 AND c.started_at < $3 AND ($4::text IS NULL OR o.offer_sku = $4::text)`,
    [ids, f, t, offerSku],
  );
  const results = await sql.query<{ user_id: number; order_id: number; result: ReportResult; goods: number; extra_items: number; at: unknown }>(
    `SELECT r.user_id, r.order_id, r.result, (r.total_kop - r.delivery_kop)::bigint AS goods, r.extra_items, r.at
       FROM order_results r JOIN orders o ON o.id = r.order_id
      WHERE r.user_id = ANY($1::int[]) AND r.at >= $2 AND r.at < $3 AND ($4::text IS NULL OR o.offer_sku = $4::text)`,
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
    calls: calls.rows.map((r): CallFact => ({ userId: r.user_id, at: toIso(r.started_at), outcome: r.outcome })),
    results: results.rows.map((r): Fact => ({ userId: r.user_id, orderId: r.order_id, result: r.result, goodsKop: Number(r.goods), extraItems: r.extra_items, at: toIso(r.at) })),
    plans: plans.rows.map((r): Plan => ({ userId: r.user_id, day: String(r.day), targetConfirmed: r.target_confirmed, targetCalls: r.target_calls })),
  };
}

function figures(time: ReturnType<typeof emptyStateSeconds>, calls: CallFact[], results: Fact[], plans: Plan[]): ReportFigures {
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
  };
}

/**
 * The operators report: per operator per local day (or month) and team totals, computed from
 * agent_events, calls and order_results (never client counters). `now` bounds the open state.
 */
export async function operatorReport(
  sql: Sql, scope: ReportScope, range: { from: string; to: string; granularity: Granularity }, timeZone: string, now: Date,
): Promise<OperatorReport> {
  const buckets = reportBuckets(range.from, range.to, timeZone, range.granularity);
  const first = buckets[0] as Bucket;
  const last = buckets[buckets.length - 1] as Bucket;
  const ops = await operatorsOf(sql, scope);
  const h = await loadHistory(sql, ops.map((o) => o.id), first.from, last.to, scope.offerSku, range.from, range.to);
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
  const rows: OperatorReportRow[] = [];
  const untilMs = now.getTime();
  for (const b of buckets) {
    for (const op of ops) {
      const k = `${op.id}|${b.key}`;
      const time = timeInStates(h.events.get(op.id) ?? [], b, untilMs);
      rows.push({ period: b.key, userId: op.id, login: op.login, name: op.name, teamId: op.team_id, ...figures(time, callsBy.get(k) ?? [], resultsBy.get(k) ?? [], plansBy.get(k) ?? []) });
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
  const h = await loadHistory(sql, ops.map((o) => o.id), (buckets[0] as Bucket).from, dayW.to, scope.offerSku, fromDay, day);
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
