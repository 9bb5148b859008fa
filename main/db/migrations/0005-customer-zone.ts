/**
 * Migration 5: the customer's zone of each cached order (`orders.customer_zone`, IANA name or
 * null = unknown, and `orders.zone_source`), beside the order's JSON, for local reads of the window.
 */
import type { Database } from 'better-sqlite3';

/** Adds the two columns and fills them from the cached JSON (rows from before: unknown). */
export function up(db: Database): void {
  db.exec(`ALTER TABLE orders ADD COLUMN customer_zone TEXT;
    ALTER TABLE orders ADD COLUMN zone_source TEXT NOT NULL DEFAULT 'unknown';
    UPDATE orders SET customer_zone = json_extract(json, '$.customerZone.zone'),
      zone_source = COALESCE(json_extract(json, '$.customerZone.source'), 'unknown')
      WHERE json_valid(json);`);
}
