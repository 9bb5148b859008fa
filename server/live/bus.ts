import { z } from 'zod';
import type { Db } from '../db/db';
import { AgentState, BreakReason, CallQuality } from '../../shared/api/live';

const CHANNEL = 'prozvon_events';

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

export type Bus = {
  publish(event: BusEvent): Promise<void>;
  /** Publishes several events in one statement (one round trip), delivered in order; identical events in one call arrive once. */
  publishAll(events: readonly BusEvent[]): Promise<void>;
  subscribe(fn: (event: BusEvent) => void): () => void;
  close(): Promise<void>;
};

/** Creates the bus on a database; every instance LISTENs on one channel. */
export async function createBus(db: Db): Promise<Bus> {
  const subs = new Set<(e: BusEvent) => void>();
  const unlisten = await db.listen(CHANNEL, (payload) => {
    let parsed: BusEvent;
    try {
      parsed = BusEvent.parse(JSON.parse(payload));
    } catch {
      return;
    }
    subs.forEach((fn) => fn(parsed));
  });
  return {
    async publish(event) {
      await db.notify(CHANNEL, JSON.stringify(event));
    },
    async publishAll(events) {
      if (events.length === 0) return;
      await db.query('SELECT pg_notify($1, e.payload) FROM unnest($2::text[]) AS e(payload)', [CHANNEL, events.map((e) => JSON.stringify(e))]);
    },
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
    async close() {
      await unlisten();
    },
  };
}
