import type { Db } from '../db/db';
import { toIso } from './time';

/** A callback reminder due for an operator. */
export type DueCallback = { userId: number; orderId: number; callbackAt: string; customerName: string };

/**
 * Claims the due callbacks of the given operators: orders in status callback/no_answer whose
 * callbackAt has come, assigned to the operator, not reminded yet for this callbackAt. The
 * `reminders_sent` row makes it once per order+callbackAt across every server instance.
 */
export async function dueCallbacks(db: Db, userIds: readonly number[], now: Date): Promise<DueCallback[]> {
  const { rows } = await db.query<{ assignee_id: number; id: number; callback_at: unknown; customer_name: string }>(
    `WITH due AS (
       SELECT o.id, o.callback_at, o.assignee_id, o.customer_name FROM orders o
        WHERE o.status IN ('callback','no_answer') AND o.callback_at IS NOT NULL AND o.callback_at <= $2
          AND o.assignee_id = ANY($1::int[])
          AND NOT EXISTS (SELECT 1 FROM reminders_sent r WHERE r.order_id = o.id AND r.callback_at = o.callback_at)
        LIMIT 200
     ), ins AS (
       INSERT INTO reminders_sent (order_id, callback_at) SELECT id, callback_at FROM due
       ON CONFLICT DO NOTHING RETURNING order_id, callback_at
     )
     SELECT due.assignee_id, due.id, due.callback_at, due.customer_name FROM due
       JOIN ins ON ins.order_id = due.id AND ins.callback_at = due.callback_at`,
    [[...userIds], now.toISOString()],
  );
  return rows.map((r) => ({ userId: r.assignee_id, orderId: r.id, callbackAt: toIso(r.callback_at), customerName: r.customer_name }));
}
