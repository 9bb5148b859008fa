import type { Db } from '../db/db';
import type { AgentState, BreakReason, CallQuality } from '../../shared/api/live';
import { toIso } from './time';

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
 * Stores a state change: appends to `agent_events` (the history reports are computed from) and
 * updates the `agent_status` snapshot the board reads (call start kept while the same call goes
 * on; quality cleared when the call ends). One transaction.
 */
export async function recordAgentState(db: Db, userId: number, change: StateChange, at: Date): Promise<void> {
  const inCall = CALL_STATES.includes(change.state);
  const breakReason = change.state === 'break' ? (change.breakReason ?? 'other') : null;
  await db.tx(async (sql) => {
    const prev = (await sql.query<{ state: string; call_id: string | null; call_started_at: unknown; sip_registered: boolean | null }>(
      'SELECT state, call_id, call_started_at, sip_registered FROM agent_status WHERE user_id = $1 FOR UPDATE', [userId],
    )).rows[0];
    const sameCall = !!prev && CALL_STATES.includes(prev.state as AgentState) && prev.call_id === change.callId;
    const callStartedAt = inCall ? (sameCall && prev?.call_started_at ? toIso(prev.call_started_at) : at.toISOString()) : null;
    const sip = change.sipRegistered ?? (change.state === 'offline' ? null : prev?.sip_registered ?? null);
    await sql.query(
      'INSERT INTO agent_events (user_id, state, break_reason, order_id, call_id, at) VALUES ($1,$2,$3,$4,$5,$6)',
      [userId, change.state, breakReason, change.orderId, change.callId, at.toISOString()],
    );
    await sql.query(
      `INSERT INTO agent_status (user_id, state, break_reason, since, order_id, call_id, call_started_at, sip_registered, quality, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,NULL,$4)
       ON CONFLICT (user_id) DO UPDATE SET
         state = EXCLUDED.state, break_reason = EXCLUDED.break_reason,
         since = CASE WHEN agent_status.state = EXCLUDED.state AND agent_status.break_reason IS NOT DISTINCT FROM EXCLUDED.break_reason
                      THEN agent_status.since ELSE EXCLUDED.since END,
         order_id = EXCLUDED.order_id, call_id = EXCLUDED.call_id, call_started_at = EXCLUDED.call_started_at,
         sip_registered = EXCLUDED.sip_registered,
         quality = CASE WHEN EXCLUDED.call_started_at IS NULL THEN NULL ELSE agent_status.quality END,
         updated_at = EXCLUDED.updated_at`,
      [userId, change.state, breakReason, at.toISOString(), change.orderId, change.callId, callStartedAt, sip],
    );
  });
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
