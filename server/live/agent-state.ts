import type { Db } from '../db/db';
import { storablePhone } from '../orders/phone-storage';
import type { AgentResume, AgentState, BreakReason, CallQuality } from '../../shared/api/live';

const CALL_STATES: readonly AgentState[] = ['dialing', 'ringing', 'talking', 'hold'];

/** An agent state change as received from a client. */
export type StateChange = {
  state: AgentState;
  breakReason: BreakReason | null;
  orderId: number | null;
  callId: string | null;
  sipRegistered: boolean | null;
};

/**
 * Stores a state change in one statement: appends to `agent_events` (the history reports are
 * computed from) and upserts the `agent_status` snapshot the board reads (the call start is kept
 * while the same call goes on; quality is cleared when the call ends or changes; SIP
 * registration is kept when not reported, cleared when offline). `remoteNumber`, the other party
 * of the call as the desk reports it, is kept in E.164 on the snapshot during a call only (it lets
 * the operator look up a ringing caller's history, see orders/access.ts) and never on the bus.
 */
export async function recordAgentState(db: Db, userId: number, change: StateChange, at: Date, remoteNumber: string | null = null): Promise<void> {
  const inCall = CALL_STATES.includes(change.state);
  const remote = inCall && remoteNumber !== null ? (storablePhone(remoteNumber)?.phone ?? null) : null;
  const breakReason = change.state === 'break' ? (change.breakReason ?? 'other') : null;
  await db.query(
    `WITH prev AS (SELECT state, call_id, call_started_at, sip_registered FROM agent_status WHERE user_id = $1),
     ev AS (INSERT INTO agent_events (user_id, state, break_reason, order_id, call_id, at) VALUES ($1, $2, $3, $5, $6, $4))
     INSERT INTO agent_status (user_id, state, break_reason, since, order_id, call_id, call_started_at, sip_registered, quality, updated_at, remote_number)
     VALUES ($1, $2, $3, $4, $5, $6,
       CASE WHEN $8::boolean THEN COALESCE(
         (SELECT call_started_at FROM prev WHERE prev.state = ANY($9::text[]) AND prev.call_id IS NOT DISTINCT FROM $6::text), $4::timestamptz)
       END,
       CASE WHEN $7::boolean IS NOT NULL THEN $7::boolean WHEN $2 = 'offline' THEN NULL ELSE (SELECT sip_registered FROM prev) END,
       NULL, $4, $10)
     ON CONFLICT (user_id) DO UPDATE SET
       state = EXCLUDED.state, break_reason = EXCLUDED.break_reason,
       since = CASE WHEN agent_status.state = EXCLUDED.state AND agent_status.break_reason IS NOT DISTINCT FROM EXCLUDED.break_reason
                    THEN agent_status.since ELSE EXCLUDED.since END,
       order_id = EXCLUDED.order_id, call_id = EXCLUDED.call_id, call_started_at = EXCLUDED.call_started_at,
       sip_registered = EXCLUDED.sip_registered,
       quality = CASE WHEN EXCLUDED.call_started_at IS NULL OR EXCLUDED.call_id IS DISTINCT FROM agent_status.call_id
                      THEN NULL ELSE agent_status.quality END,
       updated_at = EXCLUDED.updated_at, remote_number = EXCLUDED.remote_number`,
    [userId, change.state, breakReason, at.toISOString(), change.orderId, change.callId, change.sipRegistered, inCall, [...CALL_STATES], remote],
  );
}

/** Stores the latest call quality sample on the agent snapshot (only for the current call). */
export async function recordQuality(db: Db, userId: number, callId: string, quality: CallQuality): Promise<boolean> {
  const r = await db.query('UPDATE agent_status SET quality = $3::jsonb WHERE user_id = $1 AND call_id = $2', [userId, callId, JSON.stringify(quality)]);
  return r.rowCount > 0;
}

/** The current state of a user, or null when none was ever recorded. */
export async function currentState(db: Db, userId: number): Promise<AgentState | null> {
  const { rows } = await db.query<{ state: AgentState }>('SELECT state FROM agent_status WHERE user_id = $1', [userId]);
  return rows[0]?.state ?? null;
}

/**
 * The state a desk resumes after a reload or restart within the login session `tokenHash`: the
 * user's last recorded state other than `offline` since that session began (a socket closing
 * records `offline`, which must not wipe a break). A break resumes with its reason and the start
 * of that break; wrap-up and ready resume as they were; a call state (dialing … hold) belongs to
 * a page that is gone, so its call is over: wrap-up when it was on an order, else ready. Null
 * when nothing was recorded in this session (a new login starts Готов).
 */
export async function resumeState(db: Db, userId: number, tokenHash: string): Promise<AgentResume | null> {
  const { rows } = await db.query<{ state: AgentState; break_reason: BreakReason | null; order_id: number | null; at: Date | string; run_from: Date | string }>(
    `WITH s AS (SELECT created_at FROM sessions WHERE token_hash = $2 AND user_id = $1),
     last AS (
       SELECT e.id, e.state, e.break_reason, e.order_id, e.at FROM agent_events e, s
        WHERE e.user_id = $1 AND e.state <> 'offline' AND e.at >= s.created_at
        ORDER BY e.at DESC, e.id DESC LIMIT 1),
     other AS (
       SELECT max(e.at) AS at FROM agent_events e, last, s
        WHERE e.user_id = $1 AND e.state <> 'offline' AND e.at >= s.created_at AND e.at <= last.at
          AND (e.state <> last.state OR e.break_reason IS DISTINCT FROM last.break_reason))
     SELECT last.state, last.break_reason, last.order_id, last.at,
       (SELECT min(e.at) FROM agent_events e, s
         WHERE e.user_id = $1 AND e.state = last.state AND e.break_reason IS NOT DISTINCT FROM last.break_reason
           AND e.at >= s.created_at AND e.at <= last.at AND (other.at IS NULL OR e.at > other.at)) AS run_from
       FROM last, other`,
    [userId, tokenHash],
  );
  const r = rows[0];
  if (!r) return null;
  const iso = (v: Date | string) => new Date(v).toISOString();
  if (r.state === 'break') return { state: 'break', breakReason: r.break_reason ?? 'other', since: iso(r.run_from) };
  if (r.state === 'ready' || r.state === 'wrapUp') return { state: r.state, breakReason: null, since: iso(r.run_from) };
  return { state: r.order_id !== null ? 'wrapUp' : 'ready', breakReason: null, since: iso(r.at) };
}
