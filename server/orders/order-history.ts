/**
 * The order's whole story read from where each part is kept: saved results (`order_results`,
 * each with its own comment and author), desk calls (`calls`, marked by the PBX's `pbx_calls`),
 * status changes (`order_events`) and delivery outcomes (`shipment_events`).
 */
import { sortOrderHistory, type OrderHistoryEntry } from '../../shared/api/order-history';
import type { OrderEventKind } from '../../shared/api/integrations';
import type { ShipmentStatus } from '../../shared/domain/buyout';
import { pbxCallReaches, pbxVerifiedAttempts, type PbxCall } from '../../shared/domain/pbx-calls';
import type { CallOutcome, OrderStatus, ResultKind } from '../../shared/domain/schemas';
import type { Sql } from '../db/db';
import { toIso } from '../live/time';
import { pbxCallsOf } from '../pbx/pbx-records';
import { callOfRow } from './order-repo';

type ResultRow = {
  at: Date; author: string; result: ResultKind; status: OrderStatus; problem: string | null; comment: string;
  callback_at: Date | null; total_kop: string | number;
};
type CallRow = { call_id: string; order_id: number; author: string; started_at: Date; answered_at: Date | null; ended_at: Date; outcome: CallOutcome };
type EventRow = { at: string; kind: OrderEventKind; status: OrderStatus };
type ShipmentRow = { occurred_at: Date; shipment_id: string; status: ShipmentStatus; amount_kop: string | number | null };

/** Who called whom by the PBX's record: the customer's number as the caller is an inbound call. */
function directionOf(pbx: PbxCall | undefined, phones: readonly string[]): 'inbound' | 'outbound' | null {
  if (!pbx) return null;
  if (pbxCallReaches({ ...pbx, callee: null }, phones)) return 'inbound';
  if (pbxCallReaches({ ...pbx, caller: null }, phones)) return 'outbound';
  return null;
}

/** The history of order `orderId` (whose numbers are `phones`, E.164), oldest first. */
export async function orderHistory(sql: Sql, orderId: number, phones: readonly string[]): Promise<OrderHistoryEntry[]> {
  const results = await sql.query<ResultRow>(
    `SELECT r.at, u.name AS author, r.result, r.status, r.problem, r.comment, r.callback_at, r.total_kop
       FROM order_results r JOIN users u ON u.id = r.user_id WHERE r.order_id = $1 ORDER BY r.at, r.id`, [orderId]);
  const calls = await sql.query<CallRow>(
    `SELECT c.call_id, c.order_id, u.name AS author, c.started_at, c.answered_at, c.ended_at, c.outcome
       FROM calls c JOIN users u ON u.id = c.user_id WHERE c.order_id = $1 ORDER BY c.started_at, c.call_id`, [orderId]);
  const events = await sql.query<EventRow>(
    "SELECT e.payload->>'at' AS at, e.kind, e.status FROM order_events e WHERE e.order_id = $1 ORDER BY e.version", [orderId]);
  const shipments = await sql.query<ShipmentRow>(
    'SELECT occurred_at, shipment_id, status, amount_kop FROM shipment_events WHERE order_id = $1 ORDER BY occurred_at, id', [orderId]);

  const pbx = await pbxCallsOf(sql, calls.rows.map((c) => c.call_id));
  const pbxById = new Map(pbx.map((p) => [p.callId, p]));
  const verified = new Set(pbxVerifiedAttempts(calls.rows.map(callOfRow), pbx, phones).map((c) => c.callId));

  const entries: OrderHistoryEntry[] = [
    ...results.rows.map((r): OrderHistoryEntry => ({
      kind: 'result', at: toIso(r.at), author: r.author, result: r.result, status: r.status, problem: r.problem, comment: r.comment,
      callbackAt: r.callback_at === null ? null : toIso(r.callback_at), totalKop: Number(r.total_kop),
    })),
    ...calls.rows.map((c): OrderHistoryEntry => ({
      kind: 'call', at: toIso(c.started_at), author: c.author, callId: c.call_id, direction: directionOf(pbxById.get(c.call_id), phones),
      outcome: c.outcome, pbxVerified: verified.has(c.call_id),
      durationSec: c.answered_at === null ? 0 : Math.max(0, Math.round((new Date(c.ended_at).getTime() - new Date(c.answered_at).getTime()) / 1000)),
    })),
    ...events.rows.map((e): OrderHistoryEntry => ({ kind: 'status', at: toIso(e.at), event: e.kind, status: e.status })),
    ...shipments.rows.map((s): OrderHistoryEntry => ({
      kind: 'shipment', at: toIso(s.occurred_at), shipmentId: s.shipment_id, status: s.status, amountKop: s.amount_kop === null ? null : Number(s.amount_kop),
    })),
  ];
  return sortOrderHistory(entries);
}
