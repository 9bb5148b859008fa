/** Who may see or release an order: its holder, the lead of the assignee's team, an admin. */
import type { Sql } from '../db/db';
import type { AuthedUser } from '../auth/session';
import { HttpError } from '../http/errors';

/** Whether `userId` holds the order now (assignee with an unexpired lease). */
export function isHolder(row: { assignee_id: number | null; lease_until: Date | null }, userId: number, now: Date): boolean {
  return row.assignee_id === userId && row.lease_until !== null && row.lease_until.getTime() > now.getTime();
}

/**
 * Refuses (403) unless the user may see the order: an operator only while holding it; a lead for
 * unassigned orders and orders assigned to its team; an admin always.
 */
export async function assertCanSee(sql: Sql, user: AuthedUser, row: { assignee_id: number | null; lease_until: Date | null }, now: Date): Promise<void> {
  if (user.role === 'admin') return;
  if (user.role === 'operator') {
    if (isHolder(row, user.id, now)) return;
    throw new HttpError(403, 'not_holder', 'Заказ у вас не в работе: возьмите его из очереди');
  }
  if (row.assignee_id === null) return;
  const { rows } = await sql.query<{ team_id: number | null }>('SELECT team_id FROM users WHERE id = $1', [row.assignee_id]);
  if (rows[0]?.team_id !== null && rows[0]?.team_id === user.teamId) return;
  throw new HttpError(403, 'other_team', 'Заказ у оператора другой команды');
}

/** How long a refused operator lookup waits for the desk's `ringing` report, which travels over the live socket while the lookup comes over HTTP. */
export const RINGING_REPORT_GRACE_MS = 2_000;
const RINGING_RECHECK_MS = 100;

/**
 * Refuses (403) a customer history lookup by phone (`phone` in stored E.164) unless the user is a
 * lead or an admin, or an operator who holds an order with that phone (main or extra) or whose
 * desk reports an inbound call from that number ringing (agent_status.remote_number). The desk
 * sends `ringing` just before it looks the caller up, but over another connection, so an operator
 * not yet allowed is re-checked for up to RINGING_REPORT_GRACE_MS before the refusal.
 */
export async function assertCanLookUpPhone(sql: Sql, user: AuthedUser, phone: string, now: () => Date, graceMs = RINGING_REPORT_GRACE_MS): Promise<void> {
  if (user.role !== 'operator') return;
  const until = Date.now() + graceMs;
  for (;;) {
    const { rows } = await sql.query<{ ok: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM orders WHERE assignee_id = $1 AND lease_until > $3 AND (phone = $2 OR extra_phone = $2))
           OR EXISTS (SELECT 1 FROM agent_status WHERE user_id = $1 AND state = 'ringing' AND remote_number = $2) AS ok`,
      [user.id, phone, now().toISOString()],
    );
    if (rows[0]?.ok) return;
    if (Date.now() >= until) break;
    await new Promise((r) => setTimeout(r, RINGING_RECHECK_MS));
  }
  throw new HttpError(403, 'forbidden', 'История клиента доступна только по заказу у вас в работе или входящему звонку с этого номера');
}

/**
 * SQL expression: the offers an operator works with (user_offers of active offers), as text[];
 * no such rows = every active offer. `userParam` is the placeholder of the user id (e.g. `$1`).
 */
export function offerSkusSql(userParam: string): string {
  return `COALESCE(NULLIF(ARRAY(SELECT uo.offer_sku FROM user_offers uo JOIN offers f ON f.sku = uo.offer_sku
    WHERE uo.user_id = ${userParam}::int AND f.active ORDER BY 1), '{}'::text[]), ARRAY(SELECT sku FROM offers WHERE active ORDER BY sku))`;
}

