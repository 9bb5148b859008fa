/** The shipment status feed from fulfilment (X-Api-Key = INGEST_API_KEY, like the order ingest). */
import { ShipmentBatchRequest, ShipmentEventInput, type ShipmentBatchResponse } from '../../shared/api/outcomes';
import type { RouteModule } from '../app-deps';
import { fromZod, HttpError } from '../http/errors';
import { badTextPath, parseClean } from '../orders/parse-clean';
import { ingestShipmentEvent } from './shipment-ingest';

/** One batch item: validated on its own, so a bad item refuses only itself. */
function itemOf(raw: unknown): ShipmentEventInput {
  const r = ShipmentEventInput.safeParse(raw);
  if (!r.success) throw fromZod(r.error, 'event');
  const bad = badTextPath(r.data);
  if (bad !== null) throw new HttpError(400, 'invalid_text', `${bad || 'event'}: недопустимые символы (NUL или одиночный суррогат UTF-16)`, bad || 'event');
  return r.data;
}

/**
 * POST /shipments — one status (shipped, delivered with the amount collected, returned, lost):
 * 201 {id, orderId, outcome: created}, 200 when the same event (shipmentId + status + occurredAt)
 * was taken before; 400 naming the field, 422 `unknown_order`, 409 `order_not_confirmed` or
 * `conflicting_event` — refusals say in Russian what was refused.
 * POST /shipments/batch {events: [...≤500]} → 200 {results}: per event, in order, `created`,
 * `duplicate` or `rejected` with the code and message the single form would answer.
 */
export const shipmentRoutes: RouteModule = (app, { db, now }) => {
  app.post('/shipments', { config: { access: 'apiKey' } }, async (req, reply) => {
    const e = parseClean(ShipmentEventInput, req.body, 'body');
    const r = await db.tx((sql) => ingestShipmentEvent(sql, e, now()));
    return reply.status(r.outcome === 'created' ? 201 : 200).send(r);
  });

  app.post('/shipments/batch', { config: { access: 'apiKey' } }, async (req): Promise<ShipmentBatchResponse> => {
    const { events } = parseClean(ShipmentBatchRequest, req.body, 'body');
    const results: ShipmentBatchResponse['results'] = [];
    for (const [index, raw] of events.entries()) {
      try {
        const e = itemOf(raw);
        const r = await db.tx((sql) => ingestShipmentEvent(sql, e, now()));
        results.push({ index, ...r });
      } catch (err) {
        if (!(err instanceof HttpError)) throw err;
        results.push({ index, outcome: 'rejected', code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) });
      }
    }
    return { results };
  });
};
