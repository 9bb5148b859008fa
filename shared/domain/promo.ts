/** Promo terms of the offers (manual slide 6): which discounts an order line may get. */
import type { Offer } from './schemas';

/**
 * The discounts (percent) allowed on a line: 0, plus the promo discounts of the line's offer and
 * of the order's main offer, ascending without repeats. Pass `mainOfferSku` null for the main
 * line itself (only its own terms apply) or when the main offer is unknown; unknown SKUs add
 * nothing. The UI offers exactly these and validateResult accepts exactly these.
 */
export function allowedDiscountsFor(lineOfferSku: string, mainOfferSku: string | null, offers: readonly Offer[]): number[] {
  const promo = (sku: string | null) => (sku === null ? [] : offers.find((o) => o.sku === sku)?.promo.allowedDiscountsPct ?? []);
  return [...new Set([0, ...promo(lineOfferSku), ...promo(mainOfferSku)])].sort((a, b) => a - b);
}
