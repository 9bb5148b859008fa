import type { Migration } from './index';

/**
 * Access hardening: login attempts counted in the database (the rate limit holds across server
 * processes) and the caller number of a ringing inbound call on the agent snapshot (an operator
 * may look up that caller's history while it rings).
 */
export const m0005: Migration = {
  id: 5,
  name: 'access',
  sql: `
CREATE TABLE login_attempts (
  key text PRIMARY KEY,
  count integer NOT NULL CHECK (count >= 0),
  window_ends_at timestamptz NOT NULL
);
CREATE INDEX login_attempts_window ON login_attempts(window_ends_at);
ALTER TABLE agent_status ADD COLUMN remote_number text;
`,
};
