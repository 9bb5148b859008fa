/** Drafts: the order form exactly as typed, saved on every (debounced) change, restored after a restart. */
import type { Database } from 'better-sqlite3';
import { stmt } from './stmt';
import { Draft } from '../../shared/ipc/contract';

/** Persists a draft (replacing the previous one of the order). */
export function saveDraft(db: Database, draft: Draft): void {
  stmt(db, `INSERT INTO drafts (order_id, json, updated_at) VALUES (?, ?, ?)
    ON CONFLICT(order_id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at`).run(draft.orderId, JSON.stringify(draft), draft.updatedAt);
}

/**
 * The draft of an order, or null. The stored JSON is read through the Draft schema, so drafts
 * written before a field existed get its default (e.g. `variant: null`); a row the schema refuses
 * is unreadable and reads as no draft.
 */
export function getDraft(db: Database, orderId: number): Draft | null {
  const json = stmt(db, 'SELECT json FROM drafts WHERE order_id = ?').pluck().get(orderId) as string | undefined;
  if (!json) return null;
  const parsed = Draft.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

/** Deletes the draft of an order. */
export function deleteDraft(db: Database, orderId: number): void {
  stmt(db, 'DELETE FROM drafts WHERE order_id = ?').run(orderId);
}

/** Deletes the draft unless it was changed after `instant` (ISO). */
export function deleteDraftIfNotNewer(db: Database, orderId: number, instant: string): void {
  stmt(db, 'DELETE FROM drafts WHERE order_id = ? AND updated_at <= ?').run(orderId, instant);
}
