/** The outbox: named, versioned mutations waiting for the server's acknowledgement, in id order. */
import type { Database } from 'better-sqlite3';
import { stmt } from './stmt';
import type { Mutation, MutationName } from '../../shared/api/http';
import type { CallAttempt, Order } from '../../shared/domain/schemas';
import { allocateMutationId } from './sync-state';

/** The local effect of a pending mutation on the server copy (fields to overlay, a call to append). */
export interface Overlay { fields?: Partial<Pick<Order, 'status' | 'failedAttempts' | 'callbackAt' | 'problem' | 'comment' | 'customer' | 'address' | 'lines' | 'delivery'>>; call?: CallAttempt }
export interface OutboxRow { id: number; name: MutationName; orderId: number | null; args: Mutation['args']; overlay: Overlay | null; createdAt: string }
type Row = { id: number; name: MutationName; order_id: number | null; args: string; overlay: string | null; created_at: string };
const toRow = (r: Row): OutboxRow => ({
  id: r.id, name: r.name, orderId: r.order_id, args: JSON.parse(r.args) as Mutation['args'],
  overlay: r.overlay ? (JSON.parse(r.overlay) as Overlay) : null, createdAt: r.created_at,
});

/** Appends a mutation with the next id; call inside the save's transaction. Returns the id. */
export function enqueueMutation(db: Database, name: MutationName, args: Mutation['args'], orderId: number | null, overlay: Overlay | null, now: string): number {
  const id = allocateMutationId(db);
  stmt(db, 'INSERT INTO outbox (id, name, order_id, args, overlay, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, name, orderId, JSON.stringify(args), overlay ? JSON.stringify(overlay) : null, now);
  return id;
}

/** Rows with id > afterId, oldest first. */
export function outboxAfter(db: Database, afterId: number, limit: number): OutboxRow[] {
  return (stmt(db, 'SELECT * FROM outbox WHERE id > ? ORDER BY id LIMIT ?').all(afterId, limit) as Row[]).map(toRow);
}

/** Pending rows of one order, oldest first. */
export function outboxForOrder(db: Database, orderId: number): OutboxRow[] {
  return (stmt(db, 'SELECT * FROM outbox WHERE order_id = ? ORDER BY id').all(orderId) as Row[]).map(toRow);
}

/** Rows with id ≤ upTo (acknowledged by the server), oldest first. */
export function outboxUpTo(db: Database, upTo: number): OutboxRow[] {
  return (stmt(db, 'SELECT * FROM outbox WHERE id <= ? ORDER BY id').all(upTo) as Row[]).map(toRow);
}

/** Deletes the acknowledged rows (id ≤ upTo). */
export function deleteOutboxUpTo(db: Database, upTo: number): number {
  return stmt(db, 'DELETE FROM outbox WHERE id <= ?').run(upTo).changes;
}

/** Number of rows still in the outbox. */
export function outboxCount(db: Database): number {
  return stmt(db, 'SELECT COUNT(*) FROM outbox').pluck().get() as number;
}
