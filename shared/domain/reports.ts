/**
 * Report math of the lead's screens (docs/domain.md «Agent states, board, reports, plans»): time in
 * agent states from the state-event history clipped to local days of the center's zone, approval
 * rate, average order value, upsell rate, plan vs fact, the no-answer streak and board alerts.
 * Pure functions; the server computes the figures with them and the renderer displays them.
 *
 * Definitions (keep in sync with the README):
 * - A state lasts from its event until the next event of the same operator (or `until`, the
 *   present, for the latest one). Logged-in time = every state except `offline`.
 * - processed = distinct orders that received a result from the operator in the bucket;
 *   confirmed = distinct orders confirmed; approval rate = confirmed ÷ processed.
 * - revenue = Σ goods total (order total − delivery) of confirmed results; average order value =
 *   revenue ÷ confirmed; upsell rate = confirmed results with extra items ÷ confirmed.
 */
import { localDate, localParts, startOfLocalDay } from './tabs';

/** Agent states as the reports count them (same names as the live channel). */
export type ReportState = 'offline' | 'ready' | 'dialing' | 'ringing' | 'talking' | 'hold' | 'wrapUp' | 'break';

/** One stored state change of an operator. */
export interface StateEvent { state: ReportState; at: string }

/** Seconds per state inside a window, plus logged-in time (every state but offline). */
export interface StateSeconds {
  loggedIn: number;
  ready: number;
  /** dialing + ringing + talking + hold: the operator is busy with a call. */
  talking: number;
  break: number;
  wrapUp: number;
}

/** A half-open UTC window [from, to). */
export interface Window { from: number; to: number }

/** Zero seconds everywhere. */
export function emptyStateSeconds(): StateSeconds {
  return { loggedIn: 0, ready: 0, talking: 0, break: 0, wrapUp: 0 };
}

/**
 * Accumulates the time an operator spent in each state inside `window` (ms since epoch), from
 * the operator's events sorted by time. Include the last event before the window so the state
 * at its start is known. The latest state lasts until `untilMs` (the present). Seconds are
 * rounded down per call of this function.
 */
export function timeInStates(events: readonly StateEvent[], window: Window, untilMs: number): StateSeconds {
  const ms = { loggedIn: 0, ready: 0, talking: 0, break: 0, wrapUp: 0 };
  const sorted = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (let i = 0; i < sorted.length; i++) {
    const ev = sorted[i];
    if (!ev) continue;
    const start = Date.parse(ev.at);
    const next = sorted[i + 1];
    const end = next ? Date.parse(next.at) : Math.max(start, untilMs);
    const from = Math.max(start, window.from);
    const to = Math.min(end, window.to);
    if (to <= from) continue;
    const d = to - from;
    if (ev.state !== 'offline') ms.loggedIn += d;
    switch (ev.state) {
      case 'ready': ms.ready += d; break;
      case 'dialing': case 'ringing': case 'talking': case 'hold': ms.talking += d; break;
      case 'break': ms.break += d; break;
      case 'wrapUp': ms.wrapUp += d; break;
      default: break;
    }
  }
  return {
    loggedIn: Math.floor(ms.loggedIn / 1000), ready: Math.floor(ms.ready / 1000), talking: Math.floor(ms.talking / 1000),
    break: Math.floor(ms.break / 1000), wrapUp: Math.floor(ms.wrapUp / 1000),
  };
}

/** Sums state seconds. */
export function addStateSeconds(a: StateSeconds, b: StateSeconds): StateSeconds {
  return { loggedIn: a.loggedIn + b.loggedIn, ready: a.ready + b.ready, talking: a.talking + b.talking, break: a.break + b.break, wrapUp: a.wrapUp + b.wrapUp };
}

export type Granularity = 'day' | 'month';

/** A report bucket: a local day (`2026-11-28`) or month (`2026-11`) and its UTC window. */
export interface Bucket { key: string; from: number; to: number }

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a local date. */
export function dayKey(d: { y: number; m: number; d: number }): string {
  return `${d.y}-${pad(d.m)}-${pad(d.d)}`;
}

