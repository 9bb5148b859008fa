/**
 * Taking orders (online only): Next order by priority, claim of one order, release. Each is one
 * transaction that locks the order row (`FOR UPDATE [SKIP LOCKED]`), so two operators can never
 * hold the same order; each change takes a new change version and records a removal for the
 * previous holder's held set.
 *
 * A take costs four round trips: one read of the taking context (settings, offers) before the
 * transaction; BEGIN; one statement that locks the order and returns it with its calls; then,
 * after the shared-rule check in JS, one message with the statement that updates the order,
 * records the removal and takes versions from the `change_version` sequence, and COMMIT. No
 * shared row is locked, so takes of different orders never queue behind each other.
 */
import { z } from 'zod';
import type { Order, QueueTab } from '../../shared/domain/schemas';
import { QueueTab as QueueTabSchema } from '../../shared/domain/schemas';
import { DEFAULT_NEXT_PRIORITY, canTakeFromTab, isCallableTab, queueTabOf } from '../../shared/domain/tabs';
import type { AppDeps } from '../app-deps';
import type { AuthedUser } from '../auth/session';
import type { Sql, TxSql } from '../db/db';
import type { ServerConfig } from '../config';
import { HttpError } from '../http/errors';
import { assertCanSee, isHolder, offerSkusSql } from '../orders/access';
import { CALLS_JSON, type OrderRow, callsOfJson, endLease, orderOfRow } from '../orders/order-repo';
import { TAB_EXPR, TAB_PARAM_COUNT, TAB_STATUS, dueAtExpr, dueExpr, tabParams } from './tab-sql';
import { windowInsideExpr, windowParams } from './window-sql';
import { storedWindowOr } from '../admin/settings';
import { windowState, type CallingWindow } from '../../shared/domain/calling-window';

type Priority = readonly { tab: QueueTab; dueOnly: boolean }[];
const PrioritySetting = z.array(z.object({ tab: QueueTabSchema, dueOnly: z.boolean() })).min(1).max(7);

/** Next-order priority from the stored `nextPriority` value: when valid, else DEFAULT_NEXT_PRIORITY; never a not-called tab. */
function priorityOf(value: unknown): Priority {
  const parsed = value === null || value === undefined ? null : PrioritySetting.safeParse(value);
  const list = parsed?.success ? parsed.data : DEFAULT_NEXT_PRIORITY;
  return list.filter((p) => isCallableTab(p.tab));
}

type TakingContext = { skus: string[]; priority: Priority; timeZone: string; callingWindow: CallingWindow };

/**
 * What a take needs besides the order, in one read outside the transaction (none of it is locked):
 * the operator's offers, the Next priority, the center's time zone (setting `timeZone`, else
 * the configured one, as readCenterSettings) and the calling window (setting `callingWindow`, else
 * the configured one).
 */
async function takingContext(sql: Sql, config: ServerConfig, userId: number): Promise<TakingContext> {
  const { rows } = await sql.query<{ skus: string[]; priority: unknown; tz: unknown; win: unknown }>(
    `SELECT ${offerSkusSql('$1')} AS skus,
            (SELECT value FROM center_settings WHERE key = 'nextPriority') AS priority,
            (SELECT value FROM center_settings WHERE key = 'timeZone') AS tz,
            (SELECT value FROM center_settings WHERE key = 'callingWindow') AS win`,
    [userId],
    { prepare: true },
  );
  const r = rows[0];
  const tz = r?.tz;
  return {
    skus: r?.skus ?? [], priority: priorityOf(r?.priority), timeZone: typeof tz === 'string' && tz ? tz : config.timeZone,
    callingWindow: storedWindowOr(r?.win, config),
  };
}

/**
 * The assignee the taking rules see: a Новый order whose lease expired untouched is back in the
 * common pool (like a released one), so its former holder no longer blocks others.
 */
function poolAssignee(row: Pick<OrderRow, 'status' | 'assignee_id' | 'lease_until'>, now: Date): number | null {
  return row.status === 'new' && row.lease_until !== null && row.lease_until.getTime() <= now.getTime() ? null : row.assignee_id;
}

/** Result of a take: the order and the users whose held sets changed (to poke). */
export type TakeResult = { order: Order; poke: number[] };

type LockedRow = OrderRow & { calls_json: Parameters<typeof callsOfJson>[0] };

/**
 * Gives the locked order to the user in one statement, sent together with COMMIT: a removal for
 * the previous holder (when another user held a lease), the order's lease, and the versions from
 * the `change_version` sequence (no shared row is locked; readers order commits by the cursor
 * rule of server/sync/cursor.ts); the removal takes the lower of the two versions, the order the
 * higher (removal first).
 */
