/**
 * Admin routes of the outgoing webhooks (admin role): endpoints (create, edit, pause / resume,
 * delete), their recent deliveries and attempts, replay of one or all dead letters.
 * Deliveries themselves are made by the worker (webhook-worker.ts).
 */
import { IdParams, OkResponse } from '../../shared/api/lead';
import {
  CreateWebhookRequest, ReplayResponse, UpdateWebhookRequest, WebhookDeliveriesQuery,
  type WebhookDeliveriesResponse, type WebhookEndpoint, type WebhooksResponse,
} from '../../shared/api/webhooks';
import type { OrderEventKind } from '../../shared/api/integrations';
import type { RouteModule } from '../app-deps';
import { ADMIN_ROLES, allow } from '../auth/access';
import type { Sql } from '../db/db';
import { HttpError, parseOr400 } from '../http/errors';
import { toIso, toIsoOrNull } from '../live/time';
import { parseClean } from '../orders/parse-clean';

type EndpointRow = { id: number; url: string; secret: string; kinds: OrderEventKind[]; paused: boolean; pending: number; delivered: number; dead: number };

const ENDPOINTS = `
SELECT e.id, e.url, e.secret, e.kinds, e.paused,
       (SELECT count(*)::int FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.state = 'pending') AS pending,
       (SELECT count(*)::int FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.state = 'delivered') AS delivered,
       (SELECT count(*)::int FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.state = 'dead') AS dead
  FROM webhook_endpoints e`;

function endpointOf(r: EndpointRow): WebhookEndpoint {
  return {
    id: r.id, url: r.url, kinds: r.kinds, paused: r.paused, secretHint: `…${r.secret.slice(-4)}`,
    pending: r.pending, delivered: r.delivered, dead: r.dead,
  };
}

async function endpointById(sql: Sql, id: number): Promise<WebhookEndpoint> {
  const { rows } = await sql.query<EndpointRow>(`${ENDPOINTS} WHERE e.id = $1`, [id]);
  const row = rows[0];
  if (!row) throw new HttpError(404, 'not_found', `Вебхук ${id} не найден`, 'id');
  return endpointOf(row);
}

