/**
 * The order's whole story (`GET /orders/:id/history`): every saved result with its comment and
 * author, every call, every status change and every delivery outcome, one list in time order.
 */
import { z } from 'zod';
import { CallOutcome, IsoInstant, Kopecks, OrderId, OrderStatus, ResultKind } from '../domain/schemas';
import { OrderEventKind } from './integrations';
import { ShipmentStatus } from './outcomes';

/** A result an operator saved, with the comment written with it (each save keeps its own). */
const ResultEntry = z.object({
  kind: z.literal('result'),
  at: IsoInstant,
  author: z.string(),
  result: ResultKind,
  status: OrderStatus,
  /** The reason code of the directory, if one was chosen. */
  problem: z.string().nullable(),
  comment: z.string(),
  callbackAt: IsoInstant.nullable(),
  totalKop: Kopecks,
});

/** A call the desk logged; `pbxVerified` when the PBX reported it reaching the customer's number. */
const CallEntry = z.object({
  kind: z.literal('call'),
  at: IsoInstant,
  author: z.string(),
  callId: z.string(),
  /** From the PBX's record (who called whom); null while the PBX has not reported the call. */
  direction: z.enum(['outbound', 'inbound']).nullable(),
  outcome: CallOutcome,
  /** Talk time in seconds (answer to end); 0 when not answered. */
  durationSec: z.number().int().min(0),
  pbxVerified: z.boolean(),
});

/** A status change of the outbox (`order_events`): confirmed, cancelled, returned to the pool… */
const StatusEntry = z.object({
  kind: z.literal('status'),
  at: IsoInstant,
  event: OrderEventKind,
  status: OrderStatus,
});

/** A delivery outcome reported by fulfilment. */
const ShipmentEntry = z.object({
  kind: z.literal('shipment'),
  at: IsoInstant,
  shipmentId: z.string(),
  status: ShipmentStatus,
  /** Collected amount of a `delivered` outcome. */
  amountKop: Kopecks.nullable(),
});

/** One entry of the order's history. */
export const OrderHistoryEntry = z.discriminatedUnion('kind', [ResultEntry, CallEntry, StatusEntry, ShipmentEntry]);
export type OrderHistoryEntry = z.infer<typeof OrderHistoryEntry>;

/** The answer of GET /orders/:id/history: entries oldest first. */
export const OrderHistory = z.object({ orderId: OrderId, entries: z.array(OrderHistoryEntry) });
export type OrderHistory = z.infer<typeof OrderHistory>;

const KIND_RANK: Record<OrderHistoryEntry['kind'], number> = { call: 0, result: 1, status: 2, shipment: 3 };

/**
 * The history order: by time; at the same instant a call before the result saved after it, the
 * result before the status change it caused, then delivery outcomes. Stable otherwise.
 */
export function sortOrderHistory(entries: readonly OrderHistoryEntry[]): OrderHistoryEntry[] {
  return entries
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => a.t - b.t || KIND_RANK[a.e.kind] - KIND_RANK[b.e.kind] || a.i - b.i)
    .map((x) => x.e);
}
