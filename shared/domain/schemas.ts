/**
 * zod schemas of the domain entities (docs/domain.md). Used by the server (authority), main (cache,
 * outbox) and renderer (form). Money is integer kopecks, instants are ISO-8601 UTC strings,
 * phones are E.164 strings.
 */
import { z } from 'zod';
import { CustomerZone } from './customer-zone';

/** Maximum money amount accepted anywhere (100 million roubles), keeps sums inside int64 and JS safe ints. */
export const MAX_KOP = 10_000_000_000;

export const Kopecks = z.number().int().min(0).max(MAX_KOP);
export const IsoInstant = z.string().max(40).datetime({ offset: true });
export const E164 = z.string().regex(/^\+[1-9]\d{7,14}$/, 'E.164 phone expected, e.g. +79123456789');
export const OrderId = z.number().int().positive().max(2 ** 31 - 1);
export const Sku = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/, 'SKU: latin letters, digits, _ . -');

/**
 * Server-owned order status. confirmed, cancelled and invalid are final for the operator; `held`:
 * ingested from a blacklisted phone, in no queue until a lead releases or closes it (shared/domain/buyout.ts).
 */
export const OrderStatus = z.enum(['new', 'callback', 'no_answer', 'confirmed', 'cancelled', 'invalid', 'held']);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** The five result buttons of the order form. */
export const ResultKind = z.enum(['confirm', 'callback', 'noAnswer', 'cancel', 'invalid']);
export type ResultKind = z.infer<typeof ResultKind>;

/** Computed queue tabs (never stored). */
export const QueueTab = z.enum(['new', 'quickRecall', 'inWork', 'noAnswerToday', 'noAnswerYesterday', 'noAnswer2Days', 'noAnswerOlder']);
export type QueueTab = z.infer<typeof QueueTab>;

export const Gender = z.enum(['male', 'female']);
export type Gender = z.infer<typeof Gender>;

/** A line of the order: the main offer or a secondary item ("второстепенный товар"). */
export const OrderLine = z.object({
  offerSku: Sku,
  name: z.string().trim().min(1).max(200),
  quantity: z.number().int().min(1).max(999),
  unitPriceKop: Kopecks,
  /** 0–100; 100 = gift. */
  discountPct: z.number().int().min(0).max(100),
  main: z.boolean(),
});
export type OrderLine = z.infer<typeof OrderLine>;

export const Customer = z.object({
  /** ФИО in full. May be empty on a fresh order from a landing page with only a first name. */
  name: z.string().max(200),
  phone: E164,
  extraPhone: E164.nullable(),
  gender: Gender.nullable(),
});
export type Customer = z.infer<typeof Customer>;

/** Delivery address. Entrance, intercom, floor and metro are deliberately absent (manual, slide 7). */
export const Address = z.object({
  postalCode: z.string().regex(/^\d{6}$/).nullable(),
  region: z.string().max(200),
  district: z.string().max(200),
  city: z.string().max(200),
  /** Id of the city in the address provider (for street suggestions), if chosen from suggestions. */
  cityId: z.string().max(100).nullable(),
  street: z.string().max(200),
  house: z.string().max(30),
  building: z.string().max(30),
  korpus: z.string().max(30),
  apartment: z.string().max(30),
});
export type Address = z.infer<typeof Address>;

export const DeliveryMethod = z.enum(['courier', 'post', 'pickup']);
export type DeliveryMethod = z.infer<typeof DeliveryMethod>;

export const DeliveryOption = z.object({
  id: z.string().min(1).max(100),
  method: DeliveryMethod,
  carrier: z.string().max(100),
  priceKop: Kopecks,
  daysMin: z.number().int().min(0).max(90),
  daysMax: z.number().int().min(0).max(90),
});
export type DeliveryOption = z.infer<typeof DeliveryOption>;

export const CallOutcome = z.enum(['answered', 'noAnswer', 'busy', 'failed', 'cancelled']);
export type CallOutcome = z.infer<typeof CallOutcome>;

/** One call attempt logged on an order; "call made" for the result rules derives from these. */
export const CallAttempt = z.object({
  callId: z.string().min(1).max(200),
  orderId: OrderId,
  startedAt: IsoInstant,
  answeredAt: IsoInstant.nullable(),
  endedAt: IsoInstant,
  outcome: CallOutcome,
});
export type CallAttempt = z.infer<typeof CallAttempt>;

export const ReasonGroup = z.enum(['noAnswer', 'cancel', 'callback', 'invalid']);
export type ReasonGroup = z.infer<typeof ReasonGroup>;

/** A problem reason of the admin-editable directory. */
export const Reason = z.object({
  code: z.string().min(1).max(64).regex(/^[a-z0-9_]+$/),
  group: ReasonGroup,
  label: z.string().min(1).max(200),
  active: z.boolean(),
});
export type Reason = z.infer<typeof Reason>;

/** Promo terms of an offer: which discounts an extra item may get (100 = gift). */
export const PromoTerms = z.object({
  text: z.string().max(2000),
  allowedDiscountsPct: z.array(z.number().int().min(0).max(100)).max(20),
  /** The main line of this offer may get these discounts too; absent = false (discounts are for extra items only). */
  mainLineDiscount: z.boolean().optional(),
});
export type PromoTerms = z.infer<typeof PromoTerms>;

export const Offer = z.object({
  sku: Sku,
  name: z.string().min(1).max(200),
  priceKop: Kopecks,
  promo: PromoTerms,
  active: z.boolean(),
});
export type Offer = z.infer<typeof Offer>;

/** The result being saved, as sent in `saveResult.v1`. */
export const SaveResultArgs = z.object({
  orderId: OrderId,
  result: ResultKind,
  /** Distinguishes the Невалид variants and foreign feedback (see shared/domain/results). */
  variant: z.enum(['wrongNumber', 'feedbackOurs', 'feedbackForeign', 'spam']).nullable(),
  problem: z.string().max(64).nullable(),
  callbackAt: IsoInstant.nullable(),
  comment: z.string().max(4000),
  customer: Customer,
  address: Address,
  lines: z.array(OrderLine).max(50),
  delivery: DeliveryOption.nullable(),
});
export type SaveResultArgs = z.infer<typeof SaveResultArgs>;

/** An order as the server owns it and the client caches it. */
export const Order = z.object({
  id: OrderId,
  externalId: z.string().max(100).nullable(),
  status: OrderStatus,
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  failedAttempts: z.number().int().min(0),
  callbackAt: IsoInstant.nullable(),
  lastAttemptAt: IsoInstant.nullable(),
  assigneeId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  leaseUntil: IsoInstant.nullable(),
  offerSku: Sku,
  customer: Customer,
  address: Address,
  lines: z.array(OrderLine),
  delivery: DeliveryOption.nullable(),
  problem: z.string().nullable(),
  comment: z.string(),
  calls: z.array(CallAttempt),
  version: z.number().int(),
  /** The customer's time zone and where it came from (customer-zone.ts); unknown when absent (old cache rows). */
  customerZone: CustomerZone.default(() => ({ zone: null, source: 'unknown' as const })),
});
export type Order = z.infer<typeof Order>;

/** An empty address, the starting point of the form. */
export const emptyAddress = (): Address => ({
  postalCode: null, region: '', district: '', city: '', cityId: null,
  street: '', house: '', building: '', korpus: '', apartment: '',
});
