/** POST /orders — orders from landing pages, authenticated by X-Api-Key, idempotent by externalId. */
import { IngestOrderRequest } from '../../shared/api/http';
import { emptyAddress, type OrderLine } from '../../shared/domain/schemas';
import { formatRub } from '../../shared/domain/money';
import { resolveCustomerZone } from '../../shared/domain/customer-zone';
import type { RouteModule } from '../app-deps';
import { HttpError } from '../http/errors';
import { parseClean } from './parse-clean';
import { storablePhone } from './phone-storage';
import { blacklistVerdict } from '../outcomes/blacklist';
import { recordOrderEvent } from '../integrations/order-events';

/** An ingested order may claim to be created at most this far in the future (clock skew). */
const MAX_FUTURE_SKEW_MS = 10 * 60_000;

/**
 * The catalogue is the price authority: a landing page's own price is never stored on the line.
 * When it differs from the catalogue the order keeps a note of it for the operator and the lead
 * (the order is not refused: a customer's order is never lost over a price).
 */
function landingPriceNote(landingKop: number | undefined, catalogueKop: number): string {
  if (landingKop === undefined || landingKop === catalogueKop) return '';
  return `Цена на лендинге ${formatRub(landingKop)}, по каталогу ${formatRub(catalogueKop)}: в заказе цена каталога.`;
}

/**
 * POST /orders (X-Api-Key = INGEST_API_KEY): 201 {id} for a new order, 200 {id} when the
 * externalId is known (nothing duplicated). 503 when no key is configured, 401 for a wrong key,
 * 400 naming the field for bad input or an unknown/inactive offer. Phones: see phone-storage.ts.
 * The key is checked by the access hook (server/auth/access.ts). An order from a blacklisted phone
 * is stored held or Невалид (center setting `blacklistAction`) with an order event, never dropped.
 * Optional `region`, `city`, `timeZone` place the customer's zone (shared/domain/customer-zone.ts),
 * else the phone's area code does.
 */
export const ingestRoutes: RouteModule = (app, { db, now, bus, config }) => {
  app.post('/orders', { config: { access: 'apiKey' } }, async (req, reply) => {
    const body = parseClean(IngestOrderRequest, req.body, 'body');
    const at = now();
    const createdAt = body.createdAt ? new Date(body.createdAt) : at;
    if (createdAt.getTime() > at.getTime() + MAX_FUTURE_SKEW_MS) {
      throw new HttpError(400, 'invalid_input', 'createdAt: время создания заказа в будущем', 'createdAt');
    }
    const phone = storablePhone(body.phone);
    if (!phone) throw new HttpError(400, 'invalid_input', 'phone: это не номер телефона (нужны цифры, например +7 912 345-67-89)', 'phone');
    const known = await db.query<{ id: number }>('SELECT id FROM orders WHERE external_id = $1', [body.externalId]);
    if (known.rows[0]) return reply.status(200).send({ id: known.rows[0].id });
    const offer = await db.query<{ name: string; price_kop: number }>('SELECT name, price_kop FROM offers WHERE sku = $1 AND active', [body.offerSku]);
    const o = offer.rows[0];
    if (!o) throw new HttpError(400, 'unknown_offer', `offerSku: оффер «${body.offerSku}» не найден или выключен`, 'offerSku');
    const catalogueKop = Number(o.price_kop);
    const line: OrderLine = {
      offerSku: body.offerSku, name: o.name, quantity: body.quantity ?? 1,
      unitPriceKop: catalogueKop, discountPct: 0, main: true,
    };
    const blocked = await blacklistVerdict(db, config, phone.phone);
    const zone = resolveCustomerZone({ ingest: { region: body.region, city: body.city, timeZone: body.timeZone }, phoneE164: phone.phone });
    const comment = [landingPriceNote(body.priceKop, catalogueKop), blocked?.comment ?? ''].filter(Boolean).join('\n');
    const ins = await db.tx(async (sql) => {
      const r = await sql.query<{ id: number }>(
        `INSERT INTO orders (external_id, status, created_at, updated_at, offer_sku, customer_name, phone, phone_valid, phone_raw, address, lines, comment, customer_zone, zone_source)
         VALUES ($1, $12, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $13, $14)
         ON CONFLICT (external_id) DO NOTHING RETURNING id`,
        [body.externalId, createdAt.toISOString(), at.toISOString(), body.offerSku, body.customerName, phone.phone, phone.valid,
          phone.valid ? null : body.phone, JSON.stringify(emptyAddress()), JSON.stringify([line]), comment, blocked?.status ?? 'new',
          zone.zone, zone.source],
      );
      const id = r.rows[0]?.id;
      if (id !== undefined && blocked) await recordOrderEvent(sql, id, blocked.status, at);
      return r;
    });
    if (ins.rows[0]) {
      await bus.publish({ kind: 'activity', userId: null });
      return reply.status(201).send({ id: ins.rows[0].id });
    }
    const again = await db.query<{ id: number }>('SELECT id FROM orders WHERE external_id = $1', [body.externalId]);
    return reply.status(200).send({ id: again.rows[0]?.id });
  });
};
