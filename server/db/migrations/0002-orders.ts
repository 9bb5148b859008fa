import type { Migration } from './index';
import { DEFAULT_REASONS } from '../../../shared/domain/reasons';

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Orders and their history (results, calls), the directories (offers, scripts, reasons, delivery
 * tariffs) and the sync bookkeeping (clients, rejections, removals).
 * `orders.lease_until IS NOT NULL` ⇔ the order is in its assignee's held set and no removal has
 * been recorded yet; `assignee_id` stays after the lease ends («Ответственный»). A fresh database
 * starts with the default reason directory (docs/domain.md «Results»).
 */
export const m0002: Migration = {
  id: 2,
  name: 'orders',
  sql: `
CREATE TABLE offers (
  sku text PRIMARY KEY,
  name text NOT NULL,
  price_kop bigint NOT NULL CHECK (price_kop >= 0),
  promo jsonb NOT NULL DEFAULT '{"text":"","allowedDiscountsPct":[0]}',
  active boolean NOT NULL DEFAULT true
);
CREATE TABLE scripts (
  offer_sku text PRIMARY KEY REFERENCES offers(sku),
  sections jsonb NOT NULL,
  objections jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE reasons (
  code text PRIMARY KEY,
  grp text NOT NULL CHECK (grp IN ('noAnswer','cancel','callback','invalid')),
  label text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  sort integer NOT NULL DEFAULT 0
);
CREATE TABLE delivery_tariffs (
  id serial PRIMARY KEY,
  region text NOT NULL DEFAULT '*',
  method text NOT NULL CHECK (method IN ('courier','post','pickup')),
  carrier text NOT NULL,
  price_kop bigint NOT NULL CHECK (price_kop >= 0),
  days_min integer NOT NULL,
  days_max integer NOT NULL
);
CREATE INDEX delivery_tariffs_region ON delivery_tariffs(region);
CREATE TABLE orders (
  id serial PRIMARY KEY,
  external_id text UNIQUE,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new','callback','no_answer','confirmed','cancelled','invalid')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0,
  callback_at timestamptz,
  last_attempt_at timestamptz,
  assignee_id integer REFERENCES users(id),
  lease_until timestamptz,
  taken_at timestamptz,
  offer_sku text NOT NULL REFERENCES offers(sku),
  customer_name text NOT NULL DEFAULT '',
  phone text NOT NULL,
  phone_valid boolean NOT NULL DEFAULT true,
  phone_raw text,
  extra_phone text,
  gender text CHECK (gender IN ('male','female')),
  address jsonb NOT NULL,
  lines jsonb NOT NULL,
  delivery jsonb,
  problem text,
  comment text NOT NULL DEFAULT '',
  version bigint NOT NULL DEFAULT 0
);
CREATE INDEX orders_queue ON orders(status, created_at);
CREATE INDEX orders_phone ON orders(phone);
CREATE INDEX orders_assignee ON orders(assignee_id, lease_until);
CREATE INDEX orders_version ON orders(version);
CREATE TABLE order_results (
  id serial PRIMARY KEY,
  order_id integer NOT NULL REFERENCES orders(id),
  user_id integer NOT NULL REFERENCES users(id),
  result text NOT NULL,
  variant text,
  status text NOT NULL,
  problem text,
  comment text NOT NULL DEFAULT '',
  callback_at timestamptz,
  subtotal_kop bigint NOT NULL DEFAULT 0,
  delivery_kop bigint NOT NULL DEFAULT 0,
  total_kop bigint NOT NULL DEFAULT 0,
  extra_items integer NOT NULL DEFAULT 0,
  at timestamptz NOT NULL
);
CREATE INDEX order_results_order ON order_results(order_id);
CREATE INDEX order_results_user_at ON order_results(user_id, at);
CREATE TABLE calls (
  call_id text PRIMARY KEY,
  order_id integer NOT NULL REFERENCES orders(id),
  user_id integer NOT NULL REFERENCES users(id),
  started_at timestamptz NOT NULL,
  answered_at timestamptz,
  ended_at timestamptz NOT NULL,
  outcome text NOT NULL,
  duration_sec integer NOT NULL DEFAULT 0
);
CREATE INDEX calls_order ON calls(order_id);
CREATE INDEX calls_user_started ON calls(user_id, started_at);
CREATE TABLE sync_clients (
  client_id uuid PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users(id),
  last_mutation_id bigint NOT NULL DEFAULT 0
);
CREATE TABLE sync_rejections (
  client_id uuid NOT NULL,
  mutation_id bigint NOT NULL,
  order_id integer,
  code text NOT NULL,
  message text NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (client_id, mutation_id)
);
CREATE TABLE order_removals (
  user_id integer NOT NULL REFERENCES users(id),
  order_id integer NOT NULL REFERENCES orders(id),
  version bigint NOT NULL
);
CREATE INDEX order_removals_user_version ON order_removals(user_id, version);
INSERT INTO reasons (code, grp, label, active, sort) VALUES
${DEFAULT_REASONS.map((r, i) => `(${q(r.code)}, ${q(r.group)}, ${q(r.label)}, true, ${(i + 1) * 10})`).join(',\n')};
`,
};
