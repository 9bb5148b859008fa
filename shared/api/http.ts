/**
 * HTTP API schemas of the CRM server (prefix /api/v1). The server validates requests with these;
 * the client (main process) validates responses with them.
 */
import { z } from 'zod';
import {
  CallAttempt, E164, IsoInstant, Kopecks, Offer, Order, OrderId, OrderStatus, QueueTab, Reason,
  ResultKind, SaveResultArgs, Sku, DeliveryOption,
} from '../domain/schemas';
import { CenterContext } from '../domain/center';
import { BuyerRecordSchema, ShipmentStatus } from './outcomes';
import { DeskDialing } from '../domain/dialing';
import { CustomerZone, IngestGeo } from '../domain/customer-zone';

/** Error body of every 4xx/5xx: `{error:{code,message}}`; `field` names the offending input. */
export const ApiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
export type ApiError = z.infer<typeof ApiError>;

export const Role = z.enum(['operator', 'lead', 'admin']);
export type Role = z.infer<typeof Role>;

/** A user; `dialing` (the operator's progressive dialing and auto-next) comes in the login reply, absent = off. */
export const User = z.object({ id: z.number().int(), login: z.string(), name: z.string(), role: Role, dialing: DeskDialing.optional() });
export type User = z.infer<typeof User>;

/** SIP account provisioned by the server at login. */
export const SipAccount = z.object({
  wsUrl: z.string().url(),
  domain: z.string().min(1),
  user: z.string().min(1),
  password: z.string(),
  displayName: z.string(),
});
export type SipAccount = z.infer<typeof SipAccount>;