/** Parses `YYYY-MM-DD` into a local date, or null. */
export function parseDayKey(key: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const check = new Date(Date.UTC(y, mo - 1, d));
  return check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d ? { y, m: mo, d } : null;
}

/** The local day key of an instant in the zone. */
export function localDayKeyOf(instant: Date | string, timeZone: string): string {
  return dayKey(localDate(typeof instant === 'string' ? new Date(instant) : instant, timeZone));
}

/** The local hour (0–23) of an instant in the zone. */
export function localHourOf(instant: Date | string, timeZone: string): number {
  return localParts(typeof instant === 'string' ? new Date(instant) : instant, timeZone).hh;
}

/** UTC window of a local day key (DST-safe: local midnight to the next local midnight). */
export function dayWindow(key: string, timeZone: string): Window {
  const d = parseDayKey(key);
  if (!d) throw new Error(`bad day ${key}`);
  const next = new Date(Date.UTC(d.y, d.m - 1, d.d + 1));
  return {
    from: startOfLocalDay(d, timeZone).getTime(),
    to: startOfLocalDay({ y: next.getUTCFullYear(), m: next.getUTCMonth() + 1, d: next.getUTCDate() }, timeZone).getTime(),
  };
}

/**
 * The buckets covering the local days `fromDay`…`toDay` inclusive: one per day, or one per
 * month (clipped to the range) for `month`. At most `maxDays` days are accepted.
 */
export function reportBuckets(fromDay: string, toDay: string, timeZone: string, granularity: Granularity, maxDays = 400): Bucket[] {
  const a = parseDayKey(fromDay);
  const b = parseDayKey(toDay);
  if (!a || !b) throw new Error('bad range');
  const start = Date.UTC(a.y, a.m - 1, a.d);
  const end = Date.UTC(b.y, b.m - 1, b.d);
  if (end < start) throw new Error('range ends before it starts');
  if ((end - start) / 86_400_000 + 1 > maxDays) throw new Error(`range longer than ${maxDays} days`);
  const out: Bucket[] = [];
  for (let t = start; t <= end; t += 86_400_000) {
    const dt = new Date(t);
    const key = dayKey({ y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() });
    const w = dayWindow(key, timeZone);
    const bucketKey = granularity === 'day' ? key : key.slice(0, 7);
    const last = out[out.length - 1];
    if (last && last.key === bucketKey) last.to = w.to;
    else out.push({ key: bucketKey, from: w.from, to: w.to });
  }
  return out;
}

/** confirmed ÷ processed, or null when nothing was processed. */
export function approvalRate(confirmed: number, processed: number): number | null {
  return processed > 0 ? confirmed / processed : null;
}

/** Average goods value of a confirmed order in kopecks (rounded), or null without confirmations. */
export function averageOrderValueKop(revenueKop: number, confirmed: number): number | null {
  return confirmed > 0 ? Math.round(revenueKop / confirmed) : null;
}

/** Confirmed orders with extra items ÷ confirmed, or null without confirmations. */
export function upsellRate(confirmedWithExtras: number, confirmed: number): number | null {
  return confirmed > 0 ? confirmedWithExtras / confirmed : null;
}

/** Plan vs fact of one figure: progress 0…∞ (null without a target). */
export function planProgress(target: number | null, fact: number): { target: number | null; fact: number; ratio: number | null } {
  return { target, fact, ratio: target !== null && target > 0 ? fact / target : null };
}

/**
 * Plan % of a group (team total): the confirmed orders of the members WITH a plan ÷ the sum of
 * their plans. Members without a plan count in neither part, so 35 confirmed by the team against
 * the single plan of 7 of a member who confirmed 6 gives 6/7, not 35/7. Null when no member has
 * a positive plan. A member is one operator in one period (an operator row of the report).
 */
export function groupPlanRatio(members: readonly { confirmed: number; targetConfirmed: number | null }[]): number | null {
  let confirmed = 0;
  let target = 0;
  for (const m of members) {
    if (m.targetConfirmed === null) continue;
    confirmed += m.confirmed;
    target += m.targetConfirmed;
  }
  return planProgress(target, confirmed).ratio;
}

