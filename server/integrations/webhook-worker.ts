/**
 * The webhook delivery worker of a server process: claims due deliveries with a lease
 * (`FOR UPDATE SKIP LOCKED`, so several processes never send one at once), POSTs each signed
 * event with a timeout, and records the outcome — delivered, a retry at the backoff schedule's
 * time, or a dead letter. An order's later event waits while an earlier one to the same endpoint
 * is pending. A process killed mid-delivery leaves its lease to expire; the event is then sent
 * again with the same event id.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ServerConfig } from '../config';
import type { Db } from '../db/db';
import { toIso } from '../live/time';
import { retryPlan, type BackoffSettings } from './webhook-backoff';
import { signWebhook } from './webhook-signature';

/** The worker's settings. `leaseMs` must exceed `timeoutMs` (a lease outliving every request). */
export type WebhookWorkerOptions = BackoffSettings & { timeoutMs: number; pollMs: number; batch: number; leaseMs: number };

/** The worker's settings from the server configuration. */
export function webhookOptions(config: ServerConfig): WebhookWorkerOptions {
  return {
    baseDelayMs: config.webhookBaseDelayMs,
    maxDelayMs: 3_600_000,
    giveUpMs: config.webhookGiveUpHours * 3_600_000,
    timeoutMs: config.webhookTimeoutMs,
    pollMs: config.webhookPollMs,
    batch: 8,
    leaseMs: config.webhookTimeoutMs * 2 + 5_000,
  };
}

type Claimed = {
  id: string; lease_token: string; endpoint_id: number; event_id: string; order_id: number; attempts: number; window_start: unknown;
  url: string; secret: string; kind: string; status: string; payload: unknown;
};

type Outcome = { status: number | null; error: string | null; latencyMs: number };

/** What the worker needs besides the database: the clock, a random source for the jitter, a log. */
export type WebhookWorkerDeps = {
  now: () => Date;
  random?: () => number;
  log?: { error(obj: unknown, msg: string): void };
};

const CLAIM = `
WITH due AS (
  SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
   WHERE d.state = 'pending' AND NOT e.paused AND d.next_attempt_at <= $1
     AND (d.lease_until IS NULL OR d.lease_until <= $1)
     AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p
                      WHERE p.endpoint_id = d.endpoint_id AND p.order_id = d.order_id AND p.state = 'pending' AND p.event_id < d.event_id)
   ORDER BY d.next_attempt_at, d.id
   LIMIT $2
   FOR UPDATE OF d SKIP LOCKED
)
UPDATE webhook_deliveries d SET lease_until = $3, lease_token = $4, attempts = d.attempts + 1
  FROM due, webhook_endpoints e, order_events ev
 WHERE d.id = due.id AND e.id = d.endpoint_id AND ev.id = d.event_id
RETURNING d.id, d.lease_token, d.endpoint_id, d.event_id, d.order_id, d.attempts, d.window_start, e.url, e.secret, ev.kind, ev.status, ev.payload`;

/** Attempts kept in the log per endpoint. */
const ATTEMPTS_KEPT = 200;

function describe(e: unknown, timeoutMs: number, stopping: boolean): string {
  if (stopping) return 'сервер остановлен во время доставки';
  // Duck-typed: errors of fetch may come from another realm (instanceof Error fails there).
  const err = (typeof e === 'object' && e !== null ? e : {}) as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `нет ответа за ${timeoutMs} мс`;
  const detail = err.cause?.code ?? err.cause?.message ?? err.message ?? String(e);
  return `сбой соединения: ${detail}`.slice(0, 500);
}

