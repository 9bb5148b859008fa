/**
 * Integrations API (prefix /api/v1/integrations, header X-Api-Key = INTEGRATION_API_KEY): the
 * changes feed outside systems (fulfilment) pull — one event per order status change, exactly
 * once by cursor, per order in order (docs/sync-protocol.md "Integrations feed").
 */
import { z } from 'zod';
import { Address, DeliveryOption, Gender, IsoInstant, Kopecks, OrderId, OrderLine, OrderStatus, Sku } from '../domain/schemas';
import { ChangeCursor, START_CURSOR } from './http';

/**
 * What happened to the order: a saved result, a Новый order going back to the common pool, or
 * an order from a blacklisted phone held for a lead (`held`; closed at ingest it is `invalid`).
 */
export const OrderEventKind = z.enum(['confirmed', 'cancelled', 'invalid', 'callback', 'no_answer', 'returned_to_pool', 'held']);
export type OrderEventKind = z.infer<typeof OrderEventKind>;

/** The order as it was right after the change, with totals computed by the server. */
export const OrderEventPayload = z.object({
  number: OrderId,
  externalId: z.string().nullable(),
  offer: z.object({ sku: Sku, name: z.string() }),
  customer: z.object({ name: z.string(), gender: Gender.nullable() }),
  phone: z.string(),
  extraPhone: z.string().nullable(),
  address: Address,
  lines: z.array(OrderLine),
  delivery: DeliveryOption.nullable(),
  totals: z.object({ subtotalKop: Kopecks, discountKop: Kopecks, deliveryKop: Kopecks, totalKop: Kopecks }),
  callbackAt: IsoInstant.nullable(),
  at: IsoInstant,
});
export type OrderEventPayload = z.infer<typeof OrderEventPayload>;

export const OrderEvent = z.object({
  /** Unique id of the event. */
  id: z.number().int().positive(),
  orderId: OrderId,
  kind: OrderEventKind,
  status: OrderStatus,
  payload: OrderEventPayload,
});
export type OrderEvent = z.infer<typeof OrderEvent>;

const LIMIT = 'нужно целое число от 1 до 1000';

/** GET integrations/changes?cursor[&limit] */
export const ChangesQuery = z.object({
  cursor: ChangeCursor.default(START_CURSOR),
  limit: z.coerce.number({ error: LIMIT }).int({ error: LIMIT }).min(1, { error: LIMIT }).max(1000, { error: LIMIT }).default(100),
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;

/** Events after the cursor; pull again with `cursor` (at once while `more`). */
export const ChangesResponse = z.object({
  events: z.array(OrderEvent),
  cursor: ChangeCursor,
  more: z.boolean(),
});
export type ChangesResponse = z.infer<typeof ChangesResponse>;
