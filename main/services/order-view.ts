/**
 * How the UI reads an order (server copy + pending outbox overlay + draft + rejection) and the
 * local side of the two mutations: each save is ONE transaction writing the outbox row together
 * with its local overlay. Rules come from shared/domain (applyResult), never re-implemented here.
 */
import type { Database } from 'better-sqlite3';
import { applyResult, resultContextFor, ResultRejectedError, type CenterContext } from '../../shared/domain';
import type { CallAttempt, Offer, Order, Reason, SaveResultArgs } from '../../shared/domain/schemas';
import type { OrderView } from '../../shared/ipc/contract';
import { AppError } from '../errors';
import { callsOfOrder, logCallLocally } from '../repos/call-log';
import { getDraft } from '../repos/drafts';
import { getOrder, takenAtOf } from '../repos/orders';
import { enqueueMutation, outboxForOrder, type OutboxRow } from '../repos/outbox';
import { clearRejections, latestRejection } from '../repos/rejections';

/** The server copy with the pending rows' overlays applied in order. */
export function composeOrder(order: Order, pending: readonly OutboxRow[]): Order {
  let out = order;
  for (const row of pending) {
    if (!row.overlay) continue;
    if (row.overlay.fields) out = { ...out, ...row.overlay.fields };
    const call = row.overlay.call;
    if (call && !out.calls.some((c) => c.callId === call.callId)) out = { ...out, calls: [...out.calls, call] };
  }
  return out;
}

/** The order as the UI shows it, or null when it is not in the cache. */
export function readOrderView(db: Database, orderId: number): OrderView | null {
  const cached = getOrder(db, orderId);
  if (!cached) return null;
  const pending = outboxForOrder(db, orderId);
  return {
    order: composeOrder(cached.order, pending),
    pending: pending.map((r) => ({ mutationId: r.id, name: r.name, createdAt: r.createdAt })),
    draft: getDraft(db, orderId),
    rejection: latestRejection(db, orderId),
    takenAt: takenAtOf(db, orderId),
  };
}

/** The center context the server sent and the cached directories; `offers` undefined = not known locally (the server checks promo terms). */
export interface RuleContext { center: CenterContext; reasons: Reason[]; offers?: Offer[]; now: Date }

/**
 * Validates a result with the shared rules against the order as the operator sees it, then writes
 * the outbox row with its overlay (new status etc.) in one transaction. Returns the mutation id.
 */
export function saveResultLocally(db: Database, args: SaveResultArgs, ctx: RuleContext): number {
  const view = readOrderView(db, args.orderId);
  if (!view) throw new AppError('not_held', `Заказ №${args.orderId} не закреплён за вами на этом компьютере.`);
  const calls = mergeCalls(view.order.calls, callsOfOrder(db, args.orderId));
  let transition;
  try {
    transition = applyResult(view.order, args, resultContextFor(ctx.center, {
      calls, now: ctx.now, failedAttempts: view.order.failedAttempts, reasons: ctx.reasons, offers: ctx.offers, takenAt: view.takenAt,
    }));
  } catch (e) {
    if (e instanceof ResultRejectedError) {
      const first = e.violations[0];
      throw new AppError('rule_violation', e.violations.map((x) => `${x.field}: ${x.message}`).join(' '), first?.field);
    }
    throw e;
  }
  const now = ctx.now.toISOString();
  return db.transaction(() => {
    const id = enqueueMutation(db, 'saveResult.v1', args, args.orderId, {
      fields: { ...transition, customer: args.customer, address: args.address, lines: args.lines, delivery: args.delivery },
    }, now);
    clearRejections(db, args.orderId);
    return id;
  }).immediate();
}

/** Logs a call attempt locally and queues `logCall.v1`, in one transaction. Returns the mutation id. */
export function logCallAndQueue(db: Database, call: CallAttempt, now: Date): number {
  return db.transaction(() => {
    logCallLocally(db, call);
    return enqueueMutation(db, 'logCall.v1', call, call.orderId, { call }, now.toISOString());
  }).immediate();
}

function mergeCalls(a: readonly CallAttempt[], b: readonly CallAttempt[]): CallAttempt[] {
  const seen = new Map<string, CallAttempt>();
  for (const c of [...a, ...b]) seen.set(c.callId, c);
  return [...seen.values()];
}
