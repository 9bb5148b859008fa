import type { Migration } from './index';

/** Users, teams, sessions, the operator's offers, center settings, and the global change counter. */
export const m0001: Migration = {
  id: 1,
  name: 'users',
  sql: `
CREATE TABLE teams (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE
);
CREATE TABLE users (
  id serial PRIMARY KEY,
  login text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('operator','lead','admin')),
  password_hash text NOT NULL,
  team_id integer REFERENCES teams(id),
  active boolean NOT NULL DEFAULT true,
  sip_ws_url text,
  sip_domain text,
  sip_user text,
  sip_password text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE user_offers (
  user_id integer NOT NULL REFERENCES users(id),
  offer_sku text NOT NULL,
  PRIMARY KEY (user_id, offer_sku)
);
CREATE TABLE center_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);
CREATE TABLE change_counter (
  id integer PRIMARY KEY CHECK (id = 1),
  version bigint NOT NULL
);
INSERT INTO change_counter (id, version) VALUES (1, 0);
`,
};
