/**
 * Orders in the database: row ↔ domain mapping, loading with calls, change versions
 * and removals from an operator's held set. Every function takes the `Sql` of the caller's
 * transaction.
 */
import type { Address, CallAttempt, DeliveryOption, Order, OrderLine, OrderStatus } from '../../shared/domain/schemas';
import { emptyAddress } from '../../shared/domain/schemas';
import type { ZoneSource } from '../../shared/domain/customer-zone';
import type { Sql } from '../db/db';
import { recordOrderEvent } from '../integrations/order-events';

/** Columns of `orders` as read by the server. */
export type OrderRow = {
  id: number;
  external_id: string | null;
  status: OrderStatus;
  created_at: Date;
  updated_at: Date;
  failed_attempts: number;
  callback_at: Date | null;
  last_attempt_at: Date | null;
  assignee_id: number | null;
  assignee_name?: string | null;
  lease_until: Date | null;
  taken_at: Date | null;
  offer_sku: string;
  customer_name: string;
  phone: string;
  phone_valid: boolean;
  extra_phone: string | null;
  gender: 'male' | 'female' | null;
  address: Address | null;
  lines: OrderLine[] | null;
  delivery: DeliveryOption | null;
  problem: string | null;
  comment: string;
  version: number;
  customer_zone: string | null;
  zone_source: ZoneSource;
};

type CallRow = { call_id: string; order_id: number; started_at: Date; answered_at: Date | null; ended_at: Date; outcome: CallAttempt['outcome'] };

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();
const isoOrNull = (d: Date | string | null): string | null => (d === null ? null : iso(d));

/** Maps a call row to the shared CallAttempt. */
export function callOfRow(r: CallRow): CallAttempt {
  return { callId: r.call_id, orderId: r.order_id, startedAt: iso(r.started_at), answeredAt: isoOrNull(r.answered_at), endedAt: iso(r.ended_at), outcome: r.outcome };
}

/** Maps an order row (+ its calls) to the shared Order. */
export function orderOfRow(r: OrderRow, calls: CallAttempt[]): Order {
  return {
    id: r.id,
    externalId: r.external_id,
    status: r.status,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    failedAttempts: r.failed_attempts,
    callbackAt: isoOrNull(r.callback_at),
    lastAttemptAt: isoOrNull(r.last_attempt_at),
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name ?? null,
    leaseUntil: isoOrNull(r.lease_until),
    offerSku: r.offer_sku,
    customer: { name: r.customer_name, phone: r.phone, extraPhone: r.extra_phone, gender: r.gender },
    address: r.address ?? emptyAddress(),
    lines: r.lines ?? [],
    delivery: r.delivery,
    problem: r.problem,
    comment: r.comment,
    calls,
    version: r.version,
    customerZone: { zone: r.customer_zone ?? null, source: r.zone_source ?? 'unknown' },
  };
}

/** SELECT list of an order with its assignee's name (alias `o`, joined `u`). */
export const ORDER_SELECT = `SELECT o.*, u.name AS assignee_name FROM orders o LEFT JOIN users u ON u.id = o.assignee_id`;

/** Calls of several orders, grouped by order id, oldest first. */
export async function callsOf(sql: Sql, orderIds: readonly number[]): Promise<Map<number, CallAttempt[]>> {
  const out = new Map<number, CallAttempt[]>();
  if (orderIds.length === 0) return out;
  const { rows } = await sql.query<CallRow>(
    'SELECT call_id, order_id, started_at, answered_at, ended_at, outcome FROM calls WHERE order_id = ANY($1::int[]) ORDER BY started_at, call_id',
    [orderIds],
  );
  for (const r of rows) {
    const list = out.get(r.order_id) ?? [];
    list.push(callOfRow(r));
    out.set(r.order_id, list);
  }
  return out;
}

/**
 * SQL expression: the calls of order `o` as a JSON array of call rows, oldest first (the same
 * order as `callsOf`), so a statement can return an order with its calls in one round trip.
 */
export const CALLS_JSON = `COALESCE((SELECT json_agg(json_build_object('call_id', c.call_id, 'order_id', c.order_id, 'started_at', c.started_at,
    'answered_at', c.answered_at, 'ended_at', c.ended_at, 'outcome', c.outcome) ORDER BY c.started_at, c.call_id)
  FROM calls c WHERE c.order_id = o.id), '[]'::json)`;

/** Maps the `CALLS_JSON` column (timestamps as JSON strings) to CallAttempts. */
export function callsOfJson(list: readonly (Omit<CallRow, 'started_at' | 'answered_at' | 'ended_at'> & { started_at: string; answered_at: string | null; ended_at: string })[]): CallAttempt[] {
  return list.map((r) => callOfRow({ ...r, started_at: new Date(r.started_at), answered_at: r.answered_at === null ? null : new Date(r.answered_at), ended_at: new Date(r.ended_at) }));
}

/** Orders with their calls, in the order of `rows`. */
export async function ordersOfRows(sql: Sql, rows: OrderRow[]): Promise<Order[]> {
  const calls = await callsOf(sql, rows.map((r) => r.id));
  return rows.map((r) => orderOfRow(r, calls.get(r.id) ?? []));
}

/**
 * SQL of the next change version, from the `change_version` sequence (no row lock: writers do
 * not queue behind each other). Use it in the statement that changes the order, which holds the
 * order's row lock; the writing transaction's id is recorded with the change (column defaults,
 * and a trigger on orders), and readers deliver changes by the cursor rule of
 * server/sync/cursor.ts.
 */
export const NEXT_VERSION_SQL = "nextval('change_version')";

/** Records that an order left a user's held set (released, reassigned, expired, result saved). */
export async function recordRemoval(sql: Sql, userId: number, orderId: number): Promise<void> {
  await sql.query("INSERT INTO order_removals (user_id, order_id, version) VALUES ($1, $2, nextval('change_version'))", [userId, orderId]);
}

/**
 * Ends a holder's lease — the one release rule of release, force-release and lease expiry: the
 * lease is cleared, the order's version bumped and a removal recorded for the holder; the
 * assignee stays «Ответственный», except on a Новый order, which goes back to the common pool
 * (an integrations event `returned_to_pool`).
 */
export async function endLease(sql: Sql, orderId: number, holderId: number, now: Date): Promise<void> {
  const { rows } = await sql.query<{ status: OrderStatus }>(
    `UPDATE orders SET lease_until = NULL, assignee_id = CASE WHEN status = 'new' THEN NULL ELSE assignee_id END,
            updated_at = $2, version = nextval('change_version') WHERE id = $1 RETURNING status`,
    [orderId, now.toISOString()],
  );
  if (rows[0]?.status === 'new') await recordOrderEvent(sql, orderId, 'returned_to_pool', now);
  await recordRemoval(sql, holderId, orderId);
}

/**
 * Ends the expired leases of one user (or of everybody with `userId` null): the lease is cleared
 * and a removal is recorded with its own version. The assignee stays «Ответственный», except on a
 * Новый order left untouched, which goes back to the common pool. Returns the users touched.
 */
export async function expireLeases(sql: Sql, now: Date, userId: number | null): Promise<number[]> {
  const { rows } = await sql.query<{ id: number; assignee_id: number }>(
    `SELECT id, assignee_id FROM orders
      WHERE lease_until IS NOT NULL AND lease_until <= $1 AND ($2::int IS NULL OR assignee_id = $2)
      ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED`,
    [now.toISOString(), userId],
  );
  const users = new Set<number>();
  for (const r of rows) {
    await endLease(sql, r.id, r.assignee_id, now);
    users.add(r.assignee_id);
  }
  return [...users];
}
