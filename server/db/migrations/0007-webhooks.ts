import type { Migration } from './index';

/**
 * Outgoing webhooks (docs/integrations.md): endpoints an admin configures, one delivery per
 * (endpoint, order event) created by a trigger in the same transaction as the event (so the
 * outbox and the deliveries never disagree), and a log of recent attempts. A delivery is claimed
 * with a lease (`lease_until`, `lease_token`) so several server processes never send it at once.
 */
export const m0007: Migration = {
  id: 7,
  name: 'webhooks',
  sql: `
CREATE TABLE webhook_endpoints (
  id serial PRIMARY KEY,
  url text NOT NULL,
  secret text NOT NULL,
  kinds text[] NOT NULL,
  paused boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE webhook_deliveries (
  id bigserial PRIMARY KEY,
  endpoint_id integer NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
  event_id bigint NOT NULL REFERENCES order_events(id),
  order_id integer NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','delivered','dead')),
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  window_start timestamptz NOT NULL DEFAULT now(),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  lease_token uuid,
  last_attempt_at timestamptz,
  last_status integer,
  last_latency_ms integer,
  last_error text,
  delivered_at timestamptz,
  UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_order ON webhook_deliveries(endpoint_id, order_id, event_id) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_state ON webhook_deliveries(endpoint_id, state, id);
CREATE TABLE webhook_attempts (
  id bigserial PRIMARY KEY,
  delivery_id bigint NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
  endpoint_id integer NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
  event_id bigint NOT NULL,
  attempt integer NOT NULL,
  at timestamptz NOT NULL,
  status integer,
  latency_ms integer NOT NULL,
  error text,
  retry_at timestamptz
);
CREATE INDEX webhook_attempts_endpoint ON webhook_attempts(endpoint_id, id);
CREATE FUNCTION order_events_webhooks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO webhook_deliveries (endpoint_id, event_id, order_id)
    SELECT e.id, NEW.id, NEW.order_id FROM webhook_endpoints e WHERE NEW.kind = ANY(e.kinds);
  IF FOUND THEN
    PERFORM pg_notify('webhooks', '');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER order_events_webhooks AFTER INSERT ON order_events FOR EACH ROW EXECUTE FUNCTION order_events_webhooks();
`,
};