/** Admin routes under /admin/webhooks (see the module comment). */
export const webhookRoutes: RouteModule = (app, { db, now }) => {
  const admin = allow(ADMIN_ROLES, 'all');

  /** GET admin/webhooks — every endpoint with its pending / delivered / dead counts. */
  app.get('/admin/webhooks', admin, async (): Promise<WebhooksResponse> => {
    const { rows } = await db.query<EndpointRow>(`${ENDPOINTS} ORDER BY e.id`);
    return { endpoints: rows.map(endpointOf) };
  });

  /** POST admin/webhooks {url, secret, kinds, paused} — events from now on go to it. */
  app.post('/admin/webhooks', admin, async (req, reply) => {
    const body = parseClean(CreateWebhookRequest, req.body, 'body');
    const { rows } = await db.query<{ id: number }>(
      'INSERT INTO webhook_endpoints (url, secret, kinds, paused, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id',
      [body.url, body.secret, body.kinds, body.paused, now().toISOString()],
    );
    return reply.status(201).send(await endpointById(db, rows[0]?.id ?? 0));
  });

  /** PATCH admin/webhooks/:id {url?, secret?, kinds?, paused?} — edit, pause or resume. */
  app.patch('/admin/webhooks/:id', admin, async (req) => {
    const { id } = parseOr400(IdParams, req.params, 'params');
    const p = parseClean(UpdateWebhookRequest, req.body, 'body');
    const { rowCount } = await db.query(
      `UPDATE webhook_endpoints SET url = COALESCE($2, url), secret = COALESCE($3, secret), kinds = COALESCE($4, kinds),
              paused = COALESCE($5, paused), updated_at = $6 WHERE id = $1`,
      [id, p.url ?? null, p.secret ?? null, p.kinds ?? null, p.paused ?? null, now().toISOString()],
    );
    if (rowCount !== 1) throw new HttpError(404, 'not_found', `Вебхук ${id} не найден`, 'id');
    if (p.paused === false) await db.notify('webhooks', '');
    return endpointById(db, id);
  });

  /** DELETE admin/webhooks/:id — the endpoint with its queue and log. */
  app.delete('/admin/webhooks/:id', admin, async (req) => {
    const { id } = parseOr400(IdParams, req.params, 'params');
    const { rowCount } = await db.query('DELETE FROM webhook_endpoints WHERE id = $1', [id]);
    if (rowCount !== 1) throw new HttpError(404, 'not_found', `Вебхук ${id} не найден`, 'id');
    return OkResponse.parse({ ok: true });
  });

  /** GET admin/webhooks/:id/deliveries?state&limit — recent deliveries (newest first) and attempts. */
  app.get('/admin/webhooks/:id/deliveries', admin, async (req): Promise<WebhookDeliveriesResponse> => {
    const { id } = parseOr400(IdParams, req.params, 'params');
    const q = parseOr400(WebhookDeliveriesQuery, req.query, 'query');
    await endpointById(db, id);
    const d = await db.query<Record<string, unknown>>(
      `SELECT d.id, d.event_id, d.order_id, ev.kind, d.state, d.attempts, d.next_attempt_at, d.last_attempt_at,
              d.last_status, d.last_latency_ms, d.last_error, d.delivered_at
         FROM webhook_deliveries d JOIN order_events ev ON ev.id = d.event_id
        WHERE d.endpoint_id = $1 AND ($2::text IS NULL OR d.state = $2::text) ORDER BY d.id DESC LIMIT $3`,
      [id, q.state ?? null, q.limit],
    );
    const a = await db.query<Record<string, unknown>>(
      `SELECT id, delivery_id, event_id, attempt, at, status, latency_ms, error, retry_at FROM webhook_attempts
        WHERE endpoint_id = $1 ORDER BY id DESC LIMIT $2`,
      [id, q.limit],
    );
    return {
      deliveries: d.rows.map((r) => ({
        id: Number(r.id), eventId: Number(r.event_id), orderId: Number(r.order_id), kind: r.kind as OrderEventKind,
        state: r.state as 'pending' | 'delivered' | 'dead', attempts: Number(r.attempts),
        nextAttemptAt: r.state === 'pending' ? toIsoOrNull(r.next_attempt_at) : null, lastAttemptAt: toIsoOrNull(r.last_attempt_at),
        lastStatus: r.last_status === null ? null : Number(r.last_status), lastLatencyMs: r.last_latency_ms === null ? null : Number(r.last_latency_ms),
        lastError: (r.last_error as string | null) ?? null, deliveredAt: toIsoOrNull(r.delivered_at),
      })),
      attempts: a.rows.map((r) => ({
        id: Number(r.id), deliveryId: Number(r.delivery_id), eventId: Number(r.event_id), attempt: Number(r.attempt), at: toIso(r.at),
        status: r.status === null ? null : Number(r.status), latencyMs: Number(r.latency_ms), error: (r.error as string | null) ?? null,
        retryAt: toIsoOrNull(r.retry_at),
      })),
    };
  });

  const replay = async (where: string, params: unknown[]): Promise<number> => {
    const at = now().toISOString();
    const { rowCount } = await db.query(
      `UPDATE webhook_deliveries SET state = 'pending', window_start = $${params.length + 1}, next_attempt_at = $${params.length + 1},
              lease_until = NULL, lease_token = NULL WHERE state = 'dead' AND ${where}`,
      [...params, at],
    );
    if (rowCount > 0) await db.notify('webhooks', '');
    return rowCount;
  };

  /** POST admin/webhooks/:id/replay-dead — every dead letter of the endpoint back to the queue (a new 24 h window). */
  app.post('/admin/webhooks/:id/replay-dead', admin, async (req) => {
    const { id } = parseOr400(IdParams, req.params, 'params');
    await endpointById(db, id);
    return ReplayResponse.parse({ replayed: await replay('endpoint_id = $1', [id]) });
  });

  /** POST admin/webhooks/deliveries/:id/replay — one dead letter back to the queue; 409 when it is not dead. */
  app.post('/admin/webhooks/deliveries/:id/replay', admin, async (req) => {
    const { id } = parseOr400(IdParams, req.params, 'params');
    const replayed = await replay('id = $1', [id]);
    if (replayed === 0) {
      const { rows } = await db.query<{ state: string }>('SELECT state FROM webhook_deliveries WHERE id = $1', [id]);
      if (!rows[0]) throw new HttpError(404, 'not_found', `Доставка ${id} не найдена`, 'id');
      throw new HttpError(409, 'not_dead', `Доставка ${id} не в «мёртвых письмах»: повторить можно только недоставленную`, 'id');
    }
    return ReplayResponse.parse({ replayed });
  });
};
