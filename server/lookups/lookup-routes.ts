/** Directory and helper routes of the order form: reasons, offers, scripts, delivery, addresses. */
import { z } from 'zod';
import { AddressSuggestQuery, Script as ScriptSchema, type Script } from '../../shared/api/http';
import { OrderId, Sku, type Address, type Offer, type OrderLine, type Reason } from '../../shared/domain/schemas';
import { proposeDeliveryOptions } from '../../shared/domain/delivery';
import { orderTotals } from '../../shared/domain/money';
import type { RouteModule } from '../app-deps';
import { allow, ANY_ROLE, userOf } from '../auth/access';
import type { Sql } from '../db/db';
import { HttpError } from '../http/errors';
import { assertCanSee } from '../orders/access';
import { parseClean } from '../orders/parse-clean';
import { type AddressProvider, DadataAddressProvider, LocalAddressProvider } from './address-provider';
import { type DeliveryProvider, TariffTableProvider, quotedOptions } from './delivery-provider';

const SkuParam = z.object({ offerSku: Sku });
/** GET delivery/options: the order, optionally the address being edited (not saved yet). */
const DeliveryQuery = z.object({
  orderId: z.coerce.number().pipe(OrderId),
  region: z.string().max(200).optional(),
  city: z.string().max(200).optional(),
  postalCode: z.string().regex(/^\d{6}$/).optional(),
});

const local = new LocalAddressProvider();

/** The address provider: DaData when a key is configured (env DADATA_API_KEY or setting `dadataApiKey`), else local. */
export async function addressProvider(sql: Sql): Promise<AddressProvider> {
  const { rows } = await sql.query<{ value: unknown }>("SELECT value FROM center_settings WHERE key = 'dadataApiKey'");
  const key = typeof rows[0]?.value === 'string' ? rows[0].value : process.env.DADATA_API_KEY;
  return key ? new DadataAddressProvider(key) : local;
}

/** The delivery provider of the center (the tariff table; carriers' APIs plug in here). */
export function deliveryProvider(sql: Sql): DeliveryProvider {
  return new TariffTableProvider(sql);
}

/**
 * GET /reasons, GET /offers, GET /scripts/:offerSku, GET /address/suggest — every role.
 * GET /delivery/options?orderId[&region&city&postalCode] — holder, lead, admin: the options the
 * operator offers (courier-only rule of proposeDeliveryOptions).
 */
export const lookupRoutes: RouteModule = (app, { db, now }) => {
  app.get('/reasons', allow(ANY_ROLE, 'all'), async () => {
    const { rows } = await db.query<{ code: string; grp: Reason['group']; label: string; active: boolean }>('SELECT code, grp, label, active FROM reasons ORDER BY sort, code');
    return { reasons: rows.map((r) => ({ code: r.code, group: r.grp, label: r.label, active: r.active })) };
  });

  app.get('/offers', allow(ANY_ROLE, 'all'), async () => {
    const { rows } = await db.query<{ sku: string; name: string; price_kop: number; promo: Offer['promo']; active: boolean }>('SELECT * FROM offers ORDER BY name, sku');
    return { offers: rows.map((r) => ({ sku: r.sku, name: r.name, priceKop: Number(r.price_kop), promo: r.promo, active: r.active })) };
  });

  app.get('/scripts/:offerSku', allow(ANY_ROLE, 'all'), async (req) => {
    const { offerSku } = parseClean(SkuParam, req.params, 'params');
    const { rows } = await db.query<{ sections: Script['sections']; objections: Script['objections'] }>('SELECT sections, objections FROM scripts WHERE offer_sku = $1', [offerSku]);
    const r = rows[0];
    if (!r) throw new HttpError(404, 'not_found', `Скрипт для оффера «${offerSku}» не найден`, 'offerSku');
    return ScriptSchema.parse({ offerSku, sections: r.sections, objections: r.objections });
  });

  app.get('/delivery/options', allow(ANY_ROLE, 'own'), async (req) => {
    const user = userOf(req);
    const q = parseClean(DeliveryQuery, req.query, 'query');
    const { rows } = await db.query<{ assignee_id: number | null; lease_until: Date | null; address: Address; lines: OrderLine[] }>(
      'SELECT assignee_id, lease_until, address, lines FROM orders WHERE id = $1', [q.orderId]);
    const row = rows[0];
    if (!row) throw new HttpError(404, 'not_found', `Заказ ${q.orderId} не найден`, 'orderId');
    await assertCanSee(db, user, row, now());
    const region = q.region ?? row.address.region;
    const city = q.city ?? row.address.city;
    if (region.trim() === '' && city.trim() === '') {
      throw new HttpError(400, 'address_required', 'city: выберите город, чтобы найти варианты доставки', 'city');
    }
    const quoted = await quotedOptions(deliveryProvider(db), {
      region, city, postalCode: q.postalCode ?? row.address.postalCode, goodsKop: orderTotals(row.lines ?? [], null).totalKop,
    });
    return { options: proposeDeliveryOptions(quoted) };
  });

  app.get('/address/suggest', allow(ANY_ROLE, 'all'), async (req) => {
    const q = parseClean(AddressSuggestQuery, req.query, 'query');
    const provider = await addressProvider(db);
    try {
      return { suggestions: await provider.suggest({ q: q.q, level: q.level, parent: q.parent }) };
    } catch (e) {
      if (provider === local) throw e;
      req.log.warn({ err: e }, 'address provider failed; answering from the local list');
      return { suggestions: await local.suggest({ q: q.q, level: q.level, parent: q.parent }) };
    }
  });
};
