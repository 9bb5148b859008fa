import type { Db } from '../db/db';
import type { Bus, BusEvent } from './bus';
import { recordAgentStates, type StateRecord } from './agent-state';

type Waiting = { record: StateRecord; ok: () => void; fail: (err: unknown) => void };

/**
 * Stores and publishes operators' state changes, coalesced: changes that arrive while a write is
 * running are stored together in the next one (one statement for many operators, see
 * recordAgentStates) and published as one bus batch. An idle writer writes at once, so a lone
 * change waits for nothing. Order is kept (writes run one after another; the bus keeps order).
 * When a batch fails, its changes are tried one by one, so one bad change fails alone.
 */
export class StateWriter {
  private queued: Waiting[] = [];
  private running: Promise<void> | null = null;

  constructor(private readonly db: Db, private readonly bus: Bus) {}

  /** Resolves once the change is stored and its bus event sent. */
  write(record: StateRecord): Promise<void> {
    return new Promise<void>((ok, fail) => {
      this.queued.push({ record, ok, fail });
      this.running ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.queued.length === 0) {
        this.running = null;
        return;
      }
      const batch = this.queued.splice(0);
      try {
        await recordAgentStates(this.db, batch.map((w) => w.record));
        this.publish(batch);
      } catch (err) {
        if (batch.length === 1) batch[0]?.fail(err);
        else for (const w of batch) await recordAgentStates(this.db, [w.record]).then(() => this.publish([w]), w.fail);
      }
    }
  }

  private publish(batch: readonly Waiting[]): void {
    const events: BusEvent[] = batch.map(({ record: r }) => ({ kind: 'agentState', userId: r.userId, ...r.change, at: r.at.toISOString() }));
    this.bus.publishAll(events).then(() => batch.forEach((w) => w.ok()), (err: unknown) => batch.forEach((w) => w.fail(err)));
  }
}