/** Result kinds as stored on results. */
export type ReportResult = 'confirm' | 'callback' | 'noAnswer' | 'cancel' | 'invalid';

/** One saved result as the reports read it. */
export interface ResultFact { orderId: number; result: ReportResult; goodsKop: number; extraItems: number }

/** Order and money figures of one bucket. */
export interface ResultFigures {
  byResult: Record<ReportResult, number>;
  processed: number;
  confirmed: number;
  confirmedWithExtras: number;
  revenueKop: number;
}

/** Aggregates saved results (see the definitions at the top of this file). */
export function resultFigures(results: readonly ResultFact[]): ResultFigures {
  const byResult: Record<ReportResult, number> = { confirm: 0, callback: 0, noAnswer: 0, cancel: 0, invalid: 0 };
  const processed = new Set<number>();
  const confirmed = new Set<number>();
  let confirmedWithExtras = 0;
  let revenueKop = 0;
  for (const r of results) {
    byResult[r.result]++;
    processed.add(r.orderId);
    if (r.result === 'confirm') {
      confirmed.add(r.orderId);
      revenueKop += r.goodsKop;
      if (r.extraItems > 0) confirmedWithExtras++;
    }
  }
  return { byResult, processed: processed.size, confirmed: confirmed.size, confirmedWithExtras, revenueKop };
}

/** Call outcomes as logged. */
export type ReportCallOutcome = 'answered' | 'noAnswer' | 'busy' | 'failed' | 'cancelled';

/** Talk time of one call in whole seconds: from the answer to the end (0 for an unanswered call). */
export function talkSecondsOf(answeredAt: string | null, endedAt: string | null): number {
  if (!answeredAt || !endedAt) return 0;
  return Math.max(0, Math.floor((Date.parse(endedAt) - Date.parse(answeredAt)) / 1000));
}

/** Consecutive unanswered calls counted from the newest one (outcomes newest first). */
export function noAnswerStreak(outcomesNewestFirst: readonly ReportCallOutcome[]): number {
  let n = 0;
  for (const o of outcomesNewestFirst) {
    if (o === 'answered') break;
    n++;
  }
  return n;
}

/** Alert thresholds of the board (center settings). */
export interface AlertThresholds { longCallMin: number; longBreakMin: number; noAnswerStreak: number }

/** Defaults when the center settings do not say otherwise. */
export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = { longCallMin: 10, longBreakMin: 15, noAnswerStreak: 5 };

export type BoardAlertKind = 'longCall' | 'longBreak' | 'noAnswerStreak' | 'sipUnregistered';

/** What the alert rules read of a board row. */
export interface AlertInput {
  state: ReportState;
  since: string;
  callStartedAt: string | null;
  sipRegistered: boolean | null;
  noAnswerStreak: number;
}

/**
 * Alerts of one operator: a call (dialing…hold) longer than N min, a break longer than N min,
 * N unanswered calls in a row, a logged-in operator whose SIP account is unregistered.
 */
export function boardAlerts(a: AlertInput, now: Date, t: AlertThresholds = DEFAULT_ALERT_THRESHOLDS): BoardAlertKind[] {
  const out: BoardAlertKind[] = [];
  const inCall = a.state === 'dialing' || a.state === 'ringing' || a.state === 'talking' || a.state === 'hold';
  const callStart = a.callStartedAt ?? a.since;
  if (inCall && now.getTime() - Date.parse(callStart) > t.longCallMin * 60_000) out.push('longCall');
  if (a.state === 'break' && now.getTime() - Date.parse(a.since) > t.longBreakMin * 60_000) out.push('longBreak');
  if (a.noAnswerStreak >= t.noAnswerStreak) out.push('noAnswerStreak');
  if (a.state !== 'offline' && a.sipRegistered === false) out.push('sipUnregistered');
  return out;
}

/** Formats a rate 0…1 as a percent with one decimal and a decimal comma: `42,9 %`; `—` for null. */
export function formatRatePct(rate: number | null): string {
  if (rate === null) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1).replace('.', ',')}\u00a0%`;
}

/** Formats seconds as `H:MM:SS`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}
