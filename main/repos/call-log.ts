/** The local call log (every attempt made from this machine). */
import type { Database } from 'better-sqlite3';
import { stmt } from './stmt';
import type { CallAttempt } from '../../shared/domain/schemas';

/** Records a call attempt (idempotent by callId). */
export function logCallLocally(db: Database, call: CallAttempt): void {
  stmt(db, 'INSERT OR REPLACE INTO call_log (call_id, order_id, started_at, json) VALUES (?, ?, ?, ?)').run(call.callId, call.orderId, call.startedAt, JSON.stringify(call));
}

/** The calls of an order, oldest first. */
export function callsOfOrder(db: Database, orderId: number): CallAttempt[] {
  return (stmt(db, 'SELECT json FROM call_log WHERE order_id = ? ORDER BY started_at').pluck().all(orderId) as string[]).map((j) => JSON.parse(j) as CallAttempt);
}
