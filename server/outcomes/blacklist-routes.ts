/** The admin's blacklist of phones and the lead's list of orders held because of it. */
import {
  AddBlacklistRequest, DecideHeldRequest, type BlacklistEntry, type HeldOrder,
} from '../../shared/api/outcomes';
import { IdParams } from '../../shared/api/lead';
import type { RouteModule } from '../app-deps';
import { ADMIN_ROLES, allow, LEAD_ROLES, userOf } from '../auth/access';
import { HttpError } from '../http/errors';
import { recordOrderEvent } from '../integrations/order-events';
import { parseClean } from '../orders/parse-clean';
import { storablePhone } from '../orders/phone-storage';
import { toIso } from '../live/time';

type EntryRow = { id: number; phone: string; reason: string; author_name: string | null; created_at: unknown };
const ENTRY_SELECT = 'SELECT b.id, b.phone, b.reason, u.name AS author_name, b.created_at FROM blacklist b LEFT JOIN users u ON u.id = b.author_id';
const entryOf = (r: EntryRow): BlacklistEntry => ({ id: r.id, phone: r.phone, reason: r.reason, authorName: r.author_name, createdAt: toIso(r.created_at) });

/**
 * GET admin/blacklist → {entries} (newest first); POST admin/blacklist {phone, reason} → 201
 * entry (the phone normalised to E.164; 409 when already listed); DELETE admin/blacklist/:id →
 * {ok}. Admins only. Listing a phone does not touch orders already taken in; it decides what
 * the next ingested order from it becomes (center setting `blacklistAction`).
 * GET held-orders → {orders}: orders held because their phone is blacklisted (leads and admins).
 * POST held-orders/:id/decide {action: queue|invalid} → {ok}: back to the common pool as Новый
 * (event `returned_to_pool`) or closed as Невалид, its comment keeping the blacklist reason (event `invalid`).
 */
export const blacklistRoutes: RouteModule = (app, { db, now, bus }) => {
  app.get('/admin/blacklist', allow(ADMIN_ROLES, 'all'), async () => {
    const { rows } = await db.query<EntryRow>(`${ENTRY_SELECT} ORDER BY b.created_at DESC, b.id DESC`);
    return { entries: rows.map(entryOf) };
  });

  app.post('/admin/blacklist', allow(ADMIN_ROLES, 'all'), async (req, reply) => {
    const b = parseClean(AddBlacklistRequest, req.body, 'body');
    const phone = storablePhone(b.phone);
    if (!phone || !phone.valid) throw new HttpError(400, 'invalid_input', 'phone: это не номер телефона (например +7 912 345-67-89)', 'phone');
    const ins = await db.query<{ id: number }>(
      'INSERT INTO blacklist (phone, reason, author_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (phone) DO NOTHING RETURNING id',
      [phone.phone, b.reason, userOf(req).id, now().toISOString()],
    );
    const id = ins.rows[0]?.id;
    if (id === undefined) throw new HttpError(409, 'already_listed', `Номер ${phone.phone} уже в чёрном списке`, 'phone');
    const { rows } = await db.query<EntryRow>(`${ENTRY_SELECT} WHERE b.id = $1`, [id]);
    return reply.status(201).send(entryOf(rows[0] as EntryRow));
  });

  app.delete('/admin/blacklist/:id', allow(ADMIN_ROLES, 'all'), async (req) => {
    const { id } = parseClean(IdParams, req.params, 'params');
    const del = await db.query('DELETE FROM blacklist WHERE id = $1', [id]);
    if (del.rowCount === 0) throw new HttpError(404, 'not_found', `Запись ${id} чёрного списка не найдена`);
    return { ok: true };
  });

  app.get('/held-orders', allow(LEAD_ROLES, 'all'), async () => {
    const { rows } = await db.query<{ id: number; created_at: unknown; phone: string; customer_name: string; offer_name: string | null; offer_sku: string; comment: string }>(
      `SELECT o.id, o.created_at, o.phone, o.customer_name, f.name AS offer_name, o.offer_sku, o.comment
         FROM orders o LEFT JOIN offers f ON f.sku = o.offer_sku WHERE o.status = 'held' ORDER BY o.created_at, o.id LIMIT 1000`,
    );
    const orders: HeldOrder[] = rows.map((r) => ({
      id: r.id, createdAt: toIso(r.created_at), phone: r.phone, customerName: r.customer_name, offerName: r.offer_name ?? r.offer_sku, comment: r.comment,
    }));
    return { orders };
  });

  app.post('/held-orders/:id/decide', allow(LEAD_ROLES, 'all'), async (req) => {
    const { id } = parseClean(IdParams, req.params, 'params');
    const { action } = parseClean(DecideHeldRequest, req.body, 'body');
    const at = now();
    await db.tx(async (sql) => {
      const { rows } = await sql.query<{ status: string }>('SELECT status FROM orders WHERE id = $1 FOR UPDATE', [id]);
      const o = rows[0];
      if (!o) throw new HttpError(404, 'not_found', `Заказ ${id} не найден`);
      if (o.status !== 'held') throw new HttpError(409, 'not_held', `Заказ №${id} не задержан (статус ${o.status}) — решение не принято`);
      if (action === 'queue') {
        await sql.query("UPDATE orders SET status = 'new', updated_at = $2, version = nextval('change_version') WHERE id = $1", [id, at.toISOString()]);
        await recordOrderEvent(sql, id, 'returned_to_pool', at);
        return;
      }
      await sql.query("UPDATE orders SET status = 'invalid', updated_at = $2, version = nextval('change_version') WHERE id = $1", [id, at.toISOString()]);
      await recordOrderEvent(sql, id, 'invalid', at);
    });
    await bus.publish({ kind: 'activity', userId: null });
    return { ok: true };
  });
};
