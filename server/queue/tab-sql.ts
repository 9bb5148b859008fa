/**
 * The queue tabs of shared/domain/tabs.ts as SQL, so listing, counting and claiming run in the
 * database. The rule stays the shared one: day boundaries come from `dayStartsIn(now, tz)`, the
 * thresholds from QUICK_RECALL_MAX_ATTEMPTS / QUICK_RECALL_DELAY_MS, and a test checks that
 * `tab` here equals `queueTabOf` and `due` equals `isDue` on random orders.
 */
import { QUEUE_TABS, QUICK_RECALL_DELAY_MS, QUICK_RECALL_MAX_ATTEMPTS, dayStartsIn } from '../../shared/domain/tabs';
import type { OrderStatus, QueueTab } from '../../shared/domain/schemas';
import type { Sql } from '../db/db';

/**
 * The six leading parameters every tab query binds, in this order:
 * $1 today, $2 yesterday, $3 two days ago (local midnights, UTC), $4 now,
 * $5 quick-recall delay (ms), $6 quick-recall max attempts.
 */
export function tabParams(now: Date, timeZone: string): unknown[] {
  const d = dayStartsIn(now, timeZone);
  return [d.today.toISOString(), d.yesterday.toISOString(), d.twoDaysAgo.toISOString(), now.toISOString(), QUICK_RECALL_DELAY_MS, QUICK_RECALL_MAX_ATTEMPTS];
}

/** Number of parameters taken by `tabParams`; the caller's own parameters start after it. */
export const TAB_PARAM_COUNT = 6;

/** The only status whose orders can be in a tab (an index hint beside TAB_EXPR; the test checks it). */
export const TAB_STATUS: Record<QueueTab, OrderStatus> = {
  new: 'new', inWork: 'callback', quickRecall: 'no_answer', noAnswerToday: 'no_answer',
  noAnswerYesterday: 'no_answer', noAnswer2Days: 'no_answer', noAnswerOlder: 'no_answer',
};

/** SQL expression: the tab of `o` (NULL for final statuses). */
export const TAB_EXPR = `(CASE
  WHEN o.status = 'new' THEN 'new'
  WHEN o.status = 'callback' THEN 'inWork'
  WHEN o.status = 'no_answer' THEN (CASE
    WHEN o.created_at >= $1::timestamptz THEN (CASE WHEN o.failed_attempts > $6::int THEN 'noAnswerToday' ELSE 'quickRecall' END)
    WHEN o.created_at >= $2::timestamptz THEN 'noAnswerYesterday'
    WHEN o.created_at >= $3::timestamptz THEN 'noAnswer2Days'
    ELSE 'noAnswerOlder' END)
  END)`;

/** SQL expression: when `o` (in tab `tabExpr`) becomes due — also the primary taking key (dueAtMs). */
export function dueAtExpr(tabExpr: string): string {
  return `(CASE ${tabExpr}
    WHEN 'new' THEN o.created_at
    WHEN 'quickRecall' THEN COALESCE(o.last_attempt_at + $5::int * interval '1 millisecond', o.created_at)
    WHEN 'inWork' THEN COALESCE(o.callback_at, o.created_at)
    WHEN 'noAnswerToday' THEN COALESCE(o.callback_at, o.created_at)
    ELSE COALESCE(o.last_attempt_at, o.created_at) END)`;
}

/** SQL expression: whether `o` is due now (isDue). */
export function dueExpr(tabExpr: string, dueAt: string): string {
  return `(CASE ${tabExpr}
    WHEN 'new' THEN true WHEN 'noAnswerYesterday' THEN true WHEN 'noAnswer2Days' THEN true
    WHEN 'noAnswerOlder' THEN false
    ELSE ${dueAt} <= $4::timestamptz END)`;
}

/**
 * A sub-select of the open orders with their `tab`, `due_at` and `due` columns (alias it), plus
 * the assignee's name. Bind `tabParams(...)` first.
 */
export const TABBED_ORDERS = `(SELECT o.*, u.name AS assignee_name, ${TAB_EXPR} AS tab, ${dueAtExpr(TAB_EXPR)} AS due_at, ${dueExpr(TAB_EXPR, dueAtExpr(TAB_EXPR))} AS due
   FROM orders o LEFT JOIN users u ON u.id = o.assignee_id
  WHERE o.status IN ('new','callback','no_answer'))`;

/** ORDER BY of the taking order inside a tab (compareForTaking): due time, creation, id. */
export const TAKING_ORDER = 'due_at, created_at, id';

/** Orders per tab: all of them and the due ones. */
export type TabCounts = Record<QueueTab, { total: number; due: number }>;

/**
 * The one count of the tabs (TABBED_ORDERS grouped by tab), behind both `GET queue` and the lead
 * board's queue sizes, so the two never disagree.
 */
export async function countTabs(sql: Sql, now: Date, timeZone: string): Promise<TabCounts> {
  const { rows } = await sql.query<{ tab: QueueTab; total: number; due: number }>(
    `SELECT t.tab, count(*)::int AS total, (count(*) FILTER (WHERE t.due))::int AS due FROM ${TABBED_ORDERS} t GROUP BY t.tab`,
    tabParams(now, timeZone),
  );
  const tabs = Object.fromEntries(QUEUE_TABS.map((t) => [t, { total: 0, due: 0 }])) as TabCounts;
  for (const r of rows) tabs[r.tab] = { total: Number(r.total), due: Number(r.due) };
  return tabs;
}