/** A worker on `db`: `runOnce()` claims and delivers one batch; `start()` runs it until stopped. */
export function createWebhookWorker(db: Db, opts: WebhookWorkerOptions, deps: WebhookWorkerDeps) {
  const random = deps.random ?? Math.random;
  const inflight = new Set<AbortController>();
  let stopping = false;

  const claim = async (): Promise<Claimed[]> => {
    const now = deps.now();
    const { rows } = await db.tx((sql) => sql.query<Claimed>(CLAIM, [
      now.toISOString(), opts.batch, new Date(now.getTime() + opts.leaseMs).toISOString(), randomUUID(),
    ]));
    return rows;
  };

  const send = async (c: Claimed): Promise<Outcome> => {
    const body = JSON.stringify({ id: Number(c.event_id), orderId: c.order_id, kind: c.kind, status: c.status, payload: c.payload });
    const timestamp = Math.floor(deps.now().getTime() / 1000);
    const ctrl = new AbortController();
    inflight.add(ctrl);
    const started = performance.now();
    try {
      const r = await fetch(c.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.any([ctrl.signal, AbortSignal.timeout(opts.timeoutMs)]),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Prozvon-Webhooks/1',
          'x-prozvon-event-id': String(c.event_id),
          'x-prozvon-event-kind': c.kind,
          'x-prozvon-attempt': String(c.attempts),
          'x-prozvon-timestamp': String(timestamp),
          'x-prozvon-signature': signWebhook(c.secret, timestamp, body),
        },
        body,
      });
      await r.body?.cancel().catch(() => undefined);
      const ok = r.status >= 200 && r.status < 300;
      return { status: r.status, error: ok ? null : `ответ HTTP ${r.status}`, latencyMs: Math.round(performance.now() - started) };
    } catch (e) {
      return { status: null, error: describe(e, opts.timeoutMs, stopping), latencyMs: Math.round(performance.now() - started) };
    } finally {
      inflight.delete(ctrl);
    }
  };

  const record = async (c: Claimed, o: Outcome): Promise<void> => {
    const now = deps.now();
    const delivered = o.error === null;
    const plan = delivered ? null : retryPlan(c.attempts, now, new Date(toIso(c.window_start)), opts, random());
    const retryAt = plan?.kind === 'retry' ? plan.at.toISOString() : null;
    const state = delivered ? 'delivered' : plan?.kind === 'retry' ? 'pending' : 'dead';
    await db.tx(async (sql) => {
      const upd = await sql.query(
        `UPDATE webhook_deliveries SET state = $3, lease_until = NULL, lease_token = NULL, last_attempt_at = $4,
                last_status = $5, last_latency_ms = $6, last_error = $7, next_attempt_at = COALESCE($8, next_attempt_at),
                delivered_at = CASE WHEN $3 = 'delivered' THEN $4::timestamptz ELSE delivered_at END
          WHERE id = $1 AND lease_token = $2`,
        [c.id, c.lease_token, state, now.toISOString(), o.status, o.latencyMs, o.error, retryAt],
      );
      // The lease ran out and another process took the delivery over: its outcome counts.
      if (upd.rowCount !== 1) return;
      await sql.query(
        `INSERT INTO webhook_attempts (delivery_id, endpoint_id, event_id, attempt, at, status, latency_ms, error, retry_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [c.id, c.endpoint_id, c.event_id, c.attempts, now.toISOString(), o.status, o.latencyMs, o.error, retryAt],
      );
      await sql.query(
        `DELETE FROM webhook_attempts WHERE endpoint_id = $1 AND id <= (
           SELECT id FROM webhook_attempts WHERE endpoint_id = $1 ORDER BY id DESC OFFSET $2 LIMIT 1)`,
        [c.endpoint_id, ATTEMPTS_KEPT],
      );
    });
  };

  /** Claims one batch of due deliveries, sends them concurrently, records each; returns how many. */
  const runOnce = async (): Promise<number> => {
    const batch = await claim();
    await Promise.all(batch.map(async (c) => record(c, await send(c))));
    return batch.length;
  };

  /** Runs batches until stopped: at once while there is work, else on a NOTIFY of a new delivery or every pollMs. */
  const start = async (): Promise<{ stop(): Promise<void> }> => {
    let wake: (() => void) | null = null;
    let timer: NodeJS.Timeout | null = null;
    const unlisten = await db.listen('webhooks', () => wake?.());
    const loop = (async () => {
      while (!stopping) {
        let n = 0;
        try {
          n = await runOnce();
        } catch (e) {
          if (!stopping) deps.log?.error({ err: e }, 'webhook delivery round failed');
        }
        if (n > 0 || stopping) continue;
        await new Promise<void>((res) => {
          wake = res;
          timer = setTimeout(res, opts.pollMs);
        });
        if (timer) clearTimeout(timer);
        wake = null;
      }
    })();
    return {
      async stop() {
        stopping = true;
        for (const c of inflight) c.abort();
        (wake as (() => void) | null)?.();
        await loop;
        await unlisten().catch(() => undefined);
      },
    };
  };

  return { runOnce, start };
}
