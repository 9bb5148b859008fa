/**
 * Messages of the live channel `GET /api/v1/live` (WebSocket, JSON text frames).
 */
import { z } from 'zod';
import { IsoInstant, OrderId, QueueTab } from '../domain/schemas';
import { CenterContext } from '../domain/center';

/** Agent states (docs/domain.md «Agent states, board, reports, plans»). */
export const AgentState = z.enum(['offline', 'ready', 'dialing', 'ringing', 'talking', 'hold', 'wrapUp', 'break']);
export type AgentState = z.infer<typeof AgentState>;

export const BreakReason = z.enum(['lunch', 'technical', 'training', 'other']);
export type BreakReason = z.infer<typeof BreakReason>;

/**
 * The state a desk resumes after a reload or a restart within the same login session (GET
 * agent/state): a break with its reason, wrap-up, or ready; `since` is when that state began.
 */
export const AgentResume = z.object({ state: z.enum(['ready', 'wrapUp', 'break']), breakReason: BreakReason.nullable(), since: IsoInstant });
export type AgentResume = z.infer<typeof AgentResume>;

/** GET agent/state: the caller's state to resume, or null (a new login starts Готов). */
export const AgentStateResponse = z.object({ resume: AgentResume.nullable() });
export type AgentStateResponse = z.infer<typeof AgentStateResponse>;

/** Call quality sampled from WebRTC getStats. */
export const CallQuality = z.object({
  rttMs: z.number().min(0).max(60_000).nullable(),
  jitterMs: z.number().min(0).max(60_000).nullable(),
  lossPct: z.number().min(0).max(100).nullable(),
});
export type CallQuality = z.infer<typeof CallQuality>;

/** Client → server messages. The first message must be `hello` unless a bearer header was sent. */
export const ClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), token: z.string().min(1).max(200) }),
  z.object({
    type: z.literal('state'),
    state: AgentState,
    breakReason: BreakReason.nullable().default(null),
    orderId: OrderId.nullable().default(null),
    callId: z.string().max(200).nullable().default(null),
    sipRegistered: z.boolean().nullable().default(null),
    /** The other party of the call (E.164), reported with `ringing` for an inbound call. */
    remoteNumber: z.string().max(40).nullable().optional(),
  }),
  z.object({ type: z.literal('quality'), callId: z.string().max(200), quality: CallQuality }),
  z.object({ type: z.literal('heartbeat') }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/** One operator's row of the live board. */
export const BoardAgent = z.object({
  userId: z.number().int(),
  login: z.string(),
  name: z.string(),
  state: AgentState,
  breakReason: BreakReason.nullable(),
  since: IsoInstant,
  orderId: OrderId.nullable(),
  offerName: z.string().nullable(),
  callId: z.string().nullable(),
  callStartedAt: IsoInstant.nullable(),
  quality: CallQuality.nullable(),
  sipRegistered: z.boolean().nullable(),
  counters: z.object({
    calls: z.number().int(),
    answered: z.number().int(),
    confirmed: z.number().int(),
    processed: z.number().int(),
    noAnswerStreak: z.number().int(),
  }),
});
export type BoardAgent = z.infer<typeof BoardAgent>;

/** Server → client messages. */
export const ServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome'), userId: z.number().int(), serverTime: IsoInstant }),
  z.object({ type: z.literal('poke') }),
  z.object({ type: z.literal('agent'), agent: BoardAgent }),
  /** Several operators' rows changed together (one coalesced fan-out tick): upsert each, in order. */
  z.object({ type: z.literal('agents'), agents: z.array(BoardAgent) }),
  z.object({ type: z.literal('board'), agents: z.array(BoardAgent), queue: z.record(QueueTab, z.number().int()) }),
  z.object({ type: z.literal('reminder'), orderId: OrderId, callbackAt: IsoInstant, customerName: z.string() }),
  z.object({ type: z.literal('message'), from: z.string(), text: z.string(), at: IsoInstant }),
  /** The lead changed this operator's plan for `day` (YYYY-MM-DD): the header refetches its progress. */
  z.object({ type: z.literal('plan.changed'), day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  /** An admin changed the center settings: the new center context of the rules (all connections). */
  z.object({ type: z.literal('center.changed'), center: CenterContext }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
