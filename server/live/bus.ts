import { z } from 'zod';
import type { Db } from '../db/db';
import { AgentState, BreakReason, CallQuality } from '../../shared/api/live';

const CHANNEL = 'prozvon_events';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more: a batch is cut below this. */
const MAX_PAYLOAD_BYTES = 7_500;

/**
 * Events between server instances, carried by PostgreSQL LISTEN/NOTIFY (PGlite too), so a lead
 * connected to instance B sees what an operator does on instance A.
 */
export const BusEvent = z.discriminatedUnion('kind', [
  /** These users should pull now (their held orders changed). */
  z.object({ kind: z.literal('poke'), userIds: z.array(z.number().int()) }),
  /** An operator's agent state or call changed. */
  z.object({
    kind: z.literal('agentState'), userId: z.number().int(), state: AgentState, breakReason: BreakReason.nullable(),
    orderId: z.number().int().nullable(), callId: z.string().nullable(), sipRegistered: z.boolean().nullable(), at: z.string(),
  }),
  z.object({ kind: z.literal('quality'), userId: z.number().int(), callId: z.string(), quality: CallQuality, at: z.string() }),
  /** Queue or counters changed (result saved, order ingested, claim): boards refresh. */
  z.object({ kind: z.literal('activity'), userId: z.number().int().nullable() }),
  /** An admin changed the center settings: every connection gets the new center context. */
  z.object({ kind: z.literal('centerChanged') }),
  z.object({ kind: z.literal('message'), toUserId: z.number().int(), from: z.string(), text: z.string(), at: z.string() }),
  /** A lead set these operators' plans for `day`: their headers refetch. */
  z.object({ kind: z.literal('planChanged'), userIds: z.array(z.number().int()), day: z.string() }),
]);
export type BusEvent = z.infer<typeof BusEvent>;

/** One NOTIFY payload: a batch of events of one instance, numbered so PostgreSQL never folds two equal batches. */
const BusBatch = z.object({ n: z.number().int(), events: z.array(z.unknown()) });

export type Bus = {
  /** Publishes one event; resolves once the NOTIFY carrying it was sent. */
  publish(event: BusEvent): Promise<void>;
  /** Publishes several events, delivered in order (in one NOTIFY unless it would be too large). */
  publishAll(events: readonly BusEvent[]): Promise<void>;
  subscribe(fn: (event: BusEvent) => void): () => void;
  close(): Promise<void>;
};

/** Cuts events into JSON payloads below the NOTIFY limit, in order. */
export function batchPayloads(events: readonly BusEvent[], nextNumber: () => number): string[] {
  const out: string[] = [];
  let chunk: string[] = [];
  let size = 0;
  const flush = () => {
    if (chunk.length) out.push(`{"n":${nextNumber()},"events":[${chunk.join(',')}]}`);
    chunk = [];
    size = 0;
  };
  for (const e of events) {
    const json = JSON.stringify(e);
    const bytes = Buffer.byteLength(json);
    if (chunk.length && size + bytes + 40 > MAX_PAYLOAD_BYTES) flush();
    chunk.push(json);
    size += bytes + 1;
  }
  flush();
  return out;
}

/**
 * Creates the bus on a database; every instance LISTENs on one channel. Publishing coalesces:
 * events published while a NOTIFY statement is in flight wait for it and leave together in the
 * next one, as one batch payload (one NOTIFY for many changes, none delayed when the bus is idle).
 * Order is kept: statements run one after another and a batch's events are delivered in order.
 */
export async function createBus(db: Db): Promise<Bus> {
  const subs = new Set<(e: BusEvent) => void>();
  const unlisten = await db.listen(CHANNEL, (payload) => {
    let batch: z.infer<typeof BusBatch>;
    try {
      batch = BusBatch.parse(JSON.parse(payload));
    } catch {
      return;
    }
    for (const raw of batch.events) {
      const parsed = BusEvent.safeParse(raw);
      if (parsed.success) subs.forEach((fn) => fn(parsed.data));
    }
  });
  let numbered = 0;
  let queued: { events: BusEvent[]; settle: Array<{ ok: () => void; fail: (e: unknown) => void }> } | null = null;
  let inFlight: Promise<void> | null = null;

  /** Sends the queue until it is empty; clears `inFlight` in the same turn it finds nothing left. */
  const sendQueued = async (): Promise<void> => {
    for (;;) {
      if (!queued) {
        inFlight = null;
        return;
      }
      const { events, settle } = queued;
      queued = null;
      try {
        await db.query('SELECT pg_notify($1, p) FROM unnest($2::text[]) AS b(p)', [CHANNEL, batchPayloads(events, () => ++numbered)]);
        settle.forEach((s) => s.ok());
      } catch (err) {
        settle.forEach((s) => s.fail(err));
      }
    }
  };

  const publishAll = (events: readonly BusEvent[]): Promise<void> => {
    if (events.length === 0) return Promise.resolve();
    return new Promise<void>((ok, fail) => {
      queued ??= { events: [], settle: [] };
      queued.events.push(...events);
      queued.settle.push({ ok, fail });
      inFlight ??= sendQueued();
    });
  };

  return {
    publish: (event) => publishAll([event]),
    publishAll,
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
    async close() {
      while (inFlight) await inFlight;
      await unlisten();
    },
  };
}
