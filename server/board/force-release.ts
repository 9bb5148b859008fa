import type { Db } from '../db/db';
import type { AuthedUser } from '../auth/session';
import { HttpError } from '../http/errors';
import { endLease } from '../orders/order-repo';

/**
 * Lead action: releases an order held by an operator who is offline (no live state, or
 * `offline`) or whose lease has run out, by the same `endLease` rule as the holder's own release
 * (its client drops the order on the next pull).
 * The lead may only release orders of its team's operators.
 */
export async function forceRelease(db: Db, actor: AuthedUser, orderId: number, now: Date): Promise<{ previousHolderId: number }> {
  return db.tx(async (sql) => {
    const { rows } = await sql.query<{ status: string; assignee_id: number | null; lease_until: Date | string | null; team_id: number | null; state: string | null }>(
      `SELECT o.status, o.assignee_id, o.lease_until, u.team_id, s.state
         FROM orders o LEFT JOIN users u ON u.id = o.assignee_id LEFT JOIN agent_status s ON s.user_id = o.assignee_id
        WHERE o.id = $1 FOR UPDATE OF o`,
      [orderId],
    );
    const o = rows[0];
    if (!o) throw new HttpError(404, 'not_found', `Заказ ${orderId} не найден`);
    if (o.assignee_id === null || o.lease_until === null) throw new HttpError(409, 'not_held', 'Заказ сейчас никем не удерживается');
    if (actor.role !== 'admin' && (actor.teamId === null || o.team_id !== actor.teamId)) {
      throw new HttpError(403, 'forbidden', 'Заказ удерживает оператор другой команды');
    }
    const stale = new Date(o.lease_until).getTime() <= now.getTime();
    const offline = o.state === null || o.state === 'offline';
    if (!stale && !offline) {
      throw new HttpError(409, 'holder_online', 'Оператор в сети и держит заказ: снять можно только у оператора не в сети или с истёкшей арендой');
    }
    await endLease(sql, orderId, o.assignee_id, now);
    return { previousHolderId: o.assignee_id };
  });
}
