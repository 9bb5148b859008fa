/**
 * The one IPC contract between the renderer and the main process. Each channel maps to its
 * request and response schemas; each event (main → renderer) to its payload schema. Electron's
 * preload exposes one method per channel; browser mode speaks the same contract over a loopback
 * WebSocket. Replies are `{ok:true,value}` or `{ok:false,error:{code,message}}`.
 */
import { z } from 'zod';
import {
  Address, CallAttempt, Customer, DeliveryOption, IsoInstant, Offer, Order, OrderId, OrderLine, QueueTab,
  Reason, ResultKind, SaveResultArgs,
} from '../domain/schemas';
import {
  AddressSuggestQuery, AddressSuggestion, CustomerHistory, QueueCounts, QueuePage, Rejection,
  Script, SipAccount, User,
} from '../api/http';
import { AgentState, BreakReason, CallQuality, ServerMessage } from '../api/live';
import { OrderHistory } from '../api/order-history';
import { CenterContext } from '../domain/center';
import { leadChannels } from './lead-channels';

const Empty = z.object({}).strict();
const Void = z.null();

/** The order form exactly as typed (kept locally, never sent as a mutation). */
export const Draft = z.object({
  orderId: OrderId,
  customer: Customer,
  address: Address,
  lines: z.array(OrderLine).max(50),
  delivery: DeliveryOption.nullable(),
  deliveryOptions: z.array(DeliveryOption).max(20),
  comment: z.string().max(4000),
  result: ResultKind.nullable(),
  /** The Невалид / foreign-feedback variant chosen with the result (drafts saved before it existed read as null). */
  variant: SaveResultArgs.shape.variant.default(null),
  problem: z.string().max(64).nullable(),
  callbackAt: z.string().max(40).nullable(),
  updatedAt: z.string().max(40),
});
export type Draft = z.infer<typeof Draft>;

/** What the UI shows for an order: server copy + pending local edits + draft. */
export const OrderView = z.object({
  order: Order,
  pending: z.array(z.object({ mutationId: z.number().int(), name: z.string(), createdAt: z.string() })),
  draft: Draft.nullable(),
  rejection: Rejection.nullable(),
  /**
   * When this operator claimed the order (UTC ISO; the server's claim instant, recorded by main at
   * claim time), or null when unknown (e.g. held orders restored by a pull on another computer).
   * The result rules ignore calls started before it, on the server as in the UI.
   */
  takenAt: IsoInstant.nullable(),
});
export type OrderView = z.infer<typeof OrderView>;

export const SyncStatus = z.object({
  online: z.boolean(),
  pending: z.number().int(),
  lastSyncAt: z.string().nullable(),
  syncing: z.boolean(),
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }).nullable(),
  lastError: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/**
 * The logged-in session. `center` is the center context of the rules (zone, working hours, limits),
 * kept current by main (login, `GET center/context` on each live connection, live `center.changed`);
 * `timeZone` equals `center.timeZone`.
 */
export const Session = z.object({ serverUrl: z.string(), user: User, sip: SipAccount.nullable(), timeZone: z.string(), center: CenterContext });
export type Session = z.infer<typeof Session>;

