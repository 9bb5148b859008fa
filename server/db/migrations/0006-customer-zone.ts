import type { Migration } from './index';
import { REGIONS } from '../../../shared/domain/russia-regions';
import { ABC_REGIONS } from '../../../shared/domain/phone-regions';

const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const regionRows = REGIONS.map((r) => `(${lit(r.name)}, ${lit(r.zone)})`).join(',\n  ');
const zoneOfCode = new Map(REGIONS.map((r) => [r.code, r.zone]));
const abcRows = Object.entries(ABC_REGIONS).map(([abc, code]) => `(${lit(abc)}, ${lit(zoneOfCode.get(code) ?? 'Europe/Moscow')})`).join(',\n  ');

/**
 * The customer's time zone (shared/domain/customer-zone.ts): `orders.customer_zone` (IANA name,
 * NULL = unknown) with `zone_source`, and `calls.outside_window` — the server's verdict that a call
 * started outside the customer's calling window. Existing orders are placed by their address
 * region (exact region name) and else by the geographic area code of their phone, as the shared
 * rule does; the rest stay unknown. Open orders are indexed by zone for the taking.
 */
export const m0006: Migration = {
  id: 6,
  name: 'customer-zone',
  sql: `
ALTER TABLE orders ADD COLUMN customer_zone text;
ALTER TABLE orders ADD COLUMN zone_source text NOT NULL DEFAULT 'unknown'
  CHECK (zone_source IN ('address','ingest','phone','unknown'));
ALTER TABLE orders ADD CONSTRAINT orders_zone_known CHECK ((customer_zone IS NULL) = (zone_source = 'unknown'));
ALTER TABLE calls ADD COLUMN outside_window boolean NOT NULL DEFAULT false;
CREATE TEMP TABLE m0006_regions (name text PRIMARY KEY, zone text NOT NULL) ON COMMIT DROP;
INSERT INTO m0006_regions VALUES
  ${regionRows};
CREATE TEMP TABLE m0006_abc (abc text PRIMARY KEY, zone text NOT NULL) ON COMMIT DROP;
INSERT INTO m0006_abc VALUES
  ${abcRows};
UPDATE orders o SET customer_zone = r.zone, zone_source = 'address'
  FROM m0006_regions r WHERE r.name = o.address->>'region';
UPDATE orders o SET customer_zone = a.zone, zone_source = 'phone'
  FROM m0006_abc a WHERE o.customer_zone IS NULL AND o.phone ~ '^\\+7[0-9]{10}$' AND a.abc = substring(o.phone from 3 for 3);
CREATE INDEX orders_open_zone ON orders(status, customer_zone) WHERE status IN ('new','callback','no_answer');
`,
};
