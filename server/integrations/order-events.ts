/**
 * The transactional outbox of order status changes (`order_events`): written in the same
 * transaction as the change, so a rolled-back change leaves no event, and read by the
 * integrations changes feed with the shared cursor rule (server/sync/cursor.ts).
 */
import type { OrderEventKind, OrderEventPayload } from '../../shared/api/integrations';
import { orderTotals } from '../../shared/domain/money';
import type { ResultKind } from '../../shared/domain/schemas';
import { emptyAddress } from '../../shared/domain/schemas';
import type { Sql } from '../db/db';
import type { OrderRow } from '../orders/order-repo';

const KIND_OF_RESULT: Record<ResultKind, OrderEventKind> = {
  confirm: 'confirmed', cancel: 'cancelled', invalid: 'invalid', callback: 'callback', noAnswer: 'no_answer',
};

/** The event kind of a saved result. */
export function eventKindOfResult(result: ResultKind): OrderEventKind {
  return KIND_OF_RESULT[result];
}

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();

/** The payload of an event: the order as it is now in the caller's transaction, totals computed here. */
function payloadOf(row: OrderRow & { offer_name: string | null }, at: Date): OrderEventPayload {
  const lines = row.lines ?? [];
  return {
    number: row.id,
    externalId: row.external_id,
    offer: { sku: row.offer_sku, name: row.offer_name ?? row.offer_sku },
    customer: { name: row.customer_name, gender: row.gender },
    phone: row.phone,
    extraPhone: row.extra_phone,
    address: row.address ?? emptyAddress(),
    lines,
    delivery: row.delivery,
    totals: orderTotals(lines, row.delivery),
    callbackAt: row.callback_at === null ? null : iso(row.callback_at),
    at: at.toISOString(),
  };
}

/**
 * Records one event of order `orderId` in the caller's transaction, which must hold the order's
 * row lock (its version then orders the order's events). Call it after the order row is updated.
 */
export async function recordOrderEvent(sql: Sql, orderId: number, kind: OrderEventKind, at: Date): Promise<void> {
  const { rows } = await sql.query<OrderRow & { offer_name: string | null }>(
    'SELECT o.*, f.name AS offer_name FROM orders o LEFT JOIN offers f ON f.sku = o.offer_sku WHERE o.id = $1',
    [orderId],
  );
  const row = rows[0];
  if (!row) throw new Error(`order ${orderId} vanished inside its transaction`);
  await sql.query('INSERT INTO order_events (order_id, kind, status, payload) VALUES ($1, $2, $3, $4)',
    [orderId, kind, row.status, JSON.stringify(payloadOf(row, at))]);
}

/** Records the event of a saved result (see recordOrderEvent). */
export function recordResultEvent(sql: Sql, orderId: number, result: ResultKind, at: Date): Promise<void> {
  return recordOrderEvent(sql, orderId, eventKindOfResult(result), at);
}
