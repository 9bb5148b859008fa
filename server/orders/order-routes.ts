/** Order routes: read one order, claim/renew, release, and the customer's history by phone. */
import { z } from 'zod';
import type { CustomerHistory } from '../../shared/api/http';
import { OrderId, type DeliveryOption, type OrderLine, type OrderStatus } from '../../shared/domain/schemas';
import { orderTotals } from '../../shared/domain/money';
import type { RouteModule } from '../app-deps';
import { requireUser } from '../auth/session';
import { HttpError } from '../http/errors';
import { parseClean } from './parse-clean';
import { claimOrder, releaseOrder } from '../queue/claim';
import { assertCanSee } from './access';
import { type OrderRow, ORDER_SELECT, ordersOfRows } from './order-repo';
import { storablePhone } from './phone-storage';

/** `:id` of an order route. */
export const IdParam = z.object({ id: z.coerce.number().pipe(OrderId) });
const PhoneParam = z.object({ phone: z.string().min(1).max(40) });

type HistoryRow = {
  id: number; created_at: Date; status: OrderStatus; offer_name: string | null; offer_sku: string; customer_name: string;
  lines: OrderLine[] | null; delivery: DeliveryOption | null; problem: string | null; comment: string; last_call_at: Date | null;
};

/**
 * GET /orders/:id — holder, lead of the assignee's team, admin → Order with its calls.
 * POST /orders/:id/claim — operator: take (or renew own lease) → {order}; 409/422 refusals.
 * POST /orders/:id/release — holder, lead, admin → {ok}.
 * GET /customers/by-phone/:phone — every role (inbound screen pop): the customer's orders.
 */
export const orderRoutes: RouteModule = (app, deps) => {
  const { db, now, bus } = deps;

  app.get('/orders/:id', async (req) => {
    const user = await requireUser(db, req);
    const { id } = parseClean(IdParam, req.params, 'params');
    const { rows } = await db.query<OrderRow>(`${ORDER_SELECT} WHERE o.id = $1`, [id]);
    const row = rows[0];
    if (!row) throw new HttpError(404, 'not_found', `Заказ ${id} не найден`, 'id');
    await assertCanSee(db, user, row, now());
    const [order] = await ordersOfRows(db, [row]);
    return { order };
  });

  app.post('/orders/:id/claim', async (req) => {
    const user = await requireUser(db, req, ['operator']);
    const { id } = parseClean(IdParam, req.params, 'params');
    const taken = await claimOrder(deps, user, id);
    await bus.publishAll([{ kind: 'poke', userIds: taken.poke }, { kind: 'activity', userId: user.id }]);
    return { order: taken.order };
  });

  app.post('/orders/:id/release', async (req) => {
    const user = await requireUser(db, req);
    const { id } = parseClean(IdParam, req.params, 'params');
    const poke = await releaseOrder(deps, user, id);
    if (poke.length) {
      await bus.publish({ kind: 'poke', userIds: poke });
      await bus.publish({ kind: 'activity', userId: user.id });
    }
    return { ok: true };
  });

  app.get('/customers/by-phone/:phone', async (req) => {
    await requireUser(db, req);
    const { phone } = parseClean(PhoneParam, req.params, 'params');
    const stored = storablePhone(phone);
    if (!stored) throw new HttpError(400, 'invalid_input', 'phone: номер телефона некорректен', 'phone');
    const { rows } = await db.query<HistoryRow>(
      `SELECT o.id, o.created_at, o.status, f.name AS offer_name, o.offer_sku, o.customer_name, o.lines, o.delivery, o.problem, o.comment,
              (SELECT max(c.started_at) FROM calls c WHERE c.order_id = o.id) AS last_call_at
         FROM orders o LEFT JOIN offers f ON f.sku = o.offer_sku
        WHERE o.phone = $1 OR o.extra_phone = $1 ORDER BY o.created_at DESC, o.id DESC LIMIT 200`,
      [stored.phone],
    );
    const res: CustomerHistory = {
      phone: stored.phone,
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
      })),
    };
    return res;
  });
};
