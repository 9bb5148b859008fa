/**
 * HTTP schemas of delivery outcomes and the blacklist (prefix /api/v1): the shipment status feed
 * fulfilment posts (X-Api-Key = INGEST_API_KEY), the admin's blacklist and the lead's list of
 * held orders. The server validates requests with these; clients validate answers with them.
 */
import { z } from 'zod';
import { SHIPMENT_STATUSES } from '../domain/buyout';
import { E164, IsoInstant, MAX_KOP, OrderId } from '../domain/schemas';

export const ShipmentStatus = z.enum(SHIPMENT_STATUSES, { error: `нужен один из статусов: ${SHIPMENT_STATUSES.join(', ')}` });

const NUMBER = 'нужен номер заказа — целое положительное число';
const TEXT = 'нужна строка от 1 до 100 символов';
const WHEN = 'нужно время ISO 8601 с поясом, например 2026-12-02T10:00:00Z';
const KOP = 'нужна сумма в копейках — целое неотрицательное число';

/**
 * One shipment status: the order by our number (`orderNumber`, the webhook's `number`) or by
 * the shop's `externalId` — exactly one; the carrier's `shipmentId`; when it happened; for
 * `delivered` the amount actually collected in kopecks (required then, refused otherwise).
 */
export const ShipmentEventInput = z.object({
  orderNumber: z.number({ error: NUMBER }).int({ error: NUMBER }).positive({ error: NUMBER }).max(2 ** 31 - 1, { error: NUMBER }).optional(),
  externalId: z.string({ error: TEXT }).trim().min(1, { error: TEXT }).max(100, { error: TEXT }).optional(),
  shipmentId: z.string({ error: TEXT }).trim().min(1, { error: TEXT }).max(100, { error: TEXT }),
  status: ShipmentStatus,
  occurredAt: z.string({ error: WHEN }).max(40, { error: WHEN }).datetime({ offset: true, error: WHEN }),
  amountKop: z.number({ error: KOP }).int({ error: KOP }).min(0, { error: KOP }).max(MAX_KOP, { error: KOP }).optional(),
}, { error: 'нужен объект события доставки' }).superRefine((v, ctx) => {
  if ((v.orderNumber === undefined) === (v.externalId === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['orderNumber'], message: 'укажите ровно одно: orderNumber (номер заказа) или externalId' });
  }
  if (v.status === 'delivered' && v.amountKop === undefined) {
    ctx.addIssue({ code: 'custom', path: ['amountKop'], message: 'для статуса delivered нужна полученная сумма в копейках' });
  }
  if (v.status !== 'delivered' && v.amountKop !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['amountKop'], message: 'сумма передаётся только со статусом delivered' });
  }
});
export type ShipmentEventInput = z.infer<typeof ShipmentEventInput>;

/** POST shipments answer: 201 `created`, 200 `duplicate` (the same event was already taken). */
export const ShipmentEventResult = z.object({ id: z.number().int(), orderId: OrderId, outcome: z.enum(['created', 'duplicate']) });
export type ShipmentEventResult = z.infer<typeof ShipmentEventResult>;

/** POST shipments/batch: up to 500 events, each taken or refused on its own. */
const EVENTS = 'нужен массив events от 1 до 500 событий';
export const ShipmentBatchRequest = z.object({ events: z.array(z.unknown(), { error: EVENTS }).min(1, { error: EVENTS }).max(500, { error: EVENTS }) }, { error: EVENTS });

/** One item of the batch answer, in the order sent. */
export const ShipmentBatchItem = z.discriminatedUnion('outcome', [
  z.object({ index: z.number().int(), outcome: z.enum(['created', 'duplicate']), id: z.number().int(), orderId: OrderId }),
  z.object({ index: z.number().int(), outcome: z.literal('rejected'), code: z.string(), message: z.string(), field: z.string().optional() }),
]);
export const ShipmentBatchResponse = z.object({ results: z.array(ShipmentBatchItem) });
export type ShipmentBatchResponse = z.infer<typeof ShipmentBatchResponse>;

/** A blacklisted phone. */
export const BlacklistEntry = z.object({
  id: z.number().int(),
  phone: E164,
  reason: z.string(),
  authorName: z.string().nullable(),
  createdAt: IsoInstant,
});
export type BlacklistEntry = z.infer<typeof BlacklistEntry>;

/** POST admin/blacklist — a phone in any format (normalised by the server) and why. */
export const AddBlacklistRequest = z.object({ phone: z.string().trim().min(1).max(40), reason: z.string().trim().min(1).max(500) });
export const BlacklistResponse = z.object({ entries: z.array(BlacklistEntry) });

/** An order held because its phone is blacklisted. */
export const HeldOrder = z.object({
  id: OrderId,
  createdAt: IsoInstant,
  phone: z.string(),
  customerName: z.string(),
  offerName: z.string(),
  comment: z.string(),
});
export type HeldOrder = z.infer<typeof HeldOrder>;
export const HeldOrdersResponse = z.object({ orders: z.array(HeldOrder) });

/** POST held-orders/:id/decide — back to the queue as Новый, or closed as Невалид. */
export const DecideHeldRequest = z.object({ action: z.enum(['queue', 'invalid']) });

/** The customer's past parcels as the operator sees them before calling. */
export const BuyerRecordSchema = z.object({
  delivered: z.number().int(),
  returned: z.number().int(),
  threshold: z.number().int(),
  nonBuyer: z.boolean(),
  /** The blacklist reason when the phone is blacklisted. */
  blacklisted: z.string().nullable(),
});
export type BuyerRecordSchema = z.infer<typeof BuyerRecordSchema>;
