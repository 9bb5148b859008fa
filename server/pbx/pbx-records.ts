/**
 * The PBX's call records (`pbx_calls`, migration 0009): call events merged into one row per SIP
 * Call-ID. Merging keeps the earliest INVITE, ring and answer and the first end, so repeats change
 * nothing and events arriving out of order (or late, after the desk saved) land the same.
 */
import type { Sql } from '../db/db';
import type { PbxEvent } from '../../shared/api/pbx';
import type { PbxCall } from '../../shared/domain/pbx-calls';
import { toIsoOrNull } from '../live/time';

const instantOf = (ts: PbxEvent['ts']): string => (typeof ts === 'number' ? new Date(Math.round(ts * 1000)) : new Date(ts)).toISOString();

/** The end columns take the earlier end: a later or repeated end never overwrites the first. */
const firstEnd = (col: string) =>
  `${col} = CASE WHEN EXCLUDED.ended_at IS NOT NULL AND (pbx_calls.ended_at IS NULL OR EXCLUDED.ended_at < pbx_calls.ended_at)
     THEN EXCLUDED.${col} ELSE pbx_calls.${col} END`;

const UPSERT = `
INSERT INTO pbx_calls (call_id, caller, callee, invited_at, ringing_at, answered_at, ended_at, end_event, end_code, end_reason, ended_by, received_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
ON CONFLICT (call_id) DO UPDATE SET
  caller = COALESCE(pbx_calls.caller, EXCLUDED.caller),
  callee = COALESCE(pbx_calls.callee, EXCLUDED.callee),
  invited_at = LEAST(pbx_calls.invited_at, EXCLUDED.invited_at),
  ringing_at = LEAST(pbx_calls.ringing_at, EXCLUDED.ringing_at),
  answered_at = LEAST(pbx_calls.answered_at, EXCLUDED.answered_at),
  ${firstEnd('end_event')}, ${firstEnd('end_code')}, ${firstEnd('end_reason')}, ${firstEnd('ended_by')},
  ended_at = LEAST(pbx_calls.ended_at, EXCLUDED.ended_at)`;

/** Merges one call event into its Call-ID's record. */
export async function recordPbxEvent(sql: Sql, e: PbxEvent, now: Date): Promise<void> {
  const at = instantOf(e.ts);
  const isEnd = e.event === 'bye' || e.event === 'failed' || e.event === 'cancelled';
  await sql.query(UPSERT, [
    e.call_id, e.from ?? null, e.to ?? null,
    e.event === 'invite' ? at : null,
    e.event === 'ringing' ? at : null,
    e.event === 'answered' ? at : null,
    isEnd ? at : null,
    isEnd ? e.event : null,
    isEnd ? e.code ?? null : null,
    isEnd ? e.reason ?? null : null,
    e.event === 'bye' ? e.by ?? null : null,
    now.toISOString(),
  ]);
}

type Row = { call_id: string; caller: string | null; callee: string | null; invited_at: unknown; answered_at: unknown; ended_at: unknown };

/** The record of a row. */
export function pbxCallOf(r: Row): PbxCall {
  return { callId: r.call_id, caller: r.caller, callee: r.callee, invitedAt: toIsoOrNull(r.invited_at), answeredAt: toIsoOrNull(r.answered_at), endedAt: toIsoOrNull(r.ended_at) };
}

/** The PBX's records of these Call-IDs (those it reported). */
export async function pbxCallsOf(sql: Sql, callIds: readonly string[]): Promise<PbxCall[]> {
  if (callIds.length === 0) return [];
  const { rows } = await sql.query<Row>(
    'SELECT call_id, caller, callee, invited_at, answered_at, ended_at FROM pbx_calls WHERE call_id = ANY($1::text[])',
    [callIds],
  );
  return rows.map(pbxCallOf);
}
