import type { Migration } from './index';

/**
 * Calls verified by the PBX: one row per SIP Call-ID, merged from the PBX's call events in any
 * order and any number of repeats (earliest INVITE, earliest answer, first end), matched to the
 * desk's `calls` by Call-ID (docs/telephony.md «Calls verified by the PBX»).
 */
export const m0009: Migration = {
  id: 9,
  name: 'pbx-calls',
  sql: `
CREATE TABLE pbx_calls (
  call_id text PRIMARY KEY,
  caller text,
  callee text,
  invited_at timestamptz,
  ringing_at timestamptz,
  answered_at timestamptz,
  ended_at timestamptz,
  end_event text CHECK (end_event IN ('bye', 'failed', 'cancelled')),
  end_code integer,
  end_reason text,
  ended_by text CHECK (ended_by IN ('caller', 'callee')),
  received_at timestamptz NOT NULL
);
CREATE INDEX pbx_calls_invited ON pbx_calls(invited_at);
`,
};