/** Request/response schema pairs, one per channel. */
export const channels = {
  /** Log in to a server; returns the session (SIP account included). */
  'auth.login': { req: z.object({ serverUrl: z.string().url().max(300), login: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }), res: Session },
  /** Log out and forget the token. */
  'auth.logout': { req: Empty, res: Void },
  /** The restored session after a restart, or null. */
  'auth.session': { req: Empty, res: Session.nullable() },
  /** The last server address used on this machine. */
  'settings.lastServer': { req: Empty, res: z.string().nullable() },
  /** Read a local setting (JSON value). */
  'settings.get': { req: z.object({ key: z.string().min(1).max(100) }), res: z.unknown() },
  /** Store a local setting (JSON value). */
  'settings.set': { req: z.object({ key: z.string().min(1).max(100), value: z.unknown() }), res: Void },
  /** Tab counts (online) or the last cached counts (offline). */
  'queue.counts': { req: Empty, res: QueueCounts.extend({ cached: z.boolean() }) },
  /** One page of a tab. */
  'queue.list': { req: z.object({ tab: QueueTab, offset: z.number().int().min(0).max(1_000_000), limit: z.number().int().min(1).max(500) }), res: QueuePage.extend({ cached: z.boolean() }) },
  /** Claim the next order by priority (online only); null when nothing is due. */
  'queue.next': { req: Empty, res: OrderView.nullable() },
  /** Claim a chosen order (online only). */
  'order.claim': { req: z.object({ orderId: OrderId }), res: OrderView },
  /** Release a held order back to the queue. */
  'order.release': { req: z.object({ orderId: OrderId }), res: Void },
  /** Orders this operator holds (from the cache). */
  'order.held': { req: Empty, res: z.array(OrderView) },
  /** One held order as the UI shows it. */
  'order.get': { req: z.object({ orderId: OrderId }), res: OrderView },
  /** Autosave of the form (local only). */
  'draft.save': { req: Draft, res: Void },
  /** Save a result: validated by the shared rules, queued in the outbox, applied locally. */
  'order.saveResult': { req: SaveResultArgs, res: z.object({ mutationId: z.number().int(), queued: z.boolean() }) },
  /** Log a call attempt on an order (outbox). */
  'call.log': { req: CallAttempt, res: z.object({ mutationId: z.number().int() }) },
  /** The customer's orders by phone (online), for "our customer" and the screen pop. */
  'customer.history': { req: z.object({ phone: z.string().min(1).max(40) }), res: CustomerHistory },
  /** The order's whole story: results with comments and authors, calls, status changes, delivery outcomes (online). */
  'order.history': { req: z.object({ orderId: OrderId }), res: OrderHistory },
  'reasons.list': { req: Empty, res: z.array(Reason) },
  'offers.list': { req: Empty, res: z.array(Offer) },
  'script.get': { req: z.object({ offerSku: z.string().min(1).max(64) }), res: Script.nullable() },
  'delivery.options': { req: z.object({ orderId: OrderId, address: Address }), res: z.array(DeliveryOption) },
  'address.suggest': { req: AddressSuggestQuery, res: z.array(AddressSuggestion) },
  /** Agent state for the live board. */
  'agent.setState': { req: z.object({ state: AgentState, breakReason: BreakReason.nullable(), orderId: OrderId.nullable(), callId: z.string().max(200).nullable(), sipRegistered: z.boolean().nullable(), remoteNumber: z.string().max(40).nullable().optional() }), res: Void },
  /** Call quality sample for the live board. */
  'agent.quality': { req: z.object({ callId: z.string().min(1).max(200), quality: CallQuality }), res: Void },
  'sync.status': { req: Empty, res: SyncStatus },
  /** Pull and push now. */
  'sync.now': { req: Empty, res: SyncStatus },
  /** The lead/admin screens' channels, one per server route (lead-channels.ts). */
  ...leadChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type Req<C extends ChannelName> = z.input<Channels[C]['req']>;
export type Res<C extends ChannelName> = z.output<Channels[C]['res']>;

/** Events main → renderer. */
export const events = {
  'sync.status': SyncStatus,
  /** A held order changed (pull, local save, rejection). */
  'order.changed': z.object({ orderId: OrderId }),
  /** A message from the live channel (board events, reminders, lead messages). */
  'live.message': ServerMessage,
  /** The catalogue (offers: prices, promo terms) changed on the server; re-read `offers.list`. */
  'catalogue.changed': z.null(),
  /** The session ended (token expired or revoked). */
  'auth.expired': z.null(),
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const IpcErrorBody = z.object({ code: z.string(), message: z.string() });
export type IpcError = z.infer<typeof IpcErrorBody>;
export type IpcReply<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** The typed api the renderer uses (window.api in Electron, the socket client in browser mode). */
export type Api = {
  [C in ChannelName]: (req: Req<C>) => Promise<IpcReply<Res<C>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
