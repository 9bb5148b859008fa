/** Applies one page of `sync/pull` to the cache in a single SQLite transaction. */
import type { Database } from 'better-sqlite3';
import type { PullResponse, Rejection } from '../../shared/api/http';
import { deleteDraft, deleteDraftIfNotNewer } from '../repos/drafts';
import { getOrder, unholdOrder, upsertOrder } from '../repos/orders';
import { deleteOutboxUpTo, outboxForOrder, outboxUpTo } from '../repos/outbox';
import { isRejected, latestRejection, storeRejection } from '../repos/rejections';
import { setCursor, setLastMutationId } from '../repos/sync-state';

/**
 * Upserts changed orders, stores rejections, drops outbox rows the server acknowledged
 * (id ≤ lastMutationId; the draft of an accepted save goes with them, a rejected one keeps it),
 * un-holds removed orders (kept while a rejection or pending edit must stay visible), stores the
 * cursor. Returns the ids of the orders that changed.
 */
export function applyPullPage(db: Database, page: PullResponse, now: string): number[] {
  return db.transaction(() => {
    const changed = new Set<number>();
    for (const order of page.orders) {
      upsertOrder(db, order, true);
      changed.add(order.id);
    }
    for (const r of page.rejections) {
      storeRejection(db, r);
      if (r.orderId !== null) changed.add(r.orderId);
    }
    for (const row of outboxUpTo(db, page.lastMutationId)) {
      if (row.orderId === null) continue;
      changed.add(row.orderId);
      if (row.name === 'saveResult.v1' && !isRejected(db, row.id)) deleteDraftIfNotNewer(db, row.orderId, row.createdAt);
    }
    deleteOutboxUpTo(db, page.lastMutationId);
    setLastMutationId(db, page.lastMutationId);
    for (const id of page.removed) {
      if (!getOrder(db, id)) continue;
      const keep = latestRejection(db, id) !== null || outboxForOrder(db, id).length > 0;
      unholdOrder(db, id, keep);
      if (!keep) deleteDraft(db, id);
      changed.add(id);
    }
    setCursor(db, page.cursor, now);
    return [...changed];
  }).immediate();
}

/** Stores rejections reported by a push response and raises the acknowledged id, in one transaction. */
export function applyPushResult(db: Database, rejections: Rejection[], lastMutationId: number): void {
  db.transaction(() => {
    for (const r of rejections) storeRejection(db, r);
    setLastMutationId(db, lastMutationId);
  }).immediate();
}
