/**
 * Delivery outcomes (docs/domain.md «Buyout, non-buyers, blacklist»): what a shipment's status
 * events say about an order, the buyout (выкуп) figures of a group of confirmed orders, the
 * «не выкупает» flag of a customer and what an order from a blacklisted phone becomes.
 * Pure functions; the server computes with them, the renderer displays their results.
 *
 * Definitions:
 * - An order's delivery outcome is the status of its latest shipment event (by the time it
 *   happened, ties by arrival). An order without events has no outcome (not shipped yet).
 * - shipped = confirmed orders with any shipment event (shipped, delivered, returned or lost);
 *   delivered / returned / lost = those whose outcome is that status; in transit = the rest.
 * - buyout rate = delivered ÷ shipped (null while nothing is shipped). The orders are counted in
 *   the period (and for the operator) of their confirmation, so a period's buyout keeps rising
 *   while its parcels arrive.
 * - collected = Σ the amounts reported with the `delivered` outcomes (money actually received).
 */

/** Statuses a fulfilment system reports for a shipment. */
export const SHIPMENT_STATUSES = ['shipped', 'delivered', 'returned', 'lost'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** One shipment status event as the rules read it. */
export interface ShipmentEventFact { status: ShipmentStatus; occurredAt: string; seq: number; amountKop: number | null }

/** The latest event of an order (by `occurredAt`, then arrival `seq`), or null without events. */
export function latestShipmentEvent<T extends ShipmentEventFact>(events: readonly T[]): T | null {
  let best: T | null = null;
  for (const e of events) {
    if (!best) { best = e; continue; }
    const d = Date.parse(e.occurredAt) - Date.parse(best.occurredAt);
    if (d > 0 || (d === 0 && e.seq > best.seq)) best = e;
  }
  return best;
}

/** Buyout figures of a group of confirmed orders. */
export interface BuyoutFigures {
  shipped: number;
  delivered: number;
  returned: number;
  lost: number;
  buyoutRate: number | null;
  collectedKop: number;
}

/** The buyout figures of confirmed orders from each order's latest event (null: not shipped). */
export function buyoutFigures(outcomes: readonly (Pick<ShipmentEventFact, 'status' | 'amountKop'> | null)[]): BuyoutFigures {
  let shipped = 0;
  let delivered = 0;
  let returned = 0;
  let lost = 0;
  let collectedKop = 0;
  for (const o of outcomes) {
    if (!o) continue;
    shipped++;
    if (o.status === 'delivered') {
      delivered++;
      collectedKop += o.amountKop ?? 0;
    } else if (o.status === 'returned') returned++;
    else if (o.status === 'lost') lost++;
  }
  return { shipped, delivered, returned, lost, buyoutRate: shipped > 0 ? delivered / shipped : null, collectedKop };
}

/** Returns at or above which a customer is flagged «не выкупает», unless the center says otherwise. */
export const DEFAULT_NON_BUYER_RETURNS = 2;

/** What the operator is shown about a customer's past parcels. */
export interface BuyerRecord { delivered: number; returned: number; threshold: number; nonBuyer: boolean }

/**
 * A customer (one normalised phone) is «не выкупает» when at least `threshold` of their orders
 * ended returned (their latest shipment event). A threshold below 1 is treated as 1.
 */
export function buyerRecord(outcomes: readonly ShipmentStatus[], threshold: number): BuyerRecord {
  const t = Math.max(1, Math.floor(threshold));
  const returned = outcomes.filter((s) => s === 'returned').length;
  const delivered = outcomes.filter((s) => s === 'delivered').length;
  return { delivered, returned, threshold: t, nonBuyer: returned >= t };
}

/** What an order from a blacklisted phone becomes: held for a lead, or closed as Невалид. */
export const BLACKLIST_ACTIONS = ['hold', 'invalid'] as const;
export type BlacklistAction = (typeof BLACKLIST_ACTIONS)[number];
export const DEFAULT_BLACKLIST_ACTION: BlacklistAction = 'hold';

/**
 * The status and comment an ingested order from a blacklisted phone is stored with: `hold` →
 * `held` (in no queue; a lead sends it to the queue or closes it), `invalid` → Невалид. The
 * comment carries the admin's reason either way, so nothing happens silently.
 */
export function blacklistedOrder(action: BlacklistAction, reason: string): { status: 'held' | 'invalid'; comment: string } {
  return { status: action === 'invalid' ? 'invalid' : 'held', comment: `Номер в чёрном списке: ${reason}` };
}

/** The buyout figures of the orders confirmed by `results` (each order once), from their latest events. */
export function buyoutOfResults(
  results: readonly { orderId: number; result: string }[], latestOf: ReadonlyMap<number, Pick<ShipmentEventFact, 'status' | 'amountKop'>>,
): BuyoutFigures {
  const confirmed = new Set(results.filter((r) => r.result === 'confirm').map((r) => r.orderId));
  return buyoutFigures([...confirmed].map((id) => latestOf.get(id) ?? null));
}
