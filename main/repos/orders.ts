/** Cached server copies of the orders this operator holds (plus non-held ones kept for a rejection). */
import type { Database } from 'better-sqlite3';
import { stmt } from './stmt';
import { Order } from '../../shared/domain/schemas';
import { UNKNOWN_CUSTOMER_ZONE } from '../../shared/domain/customer-zone';

type Row = { json: string; held: number };

/** Inserts or replaces the server copy of an order. */
export function upsertOrder(db: Database, order: Order, held = true): void {
  stmt(db, `INSERT INTO orders (id, status, created_at, updated_at, callback_at, customer_name, phone, offer_sku, version, held, json, customer_zone, zone_source)
    VALUES (@id, @status, @createdAt, @updatedAt, @callbackAt, @name, @phone, @offerSku, @version, @held, @json, @zone, @zoneSource)
    ON CONFLICT(id) DO UPDATE SET status=excluded.status, created_at=excluded.created_at, updated_at=excluded.updated_at,
      callback_at=excluded.callback_at, customer_name=excluded.customer_name, phone=excluded.phone,
      offer_sku=excluded.offer_sku, version=excluded.version, held=excluded.held, json=excluded.json,
      customer_zone=excluded.customer_zone, zone_source=excluded.zone_source`).run({
    id: order.id, status: order.status, createdAt: order.createdAt, updatedAt: order.updatedAt,
    callbackAt: order.callbackAt, name: order.customer.name, phone: order.customer.phone,
    offerSku: order.offerSku, version: order.version, held: held ? 1 : 0, json: JSON.stringify(order),
    zone: order.customerZone.zone, zoneSource: order.customerZone.source,
  });
}

/**
 * Stores the server copy answered by a claim (held) and when it was taken. The server keeps its
 * claim instant when its holder renews an unexpired lease, otherwise it takes the order anew and
 * stamps both taken_at and updatedAt with the same instant; the cache mirrors that: it keeps a
 * known taken_at while the previous copy was held under a lease still running at `now`, else it
 * records the claim's `updatedAt`.
 */
export function storeClaimed(db: Database, order: Order, now: Date): void {
  db.transaction(() => {
    const prev = stmt(db, `SELECT held, taken_at AS takenAt, json_extract(json, '$.leaseUntil') AS leaseUntil FROM orders WHERE id = ?`)
      .get(order.id) as { held: number; takenAt: string | null; leaseUntil: string | null } | undefined;
    const kept = prev && prev.held === 1 && prev.leaseUntil !== null && Date.parse(prev.leaseUntil) > now.getTime() ? prev.takenAt : null;
    upsertOrder(db, order, true);
    stmt(db, 'UPDATE orders SET taken_at = ? WHERE id = ?').run(kept ?? order.updatedAt, order.id);
  })();
}

/** When this operator claimed a cached order (UTC ISO), or null when unknown. */
export function takenAtOf(db: Database, id: number): string | null {
  return (stmt(db, 'SELECT taken_at FROM orders WHERE id = ?').pluck().get(id) as string | null | undefined) ?? null;
}

/** A cached order's JSON as an Order; a copy cached before zones were known gets the unknown zone. */
function orderOfJson(json: string): Order {
  const o = JSON.parse(json) as Omit<Order, 'customerZone'> & Partial<Pick<Order, 'customerZone'>>;
  return { ...o, customerZone: o.customerZone ?? { ...UNKNOWN_CUSTOMER_ZONE } };
}

/** The cached server copy of an order, or null. */
export function getOrder(db: Database, id: number): { order: Order; held: boolean } | null {
  const row = stmt(db, 'SELECT json, held FROM orders WHERE id = ?').get(id) as Row | undefined;
  return row ? { order: orderOfJson(row.json), held: row.held === 1 } : null;
}

/** Ids of held orders, oldest first. */
export function heldOrderIds(db: Database): number[] {
  return (stmt(db, 'SELECT id FROM orders WHERE held = 1 ORDER BY created_at, id').pluck().all() as number[]);
}

/** Ids of cached orders that are no longer held but carry a rejection the operator must see. */
export function rejectedUnheldIds(db: Database): number[] {
  return stmt(db, `SELECT o.id FROM orders o WHERE o.held = 0 AND EXISTS (SELECT 1 FROM rejections r WHERE r.order_id = o.id AND r.dismissed = 0) ORDER BY o.created_at, o.id`).pluck().all() as number[];
}

/** Marks an order as no longer held (kept for its rejection) or deletes it. */
export function unholdOrder(db: Database, id: number, keep: boolean): void {
  if (keep) stmt(db, 'UPDATE orders SET held = 0 WHERE id = ?').run(id);
  else stmt(db, 'DELETE FROM orders WHERE id = ?').run(id);
}

/** Orders whose lease needs renewing: held ones ending before `before`, and un-held ones with pending edits. */
export function ordersToRenew(db: Database, before: string): number[] {
  return stmt(db, `SELECT id FROM orders o WHERE (o.held = 1 AND (json_extract(o.json, '$.leaseUntil') IS NULL OR json_extract(o.json, '$.leaseUntil') < ?))
    OR (o.held = 0 AND EXISTS (SELECT 1 FROM outbox x WHERE x.order_id = o.id)) ORDER BY o.id`).pluck().all(before) as number[];
}

/** Deletes an order from the cache. */
export function deleteOrder(db: Database, id: number): void {
  stmt(db, 'DELETE FROM orders WHERE id = ?').run(id);
}

/** All cached server copies (held only), for comparisons and tests. */
export function allHeldOrders(db: Database): Order[] {
  return (stmt(db, 'SELECT json FROM orders WHERE held = 1 ORDER BY id').pluck().all() as string[]).map(orderOfJson);
}