async function take(sql: TxSql, row: LockedRow, user: AuthedUser, now: Date, leaseMinutes: number, renew: boolean): Promise<TakeResult> {
  const poke = [user.id];
  const removedFrom = row.assignee_id !== null && row.assignee_id !== user.id && row.lease_until !== null ? row.assignee_id : null;
  if (removedFrom !== null) poke.push(removedFrom);
  const leaseUntil = new Date(now.getTime() + leaseMinutes * 60_000).toISOString();
  const { rows } = await sql.queryAndCommit<OrderRow>(
    `WITH v AS MATERIALIZED (SELECT nextval('change_version') AS a, CASE WHEN $7::int IS NULL THEN NULL ELSE nextval('change_version') END AS b),
          r AS (INSERT INTO order_removals (user_id, order_id, version) SELECT $7::int, $1::int, LEAST(v.a, v.b) FROM v WHERE $7::int IS NOT NULL)
     UPDATE orders o SET assignee_id = $2, lease_until = $3, taken_at = CASE WHEN $5 THEN o.taken_at ELSE $4::timestamptz END,
            updated_at = $4, version = (SELECT GREATEST(v.a, v.b) FROM v)
      WHERE o.id = $1
      RETURNING o.*, $6::text AS assignee_name`,
    [row.id, user.id, leaseUntil, now.toISOString(), renew, user.name, removedFrom],
  );
  const updated = rows[0];
  if (!updated) throw new Error(`order ${row.id} vanished inside its transaction`);
  return { order: orderOfRow(updated, callsOfJson(row.calls_json)), poke };
}

/**
 * One statement that locks the first takeable order of the first priority entry that has one:
 * one `LIMIT 1 FOR UPDATE SKIP LOCKED` CTE per entry (each index-friendly: the status filter narrows
 * the scan, the tab expression decides), tried in priority order. The outer LIMIT stops at the
 * first entry with a row, so later entries are not scanned. In Новый the taking order is creation
 * time (dueAtMs of new = createdAt). Only orders inside their customer's calling window are taken
 * (window-sql.ts). The locked row is returned as locked, with its calls.
 */
export function nextCandidateSql(priority: Priority): string {
  const dueAt = dueAtExpr(TAB_EXPR);
  const p = TAB_PARAM_COUNT;
  const ctes = priority.map((entry, i) => `c${i} AS MATERIALIZED (SELECT o.*, ${i} AS rank FROM orders o
      WHERE o.status = '${TAB_STATUS[entry.tab]}' AND ${TAB_EXPR} = '${entry.tab}'
        ${entry.dueOnly ? `AND ${dueExpr(TAB_EXPR, dueAt)}` : 'AND $5::int >= 0 /* every bound parameter needs a type */'}
        AND o.offer_sku = ANY($${p + 1}::text[])
        AND (o.lease_until IS NULL OR o.lease_until <= $4::timestamptz)
        AND (o.status <> 'new' OR o.assignee_id IS NULL OR o.assignee_id = $${p + 2} OR o.lease_until IS NOT NULL)
        AND ${windowInsideExpr('$4', p + 3)}
      ORDER BY ${entry.tab === 'new' ? 'o.created_at, o.id' : `${dueAt}, o.created_at, o.id`}
      LIMIT 1
      FOR UPDATE OF o SKIP LOCKED)`);
  const union = priority.map((_, i) => `SELECT * FROM c${i}`).join(' UNION ALL ');
  return `WITH ${ctes.join(',\n')},
    pick AS (SELECT * FROM (${union}) u LIMIT 1)
    SELECT o.*, ${CALLS_JSON} AS calls_json FROM pick o`;
}

/**
 * Claims the next order for an operator: the first priority entry with a takeable order among
 * the operator's offers, in the tab's taking order; orders under another unexpired lease are
 * skipped, in Новый only unassigned orders (or the operator's own) are taken, and never an order
 * outside its customer's calling window. Null when nothing is due.
 */
