import type { Migration } from './index';

/**
 * Live channel and lead tools: agent state history (source of truth for reports), the current
 * agent snapshot (board across instances), callback reminders sent, plans, lead messages.
 */
export const m0003: Migration = {
  id: 3,
  name: 'live',
  sql: `
CREATE TABLE agent_events (
  id bigserial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users(id),
  state text NOT NULL CHECK (state IN ('offline','ready','dialing','ringing','talking','hold','wrapUp','break')),
  break_reason text,
  order_id integer,
  call_id text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agent_events_user_at ON agent_events(user_id, at);
CREATE INDEX agent_events_at ON agent_events(at);
CREATE TABLE agent_status (
  user_id integer PRIMARY KEY REFERENCES users(id),
  state text NOT NULL,
  break_reason text,
  since timestamptz NOT NULL,
  order_id integer,
  call_id text,
  call_started_at timestamptz,
  sip_registered boolean,
  quality jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE plans (
  user_id integer NOT NULL REFERENCES users(id),
  day date NOT NULL,
  target_confirmed integer NOT NULL CHECK (target_confirmed >= 0),
  target_calls integer NOT NULL CHECK (target_calls >= 0),
  updated_by integer REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, day)
);
CREATE TABLE messages (
  id bigserial PRIMARY KEY,
  from_user_id integer NOT NULL REFERENCES users(id),
  to_user_id integer NOT NULL REFERENCES users(id),
  text text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX messages_to_at ON messages(to_user_id, at);
CREATE TABLE reminders_sent (
  order_id integer NOT NULL,
  callback_at timestamptz NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (order_id, callback_at)
);
`,
};
