/**
 * Taking one shipment status event from fulfilment: the order must exist and be confirmed; the
 * event is stored once per (shipmentId, status, occurredAt) — a repeat with the same data is a
 * duplicate, a repeat with other data (another order or amount) is refused.
 */
import type { ShipmentEventInput, ShipmentEventResult } from '../../shared/api/outcomes';
import type { Sql } from '../db/db';
import { HttpError } from '../http/errors';

/** A status may claim to have happened at most this far in the future (clock skew). */
const MAX_FUTURE_SKEW_MS = 10 * 60_000;

async function orderOf(sql: Sql, e: ShipmentEventInput): Promise<{ id: number; status: string }> {
  const byNumber = e.orderNumber !== undefined;
  const { rows } = await sql.query<{ id: number; status: string }>(
    byNumber ? 'SELECT id, status FROM orders WHERE id = $1' : 'SELECT id, status FROM orders WHERE external_id = $1',
    [byNumber ? e.orderNumber : e.externalId],
  );
  const o = rows[0];
  if (!o) {
    throw byNumber
      ? new HttpError(422, 'unknown_order', `orderNumber: заказ №${e.orderNumber} не найден — статус доставки не принят`, 'orderNumber')
      : new HttpError(422, 'unknown_order', `externalId: заказ «${e.externalId}» не найден — статус доставки не принят`, 'externalId');
  }
  if (o.status !== 'confirmed') {
    throw new HttpError(409, 'order_not_confirmed',
      `Заказ №${o.id} не подтверждён (статус ${o.status}) — статусы доставки принимаются только для подтверждённых заказов`, byNumber ? 'orderNumber' : 'externalId');
  }
  return o;
}

/** Stores one event (idempotent, see the file comment); `now` bounds `occurredAt`. */
export async function ingestShipmentEvent(sql: Sql, e: ShipmentEventInput, now: Date): Promise<ShipmentEventResult> {
  if (Date.parse(e.occurredAt) > now.getTime() + MAX_FUTURE_SKEW_MS) {
    throw new HttpError(400, 'invalid_input', 'occurredAt: время статуса в будущем', 'occurredAt');
  }
  const order = await orderOf(sql, e);
  const amount = e.amountKop ?? null;
  const ins = await sql.query<{ id: string }>(
    `INSERT INTO shipment_events (order_id, shipment_id, status, occurred_at, amount_kop, received_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (shipment_id, status, occurred_at) DO NOTHING RETURNING id`,
    [order.id, e.shipmentId, e.status, e.occurredAt, amount, now.toISOString()],
  );
  if (ins.rows[0]) return { id: Number(ins.rows[0].id), orderId: order.id, outcome: 'created' };
  const { rows } = await sql.query<{ id: string; order_id: number; amount_kop: string | null }>(
    'SELECT id, order_id, amount_kop FROM shipment_events WHERE shipment_id = $1 AND status = $2 AND occurred_at = $3',
    [e.shipmentId, e.status, e.occurredAt],
  );
  const known = rows[0];
  if (!known) throw new Error('shipment event vanished after a conflict');
  if (known.order_id !== order.id || (known.amount_kop === null ? null : Number(known.amount_kop)) !== amount) {
    throw new HttpError(409, 'conflicting_event',
      `Отправление «${e.shipmentId}» со статусом ${e.status} на это время уже принято с другими данными (заказ №${known.order_id})`, 'shipmentId');
  }
  return { id: Number(known.id), orderId: order.id, outcome: 'duplicate' };
}
