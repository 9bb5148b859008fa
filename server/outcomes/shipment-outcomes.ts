/**
 * Reading delivery outcomes: each order's latest shipment event (shared rule latestShipmentEvent)
 * for the customer history, the «не выкупает» flag and the buyout reports.
 */
import { latestShipmentEvent, type ShipmentEventFact, type ShipmentStatus } from '../../shared/domain/buyout';
import type { Sql } from '../db/db';
import { toIso } from '../live/time';

/** The latest shipment event of each given order that has any. */
export async function latestOutcomes(sql: Sql, orderIds: readonly number[]): Promise<Map<number, ShipmentEventFact>> {
  const out = new Map<number, ShipmentEventFact>();
  if (orderIds.length === 0) return out;
  const { rows } = await sql.query<{ id: string; order_id: number; status: ShipmentStatus; occurred_at: unknown; amount_kop: string | null }>(
    'SELECT id, order_id, status, occurred_at, amount_kop FROM shipment_events WHERE order_id = ANY($1::int[])',
    [orderIds],
  );
  const byOrder = new Map<number, ShipmentEventFact[]>();
  for (const r of rows) {
    const list = byOrder.get(r.order_id) ?? [];
    list.push({ status: r.status, occurredAt: toIso(r.occurred_at), seq: Number(r.id), amountKop: r.amount_kop === null ? null : Number(r.amount_kop) });
    byOrder.set(r.order_id, list);
  }
  for (const [orderId, events] of byOrder) {
    const latest = latestShipmentEvent(events);
    if (latest) out.set(orderId, latest);
  }
  return out;
}
