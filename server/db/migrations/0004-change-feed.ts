import type { Migration } from './index';

/**
 * Change stream without a global counter row (docs/sync-protocol.md "Cursor"): versions come from
 * the `change_version` sequence, every change row records its writing transaction (`change_xid`),
 * and order status changes go to the transactional outbox `order_events` (integrations feed).
 */
export const m0004: Migration = {
  id: 4,
  name: 'change-feed',
  sql: `
CREATE SEQUENCE change_version;
SELECT setval('change_version', (SELECT version FROM change_counter WHERE id = 1) + 1, false);
DROP TABLE change_counter;
ALTER TABLE orders ADD COLUMN change_xid bigint NOT NULL DEFAULT 0;
ALTER TABLE orders ALTER COLUMN change_xid SET DEFAULT pg_current_xact_id()::text::bigint;
CREATE FUNCTION orders_change_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.change_xid := pg_current_xact_id()::text::bigint;
  RETURN NEW;
END $$;
CREATE TRIGGER orders_change_xid BEFORE UPDATE OF version ON orders
  FOR EACH ROW WHEN (NEW.version IS DISTINCT FROM OLD.version) EXECUTE FUNCTION orders_change_xid();
CREATE INDEX orders_assignee_change ON orders(assignee_id, change_xid);
ALTER TABLE order_removals ADD COLUMN change_xid bigint NOT NULL DEFAULT 0;
ALTER TABLE order_removals ALTER COLUMN change_xid SET DEFAULT pg_current_xact_id()::text::bigint;
CREATE INDEX order_removals_user_change ON order_removals(user_id, change_xid);
CREATE TABLE order_events (
  id bigserial PRIMARY KEY,
  order_id integer NOT NULL REFERENCES orders(id),
  kind text NOT NULL CHECK (kind IN ('confirmed','cancelled','invalid','callback','no_answer','returned_to_pool')),
  status text NOT NULL,
  payload jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('change_version'),
  change_xid bigint NOT NULL DEFAULT pg_current_xact_id()::text::bigint
);
CREATE INDEX order_events_change ON order_events(change_xid, version);
CREATE INDEX order_events_order ON order_events(order_id, change_xid);
`,
};