/** POST auth/login */
export const LoginRequest = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export const LoginResponse = z.object({
  token: z.string(),
  expiresAt: IsoInstant,
  user: User,
  sip: SipAccount.nullable(),
  /** The center's zone (= center.timeZone). */
  timeZone: z.string(),
  /** The center context of the rules (shared/domain/center.ts). */
  center: CenterContext,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

/** POST orders (X-Api-Key): ingest from landing pages, idempotent by externalId. */
export const IngestOrderRequest = z.object({
  externalId: z.string().trim().min(1).max(100),
  customerName: z.string().trim().max(200),
  phone: z.string().trim().min(1).max(40),
  offerSku: Sku,
  quantity: z.number().int().min(1).max(999).optional(),
  priceKop: Kopecks.optional(),
  createdAt: IsoInstant.optional(),
  /** Where the customer is, if the landing page knows (region name or code, city, IANA zone): places the customer's zone. */
  region: IngestGeo.shape.region,
  city: IngestGeo.shape.city,
  timeZone: IngestGeo.shape.timeZone,
});
export type IngestOrderRequest = z.infer<typeof IngestOrderRequest>;

export const QueueCounts = z.object({
  tabs: z.record(QueueTab, z.object({ total: z.number().int(), due: z.number().int() })),
});
export type QueueCounts = z.infer<typeof QueueCounts>;

/** A row of a queue listing (phone masked). */
export const QueueRow = z.object({
  id: OrderId,
  tab: QueueTab,
  due: z.boolean(),
  status: OrderStatus,
  createdAt: IsoInstant,
  assigneeId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  failedAttempts: z.number().int(),
  callbackAt: IsoInstant.nullable(),
  offerSku: Sku,
  offerName: z.string(),
  customerName: z.string(),
  phoneMasked: z.string(),
  /** The customer's zone (the desk shows their time and dims rows outside the calling window); absent from an older server or cache: unknown. */
  customerZone: CustomerZone.optional(),
});
export type QueueRow = z.infer<typeof QueueRow>;

export const QueuePageQuery = z.object({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const QueuePage = z.object({ tab: QueueTab, total: z.number().int(), rows: z.array(QueueRow) });
export type QueuePage = z.infer<typeof QueuePage>;

/** A held order with the lease's end. */
export const ClaimResponse = z.object({ order: Order });
export const ClaimConflict = z.object({
  error: z.object({ code: z.literal('held'), message: z.string(), holder: z.object({ id: z.number().int(), name: z.string() }) }),
});

/** The customer's history by phone ("our customer" check, inbound screen pop). */
export const CustomerHistory = z.object({
  phone: E164,
  orders: z.array(z.object({
    id: OrderId,
    createdAt: IsoInstant,
    status: OrderStatus,
    offerName: z.string(),
    customerName: z.string(),
    totalKop: Kopecks,
    problem: z.string().nullable(),
    comment: z.string(),
    lastCallAt: IsoInstant.nullable(),
    /** The latest shipment status of a confirmed order (absent: none reported). */
    shipmentStatus: ShipmentStatus.optional(),
  })),
  /** Past parcels and the «не выкупает» / blacklist marks (absent from an older server). */
  buyer: BuyerRecordSchema.optional(),
});
export type CustomerHistory = z.infer<typeof CustomerHistory>;

/** Named, versioned mutations of the outbox. */
export const LogCallArgs = CallAttempt;
export const Mutation = z.discriminatedUnion('name', [
  z.object({ id: z.number().int().positive(), name: z.literal('logCall.v1'), args: LogCallArgs }),
  z.object({ id: z.number().int().positive(), name: z.literal('saveResult.v1'), args: SaveResultArgs }),
]);
export type Mutation = z.infer<typeof Mutation>;
export type MutationName = Mutation['name'];

/** POST sync/push */
export const PushRequest = z.object({
  clientId: z.string().uuid(),
  mutations: z.array(Mutation).min(1).max(100),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const MutationOutcome = z.discriminatedUnion('status', [
  z.object({ id: z.number().int(), status: z.literal('applied') }),
  z.object({ id: z.number().int(), status: z.literal('duplicate') }),
  z.object({ id: z.number().int(), status: z.literal('rejected'), code: z.string(), message: z.string() }),
]);
export type MutationOutcome = z.infer<typeof MutationOutcome>;

export const PushResponse = z.object({ results: z.array(MutationOutcome), lastMutationId: z.number().int() });
export type PushResponse = z.infer<typeof PushResponse>;

/** A change-stream cursor as the server gave it (opaque to clients; `0` = from the start). */
export const ChangeCursor = z.string().min(1).max(60).regex(/^[0-9a-z.]+$/, 'нужно значение, которое вернул сервер, или 0');
/** The cursor of a reader that has seen nothing. */
export const START_CURSOR = '0';

/** GET sync/pull?clientId&cursor[&limit] */
export const PullQuery = z.object({
  clientId: z.string().uuid(),
  cursor: ChangeCursor.default(START_CURSOR),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export const Rejection = z.object({ mutationId: z.number().int(), orderId: OrderId.nullable(), code: z.string(), message: z.string(), at: IsoInstant });
export type Rejection = z.infer<typeof Rejection>;
export const PullResponse = z.object({
  orders: z.array(Order),
  /** Orders no longer held by this operator (released, reassigned, expired). */
  removed: z.array(OrderId),
  lastMutationId: z.number().int(),
  rejections: z.array(Rejection),
  cursor: ChangeCursor,
  /** True when more changes wait beyond this page; pull again with the new cursor. */
  more: z.boolean(),
  /** About how many changes are still to come after this page (initial-sync progress); absent from older servers. */
  remaining: z.number().int().min(0).optional(),
});
export type PullResponse = z.infer<typeof PullResponse>;

export const ScriptSection = z.object({ key: z.string(), title: z.string(), body: z.string() });
export const Objection = z.object({ key: z.string(), title: z.string(), body: z.string(), keywords: z.array(z.string()) });
/** GET scripts/:offerSku — Markdown-ish text with {{variables}}. */
export const Script = z.object({
  offerSku: Sku,
  sections: z.array(ScriptSection),
  objections: z.array(Objection),
});
export type Script = z.infer<typeof Script>;

export const ReasonsResponse = z.object({ reasons: z.array(Reason) });
export const OffersResponse = z.object({ offers: z.array(Offer) });
export const DeliveryOptionsResponse = z.object({ options: z.array(DeliveryOption) });

/** GET address/suggest?q&level&parent */
export const AddressLevel = z.enum(['city', 'street', 'house']);
export const AddressSuggestQuery = z.object({
  q: z.string().max(200).default(''),
  level: AddressLevel,
  parent: z.string().max(100).optional(),
});
export const AddressSuggestion = z.object({
  id: z.string(),
  label: z.string(),
  value: z.string(),
  postalCode: z.string().nullable(),
  region: z.string(),
  district: z.string(),
  city: z.string(),
});
export type AddressSuggestion = z.infer<typeof AddressSuggestion>;
export const AddressSuggestResponse = z.object({ suggestions: z.array(AddressSuggestion) });

export { ResultKind };