export async function claimNext(deps: AppDeps, user: AuthedUser): Promise<TakeResult | null> {
  const now = deps.now();
  const { skus, priority, timeZone, callingWindow } = await takingContext(deps.db, deps.config, user.id);
  if (skus.length === 0 || priority.length === 0) return null;
  const text = nextCandidateSql(priority);
  return deps.db.tx(async (sql) => {
    const { rows } = await sql.query<LockedRow>(text, [...tabParams(now, timeZone), skus, user.id, ...windowParams(now, callingWindow)], { prepare: true });
    const row = rows[0];
    if (!row) return null;
    const tab = queueTabOf({ status: row.status, createdAt: row.created_at.toISOString(), failedAttempts: row.failed_attempts }, now, timeZone);
    const ok = tab ? canTakeFromTab({ assigneeId: poolAssignee(row, now), offerSku: row.offer_sku }, tab, { id: user.id, offerSkus: skus }) : null;
    if (!ok?.ok) throw new Error(`queue/next selected order ${row.id} that the shared rules refuse (${tab})`);
    if (!windowState(row.customer_zone ?? null, now, callingWindow).inside) throw new Error(`queue/next selected order ${row.id} outside its customer's calling window`);
    return take(sql, row, user, now, deps.config.leaseMinutes, false);
  });
}

/**
 * Claims one order chosen from a tab list, or renews the caller's own lease. 404 unknown order;
 * 409 `final` for a closed order, `held` (with the holder) under another unexpired lease,
 * `assigned` for a Новый order of another operator; 422 `not_called` / `unknown_offer`.
 */
export async function claimOrder(deps: AppDeps, user: AuthedUser, orderId: number): Promise<TakeResult> {
  const now = deps.now();
  const { skus, timeZone } = await takingContext(deps.db, deps.config, user.id);
  return deps.db.tx(async (sql) => {
    const { rows } = await sql.query<LockedRow & { holder_name: string | null }>(
      `SELECT o.*, (SELECT name FROM users WHERE id = o.assignee_id) AS holder_name, ${CALLS_JSON} AS calls_json
         FROM orders o WHERE o.id = $1 FOR UPDATE OF o`,
      [orderId],
      { prepare: true },
    );
    const row = rows[0];
    if (!row) throw new HttpError(404, 'not_found', `Заказ ${orderId} не найден`, 'id');
    if (isHolder(row, user.id, now)) return take(sql, row, user, now, deps.config.leaseMinutes, true);
    if (row.assignee_id !== null && row.lease_until !== null && row.lease_until.getTime() > now.getTime()) {
      throw new HttpError(409, 'held', `Заказ уже в работе у оператора ${row.holder_name ?? row.assignee_id}`, undefined, {
        holder: { id: row.assignee_id, name: row.holder_name ?? '' },
      });
    }
    const tab = queueTabOf({ status: row.status, createdAt: row.created_at.toISOString(), failedAttempts: row.failed_attempts }, now, timeZone);
    if (tab === null && row.status === 'held') throw new HttpError(409, 'final', 'Заказ задержан: номер в чёрном списке, решение за руководителем');
    if (tab === null) throw new HttpError(409, 'final', 'Заказ закрыт (В буфер, Отказ или Невалид): брать его не нужно');
    const verdict = canTakeFromTab({ assigneeId: poolAssignee(row, now), offerSku: row.offer_sku }, tab, { id: user.id, offerSkus: skus });
    if (!verdict.ok) {
      const status = verdict.code === 'assigned' ? 409 : 422;
      const code = verdict.code === 'notCalled' ? 'not_called' : verdict.code === 'unknownOffer' ? 'unknown_offer' : 'assigned';
      throw new HttpError(status, code, verdict.message);
    }
    return take(sql, row, user, now, deps.config.leaseMinutes, false);
  });
}

/**
 * Ends the lease of an order: by its holder, the lead of the holder's team, or an admin. A Новый
 * order released untouched loses its assignee (back to the common pool); otherwise the assignee
 * stays as «Ответственный». Returns the users to poke.
 */
export async function releaseOrder(deps: AppDeps, user: AuthedUser, orderId: number): Promise<number[]> {
  const now = deps.now();
  return deps.db.tx(async (sql) => {
    const { rows } = await sql.query<OrderRow>('SELECT * FROM orders WHERE id = $1 FOR UPDATE', [orderId]);
    const row = rows[0];
    if (!row) throw new HttpError(404, 'not_found', `Заказ ${orderId} не найден`, 'id');
    if (user.role === 'operator') {
      if (row.assignee_id !== user.id) throw new HttpError(403, 'not_holder', 'Отпустить можно только свой заказ');
    } else {
      await assertCanSee(sql, user, row, now);
    }
    if (row.lease_until === null || row.assignee_id === null) return [];
    await endLease(sql, orderId, row.assignee_id, now);
    return [row.assignee_id];
  });
}
