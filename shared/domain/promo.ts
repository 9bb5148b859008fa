/** Promo terms of the offers (docs/domain.md «The form», step 2): which discounts an order line may get. */
import type { Offer } from './schemas';

/**
 * The discounts (percent) allowed on a line: 0, plus the promo discounts of the line's offer and
 * of the order's main offer, ascending without repeats. Pass `mainOfferSku` null for the main
 * line itself: promo discounts are for secondary lines, so the main line gets only 0 unless its
 * own offer's terms set `mainLineDiscount` (then its own discounts apply). Unknown SKUs add
 * nothing. The UI offers exactly these and the pricing rule (pricing.ts) accepts exactly these.
 */
export function allowedDiscountsFor(lineOfferSku: string, mainOfferSku: string | null, offers: readonly Offer[]): number[] {
  const terms = (sku: string) => offers.find((o) => o.sku === sku)?.promo;
  const own = terms(lineOfferSku);
  const fromOwn = mainOfferSku === null && !own?.mainLineDiscount ? [] : own?.allowedDiscountsPct ?? [];
  const fromMain = mainOfferSku === null ? [] : terms(mainOfferSku)?.allowedDiscountsPct ?? [];
  return [...new Set([0, ...fromOwn, ...fromMain])].sort((a, b) => a - b);
}
