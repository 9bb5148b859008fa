/**
 * What the operator sees about a customer (one normalised phone) before calling: each order's
 * delivery outcome, the «не выкупает» flag (shared rule buyerRecord, center setting
 * `nonBuyerReturns`) and the blacklist reason.
 */
import type { BuyerRecordSchema } from '../../shared/api/outcomes';
import { buyerRecord, type ShipmentStatus } from '../../shared/domain/buyout';
import type { ServerConfig } from '../config';
import type { Sql } from '../db/db';
import { readCenterSettings } from '../admin/settings';
import { blacklistReasonOf } from './blacklist';
import { latestOutcomes } from './shipment-outcomes';

/** The marks of the customer `phone` whose orders are `orderIds`. */
export async function customerMarks(sql: Sql, config: ServerConfig, phone: string, orderIds: readonly number[]): Promise<{
  statusOf: Map<number, ShipmentStatus>; buyer: BuyerRecordSchema;
}> {
  const latest = await latestOutcomes(sql, orderIds);
  const statusOf = new Map([...latest].map(([id, e]) => [id, e.status] as const));
  const { nonBuyerReturns } = await readCenterSettings(sql, config);
  return { statusOf, buyer: { ...buyerRecord([...statusOf.values()], nonBuyerReturns), blacklisted: await blacklistReasonOf(sql, phone) } };
}
