/** The integrations changes feed: order status events for outside systems (fulfilment). */
import { ChangesQuery, OrderEventPayload, type ChangesResponse, type OrderEventKind } from '../../shared/api/integrations';
import type { OrderStatus } from '../../shared/domain/schemas';
import type { RouteModule } from '../app-deps';
import { parseClean } from '../orders/parse-clean';
import { type ChangeSource, advance, inWindow, openWindow, parseCursor, settleHorizon, windowParams } from '../sync/cursor';

/** Every event, keyed by its order (the order's events stay in version order). */
const EVENTS: ChangeSource = { sql: 'SELECT e.order_id AS key, e.change_xid AS xid, e.version FROM order_events e', params: [] };

type EventRow = { id: number; order_id: number; kind: OrderEventKind; status: OrderStatus; payload: unknown; version: number };

/**
 * GET /integrations/changes?cursor&limit (X-Api-Key = INTEGRATION_API_KEY; 503 while unset, 401
 * for a wrong key) → {events, cursor, more}: the events after the cursor, each delivered exactly
 * once across pulls, an order's events in the order they happened. `cursor` starts at `0`.
 */
export const changesRoutes: RouteModule = (app, { db }) => {
  app.get('/integrations/changes', { config: { access: 'integrationKey' } }, async (req): Promise<ChangesResponse> => {
    const q = parseClean(ChangesQuery, req.query, 'query');
    const cursor = parseCursor(q.cursor, 'cursor');
    await settleHorizon(db);
    return db.tx(async (sql) => {
      const w = await openWindow(sql, cursor, EVENTS, 'cursor');
      const { rows } = await sql.query<EventRow>(
        `SELECT e.id, e.order_id, e.kind, e.status, e.payload, e.version FROM order_events e
          WHERE ${inWindow('e', 1)} ORDER BY e.version LIMIT $4`,
        [...windowParams(w), q.limit + 1],
      );
      const page = rows.slice(0, q.limit);
      const events = page.map((r) => ({
        id: Number(r.id), orderId: r.order_id, kind: r.kind, status: r.status, payload: OrderEventPayload.parse(r.payload),
      }));
      const last = page[page.length - 1];
      return { events, ...advance(w, last ? Number(last.version) : null, rows.length > q.limit) };
    }, { isolation: 'repeatable read' });
  });
};
