/**
 * The blacklist of phones on the server: what an ingested order from a listed phone becomes
 * (center setting `blacklistAction`, rule blacklistedOrder in shared/domain/buyout.ts).
 */
import { blacklistedOrder } from '../../shared/domain/buyout';
import type { ServerConfig } from '../config';
import type { Sql } from '../db/db';
import { readCenterSettings } from '../admin/settings';

/** The admin's reason when `phone` (stored E.164) is blacklisted, else null. */
export async function blacklistReasonOf(sql: Sql, phone: string): Promise<string | null> {
  const { rows } = await sql.query<{ reason: string }>('SELECT reason FROM blacklist WHERE phone = $1', [phone]);
  return rows[0]?.reason ?? null;
}

/**
 * How an order ingested from `phone` is stored when the phone is blacklisted (status, problem,
 * comment), or null for a phone not on the list.
 */
export async function blacklistVerdict(sql: Sql, config: ServerConfig, phone: string): Promise<ReturnType<typeof blacklistedOrder> | null> {
  const reason = await blacklistReasonOf(sql, phone);
  if (reason === null) return null;
  const { blacklistAction } = await readCenterSettings(sql, config);
  return blacklistedOrder(blacklistAction, reason);
}
