/** Order routes: read one order, claim/renew, release, and the customer's history by phone. */
import { z } from 'zod';
import type { CustomerHistory } from '../../shared/api/http';
import { OrderId, type DeliveryOption, type OrderLine, type OrderStatus } from '../../shared/domain/schemas';
import { orderTotals } from '../../shared/domain/money';
import type { RouteModule } from '../app-deps';
import { allow, ANY_ROLE, OPERATOR_ROLES, userOf } from '../auth/access';
import { HttpError } from '../http/errors';
import { parseClean } from './parse-clean';
import { claimOrder, releaseOrder } from '../queue/claim';
import { assertCanLookUpPhone, assertCanSee } from './access';
import { type OrderRow, ORDER_SELECT, ordersOfRows } from './order-repo';
import { storablePhone } from './phone-storage';
import { customerMarks } from '../outcomes/customer-marks';
import { orderHistory } from './order-history';
import type { OrderHistory } from '../../shared/api/order-history';

/** `:id` of an order route. */
export const IdParam = z.object({ id: z.coerce.number().pipe(OrderId) });
const PhoneParam = z.object({ phone: z.string().min(1).max(40) });

type HistoryRow = {
  id: number; created_at: Date; status: OrderStatus; offer_name: string | null; offer_sku: string; customer_name: string;
  lines: OrderLine[] | null; delivery: DeliveryOption | null; problem: string | null; comment: string; last_call_at: Date | null;
};

/**
 * GET /orders/:id — holder, lead of the assignee's team, admin → Order with its calls.
 * GET /orders/:id/history — the same people → the order's results, comments, calls, status
 * changes and delivery outcomes in time order (OrderHistory).
 * POST /orders/:id/claim — operator: take (or renew own lease) → {order}; 409/422 refusals.
 * POST /orders/:id/release — holder, lead, admin → {ok}.
 * GET /customers/by-phone/:phone — the customer's orders (inbound screen pop): leads, admins, an
 * operator holding an order with that phone or with an inbound call from it ringing; with each
 * order's delivery outcome and the customer's «не выкупает» / blacklist marks.
 * Roles are declared on each route (server/auth/access.ts); handlers narrow to the scope.
 */
export const orderRoutes: RouteModule = (app, deps) => {
  const { db, now, bus } = deps;

  app.get('/orders/:id', allow(ANY_ROLE, 'own'), async (req) => {
    const user = userOf(req);
    const { id } = parseClean(IdParam, req.params, 'params');
    const { rows } = await db.query<OrderRow>(`${ORDER_SELECT} WHERE o.id = $1`, [id]);
    const row = rows[0];
    if (!row) throw new HttpError(404, 'not_found', `Заказ ${id} не найден`, 'id');
    await assertCanSee(db, user, row, now());
    const [order] = await ordersOfRows(db, [row]);
    return { order };
  });

  app.get('/orders/:id/history', allow(ANY_ROLE, 'own'), async (req) => {
    const { id } = parseClean(IdParam, req.params, 'params');
    const { rows } = await db.query<OrderRow>(`${ORDER_SELECT} WHERE o.id = $1`, [id]);
    const row = rows[0];
    if (!row) throw new HttpError(404, 'not_found', `Заказ ${id} не найден`, 'id');
    await assertCanSee(db, userOf(req), row, now());
    const res: OrderHistory = { orderId: id, entries: await orderHistory(db, id, [row.phone, row.extra_phone].filter((p): p is string => p !== null)) };
    return res;
  });

  app.post('/orders/:id/claim', allow(OPERATOR_ROLES, 'own'), async (req) => {
    const user = userOf(req);
    const { id } = parseClean(IdParam, req.params, 'params');
    const taken = await claimOrder(deps, user, id);
    await bus.publishAll([{ kind: 'poke', userIds: taken.poke }, { kind: 'activity', userId: user.id }]);
    return { order: taken.order };
  });

  app.post('/orders/:id/release', allow(ANY_ROLE, 'own'), async (req) => {
    const user = userOf(req);
    const { id } = parseClean(IdParam, req.params, 'params');
    const poke = await releaseOrder(deps, user, id);
    if (poke.length) {
      await bus.publish({ kind: 'poke', userIds: poke });
      await bus.publish({ kind: 'activity', userId: user.id });
    }
    return { ok: true };
  });

  app.get('/customers/by-phone/:phone', allow(ANY_ROLE, 'own'), async (req) => {
    const { phone } = parseClean(PhoneParam, req.params, 'params');
    const stored = storablePhone(phone);
    if (!stored) throw new HttpError(400, 'invalid_input', 'phone: номер телефона некорректен', 'phone');
    await assertCanLookUpPhone(db, userOf(req), stored.phone, now);
    const { rows } = await db.query<HistoryRow>(
      `SELECT o.id, o.created_at, o.status, f.name AS offer_name, o.offer_sku, o.customer_name, o.lines, o.delivery, o.problem, o.comment,
              (SELECT max(c.started_at) FROM calls c WHERE c.order_id = o.id) AS last_call_at
         FROM orders o LEFT JOIN offers f ON f.sku = o.offer_sku
        WHERE o.phone = $1 OR o.extra_phone = $1 ORDER BY o.created_at DESC, o.id DESC LIMIT 200`,
      [stored.phone],
    );
    const marks = await customerMarks(db, deps.config, stored.phone, rows.map((r) => r.id));
    const res: CustomerHistory = {
      phone: stored.phone,
      buyer: marks.buyer,
      orders: rows.map((r) => ({
        id: r.id,
        createdAt: r.created_at.toISOString(),
        status: r.status,
        offerName: r.offer_name ?? r.offer_sku,
        customerName: r.customer_name,
        totalKop: orderTotals(r.lines ?? [], r.delivery).totalKop,
        problem: r.problem,
        comment: r.comment,
        lastCallAt: r.last_call_at ? r.last_call_at.toISOString() : null,
        shipmentStatus: marks.statusOf.get(r.id),
      })),
    };
    return res;
  });
};
