/** Rejections of this client's mutations, shown on the order with the draft kept. */
import type { Database } from 'better-sqlite3';
import { stmt } from './stmt';
import type { Rejection } from '../../shared/api/http';

type Row = { mutation_id: number; order_id: number | null; code: string; message: string; at: string };
const toRejection = (r: Row): Rejection => ({ mutationId: r.mutation_id, orderId: r.order_id, code: r.code, message: r.message, at: r.at });

/** Records a rejection (idempotent by mutation id: the server reports recent ones on every pull; a dismissed one stays dismissed). */
export function storeRejection(db: Database, r: Rejection): void {
  stmt(db, 'INSERT OR IGNORE INTO rejections (mutation_id, order_id, code, message, at) VALUES (?, ?, ?, ?, ?)').run(r.mutationId, r.orderId, r.code, r.message, r.at);
}

/** The latest rejection of an order still to be shown, or null. */
export function latestRejection(db: Database, orderId: number): Rejection | null {
  const row = stmt(db, 'SELECT * FROM rejections WHERE order_id = ? AND dismissed = 0 ORDER BY mutation_id DESC LIMIT 1').get(orderId) as Row | undefined;
  return row ? toRejection(row) : null;
}

/** Whether a mutation was rejected. */
export function isRejected(db: Database, mutationId: number): boolean {
  return stmt(db, 'SELECT 1 FROM rejections WHERE mutation_id = ?').get(mutationId) !== undefined;
}

/** Dismisses the rejections of an order (a new save or a release supersedes them). */
export function clearRejections(db: Database, orderId: number): void {
  stmt(db, 'UPDATE rejections SET dismissed = 1 WHERE order_id = ?').run(orderId);
}
