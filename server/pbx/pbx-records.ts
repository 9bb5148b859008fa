/**
 * The PBX's call records (`pbx_calls`, migration 0009): call events merged into one row per SIP
 * Call-ID. Merging keeps the earliest INVITE, ring and answer and the first end, so repeats change
 * nothing and events arriving out of order (or late, after the desk saved) land the same.
 */
import type { Sql } from '../db/db';
import type { PbxEvent } from '../../shared/api/pbx';
import { pbxVerifiedAttempts, type PbxCall } from '../../shared/domain/pbx-calls';
import type { CallAttempt, CallOutcome } from '../../shared/domain/schemas';
import { toIso, toIsoOrNull } from '../live/time';

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

/**
 * A desk call row LEFT JOINed with its PBX record, as the reports, the flags and the quality
 * review select it (`p_*` = the PBX's columns, all null when the PBX never reported the call).
 */
export type DeskCallRow = {
  call_id: string; order_id: number; started_at: unknown; answered_at: unknown; ended_at: unknown; outcome: CallOutcome;
  p_call_id: string | null; caller: string | null; callee: string | null; invited_at: unknown; p_answered_at: unknown; p_ended_at: unknown;
};

/** The SELECT list of a DeskCallRow for `calls c LEFT JOIN pbx_calls p ON p.call_id = c.call_id`. */
export const DESK_CALL_COLUMNS = `c.call_id, c.order_id, c.started_at, c.answered_at, c.ended_at, c.outcome,
  p.call_id AS p_call_id, p.caller, p.callee, p.invited_at, p.answered_at AS p_answered_at, p.ended_at AS p_ended_at`;

/** The desk's call attempt of a row, as logged. */
export function deskAttemptOf(r: DeskCallRow): CallAttempt {
  return { callId: r.call_id, orderId: r.order_id, startedAt: toIso(r.started_at), answeredAt: toIsoOrNull(r.answered_at), endedAt: toIso(r.ended_at), outcome: r.outcome };
}

/** The PBX's record of a row, or null when the PBX never reported the call. */
export function pbxRecordOf(r: DeskCallRow): PbxCall | null {
  return r.p_call_id === null ? null
    : pbxCallOf({ call_id: r.p_call_id, caller: r.caller, callee: r.callee, invited_at: r.invited_at, answered_at: r.p_answered_at, ended_at: r.p_ended_at });
}

/** The attempt as the result rules count it when calls are PBX-verified (shared/domain/pbx-calls.ts), or null when it does not count. */
export function verifiedAttemptOf(r: DeskCallRow, phones: readonly (string | null)[]): CallAttempt | null {
  const pbx = pbxRecordOf(r);
  return pbxVerifiedAttempts([deskAttemptOf(r)], pbx ? [pbx] : [], phones.filter((p): p is string => !!p))[0] ?? null;
}
