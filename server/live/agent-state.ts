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

/** One state change to store: who, what, when, and the other party of a call as the desk reported it. */
export type StateRecord = { userId: number; change: StateChange; at: Date; remoteNumber: string | null };

/**
 * Stores state changes in one statement per round: appends to `agent_events` (the history
 * reports are computed from) and upserts the `agent_status` snapshot the board reads (the call
 * start is kept while the same call goes on; quality is cleared when the call ends or changes;
 * SIP registration is kept when not reported, cleared when offline). `remoteNumber`, the other
 * party of the call as the desk reports it, is kept in E.164 on the snapshot during a call only
 * (it lets the operator look up a ringing caller's history, see orders/access.ts) and never on
 * the bus. A round holds each user once (an upsert cannot touch a row twice); rounds keep the
 * order of the changes.
 */
export async function recordAgentStates(db: Db, records: readonly StateRecord[]): Promise<void> {
  const rounds: StateRecord[][] = [];
  let round: StateRecord[] = [];
  for (const r of records) {
    if (round.some((x) => x.userId === r.userId)) {
      rounds.push(round);
      round = [];
    }
    round.push(r);
  }
  if (round.length) rounds.push(round);
  for (const batch of rounds) await recordRound(db, batch);
}

async function recordRound(db: Db, batch: readonly StateRecord[]): Promise<void> {
  const col = <T>(f: (r: StateRecord) => T) => batch.map(f);
  const inCall = (r: StateRecord) => CALL_STATES.includes(r.change.state);
  await db.query(
    `WITH input AS (
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::timestamptz[], $5::int[], $6::text[], $7::boolean[], $8::boolean[], $9::text[])
         AS i(user_id, state, break_reason, at, order_id, call_id, sip_registered, in_call, remote)),
     prev AS (SELECT s.user_id, s.state, s.call_id, s.call_started_at, s.sip_registered FROM agent_status s JOIN input USING (user_id)),
     ev AS (INSERT INTO agent_events (user_id, state, break_reason, order_id, call_id, at)
            SELECT user_id, state, break_reason, order_id, call_id, at FROM input)
     INSERT INTO agent_status (user_id, state, break_reason, since, order_id, call_id, call_started_at, sip_registered, quality, updated_at, remote_number)
     SELECT i.user_id, i.state, i.break_reason, i.at, i.order_id, i.call_id,
       CASE WHEN i.in_call THEN COALESCE(
         (SELECT p.call_started_at FROM prev p WHERE p.user_id = i.user_id AND p.state = ANY($10::text[]) AND p.call_id IS NOT DISTINCT FROM i.call_id), i.at)
       END,
       CASE WHEN i.sip_registered IS NOT NULL THEN i.sip_registered WHEN i.state = 'offline' THEN NULL
            ELSE (SELECT p.sip_registered FROM prev p WHERE p.user_id = i.user_id) END,
       NULL, i.at, i.remote
       FROM input i
     ON CONFLICT (user_id) DO UPDATE SET
       state = EXCLUDED.state, break_reason = EXCLUDED.break_reason,
       since = CASE WHEN agent_status.state = EXCLUDED.state AND agent_status.break_reason IS NOT DISTINCT FROM EXCLUDED.break_reason
                    THEN agent_status.since ELSE EXCLUDED.since END,
       order_id = EXCLUDED.order_id, call_id = EXCLUDED.call_id, call_started_at = EXCLUDED.call_started_at,
       sip_registered = EXCLUDED.sip_registered,
       quality = CASE WHEN EXCLUDED.call_started_at IS NULL OR EXCLUDED.call_id IS DISTINCT FROM agent_status.call_id
                      THEN NULL ELSE agent_status.quality END,
       updated_at = EXCLUDED.updated_at, remote_number = EXCLUDED.remote_number`,
    [
      col((r) => r.userId), col((r) => r.change.state),
      col((r) => (r.change.state === 'break' ? (r.change.breakReason ?? 'other') : null)),
      col((r) => r.at.toISOString()), col((r) => r.change.orderId), col((r) => r.change.callId), col((r) => r.change.sipRegistered),
      col(inCall), col((r) => (inCall(r) && r.remoteNumber !== null ? (storablePhone(r.remoteNumber)?.phone ?? null) : null)), [...CALL_STATES],
    ],
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
