/**
 * The PBX call events API (`POST /api/v1/pbx/events`, docs/telephony.md «Calls verified by the
 * PBX»): what any PBX sends about each call's life, and the lead's list of desk call logs that
 * disagree with the PBX.
 */
import { z } from 'zod';
import { IsoInstant, OrderId } from '../domain/schemas';
import { PbxFlagKind } from '../domain/pbx-calls';

/** The kinds of call event: the INVITE, a provisional ring, the answer (2xx) and the three ends. */
export const PbxEventKind = z.enum(['invite', 'ringing', 'answered', 'bye', 'failed', 'cancelled']);
export type PbxEventKind = z.infer<typeof PbxEventKind>;

/** Seconds since the epoch (fractions allowed, as Kamailio's `$TV(Sn)`) or an ISO instant. */
const EventTime = z.union([z.number().positive().max(32_503_680_000), IsoInstant]);

/** One call event as a PBX sends it (snake_case on the wire, as Kamailio's jansson builds it). */
export const PbxEvent = z.object({
  event: PbxEventKind,
  /** The SIP Call-ID of the leg the desk placed or answered. */
  call_id: z.string().trim().min(1).max(200),
  /** Caller and callee: SIP URIs or plain numbers. */
  from: z.string().max(300).optional(),
  to: z.string().max(300).optional(),
  ts: EventTime,
  /** SIP status code of `ringing`, `answered`, `failed`, `cancelled`. */
  code: z.number().int().min(100).max(699).optional(),
  reason: z.string().max(200).optional(),
  /** Who sent the BYE. */
  by: z.enum(['caller', 'callee']).optional(),
}).passthrough();
export type PbxEvent = z.infer<typeof PbxEvent>;

/** A batch of events: `{ events: [...] }` (at most 500 at once). */
export const PbxEventsBatch = z.object({ events: z.array(PbxEvent).min(1).max(500) });

/** The body: one event, an array of events (at most 500) or a batch. */
export const PbxEventsRequest = z.union([PbxEventsBatch, z.array(PbxEvent).min(1).max(500), PbxEvent]);
export type PbxEventsRequest = z.infer<typeof PbxEventsRequest>;

/** The answer: how many events were taken. */
export const PbxEventsResponse = z.object({ accepted: z.number().int() });

/** Query of GET pbx/flags: calls started in [from, to). */
export const PbxFlagsQuery = z.object({ from: IsoInstant, to: IsoInstant });

/** A desk call log that disagrees with the PBX (kept as logged; shown to the lead). */
export const PbxFlag = z.object({
  callId: z.string(),
  orderId: OrderId,
  userId: z.number().int(),
  operatorName: z.string(),
  startedAt: IsoInstant,
  flag: PbxFlagKind,
  /** Russian text of what disagrees. */
  message: z.string(),
});
export type PbxFlag = z.infer<typeof PbxFlag>;
/** The answer of GET pbx/flags; `enabled` false while the center does not verify calls by the PBX. */
export const PbxFlagsResponse = z.object({ enabled: z.boolean(), flags: z.array(PbxFlag) });
export type PbxFlagsResponse = z.infer<typeof PbxFlagsResponse>;
