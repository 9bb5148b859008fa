/**
 * Delivery quotes behind one interface shaped like the carriers' calculators (CDEK `tariff_code,
 * delivery_mode, delivery_sum, period_min, period_max`; Pochta `total-rate, delivery-time`), and
 * the local provider that answers from the `delivery_tariffs` table.
 */
import type { DeliveryOption } from '../../shared/domain/schemas';
import type { Sql } from '../db/db';

/** Where the parcel goes. */
export type QuoteRequest = { region: string; city: string; postalCode: string | null; goodsKop: number };

/** One carrier quote, as the CDEK/Pochta calculators return them (money in kopecks). */
export type DeliveryQuote = {
  carrier: string;
  tariffCode: string;
  tariffName: string;
  /** door = courier to the door, pvz = pickup point, post = post office. */
  deliveryMode: 'door' | 'pvz' | 'post';
  deliverySumKop: number;
  periodMin: number;
  periodMax: number;
};

/** Anything that quotes delivery for an address. */
export interface DeliveryProvider {
  readonly name: string;
  quote(req: QuoteRequest): Promise<DeliveryQuote[]>;
}

const METHOD_OF_MODE = { door: 'courier', pvz: 'pickup', post: 'post' } as const;
const MODE_OF_METHOD = { courier: 'door', pickup: 'pvz', post: 'post' } as const;

/** A quote as the order form's DeliveryOption. */
function optionOfQuote(q: DeliveryQuote): DeliveryOption {
  return {
    id: `${q.carrier}:${q.tariffCode}`.slice(0, 100),
    method: METHOD_OF_MODE[q.deliveryMode],
    carrier: q.carrier,
    priceKop: q.deliverySumKop,
    daysMin: q.periodMin,
    daysMax: q.periodMax,
  };
}

type TariffRow = { id: number; region: string; method: DeliveryOption['method']; carrier: string; price_kop: number; days_min: number; days_max: number };

/**
 * Tariff-table provider: rows for the city, then for the region, then the default `*`; a more
 * specific row replaces a less specific one of the same method and carrier.
 */
export class TariffTableProvider implements DeliveryProvider {
  readonly name = 'tariffs';

  constructor(private readonly sql: Sql) {}

  async quote(req: QuoteRequest): Promise<DeliveryQuote[]> {
    const { rows } = await this.sql.query<TariffRow>(
      "SELECT * FROM delivery_tariffs WHERE region IN ('*', $1, $2) ORDER BY id",
      [req.region, req.city],
    );
    const rank = (r: TariffRow) => (r.region === req.city && req.city !== '' ? 2 : r.region === req.region && req.region !== '' ? 1 : 0);
    const best = new Map<string, TariffRow>();
    for (const r of rows) {
      const key = `${r.method}|${r.carrier}`;
      const cur = best.get(key);
      if (!cur || rank(r) > rank(cur)) best.set(key, r);
    }
    return [...best.values()].map((r) => ({
      carrier: r.carrier,
      tariffCode: `${MODE_OF_METHOD[r.method]}-${r.id}`,
      tariffName: `${r.carrier}: ${r.method === 'courier' ? 'курьер до двери' : r.method === 'pickup' ? 'пункт выдачи' : 'почтовое отделение'}`,
      deliveryMode: MODE_OF_METHOD[r.method],
      deliverySumKop: Number(r.price_kop),
      periodMin: r.days_min,
      periodMax: r.days_max,
    }));
  }
}

/**
 * The carriers' options for an address as order-form DeliveryOptions, before the courier-only
 * rule (shared/domain/delivery.ts applies it): what a confirm's delivery is checked against.
 */
export async function quotedOptions(provider: DeliveryProvider, req: QuoteRequest): Promise<DeliveryOption[]> {
  return (await provider.quote(req)).map(optionOfQuote);
}
