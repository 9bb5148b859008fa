import type { Migration } from './index';

/**
 * Delivery outcomes and the blacklist (docs/domain.md «Buyout, non-buyers, blacklist»):
 * shipment status events reported by fulfilment (idempotent by shipment id + status + time), the
 * blacklist of phones, the `held` order status and event kind for orders from blacklisted phones.
 * The «не выкупает» flag is read from the events through the orders' phone index, so it needs
 * only the events' order index.
 */
export const m0008: Migration = {
  id: 8,
  name: 'outcomes',
  sql: `
CREATE TABLE shipment_events (
  id bigserial PRIMARY KEY,
  order_id integer NOT NULL REFERENCES orders(id),
  shipment_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('shipped','delivered','returned','lost')),
  occurred_at timestamptz NOT NULL,
  amount_kop bigint CHECK (amount_kop >= 0),
  received_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'delivered') = (amount_kop IS NOT NULL)),
  UNIQUE (shipment_id, status, occurred_at)
);
CREATE INDEX shipment_events_order ON shipment_events(order_id, occurred_at, id);
CREATE TABLE blacklist (
  id serial PRIMARY KEY,
  phone text NOT NULL UNIQUE,
  reason text NOT NULL,
  author_id integer REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check
  CHECK (status IN ('new','callback','no_answer','confirmed','cancelled','invalid','held'));
CREATE INDEX orders_held ON orders(created_at) WHERE status = 'held';
ALTER TABLE order_events DROP CONSTRAINT order_events_kind_check;
ALTER TABLE order_events ADD CONSTRAINT order_events_kind_check
  CHECK (kind IN ('confirmed','cancelled','invalid','callback','no_answer','returned_to_pool','held'));
`,
};
