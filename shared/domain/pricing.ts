/**
 * Prices of a save checked against the catalogue (docs/domain.md, "Results": the server decides the money): every line
 * must carry its offer's catalogue price and only a discount the promo terms allow (none on the
 * main line unless its offer's terms say `mainLineDiscount`). A line priced from a stale client
 * cache is refused with a message naming it, never silently repriced, so the operator sees the
 * new price before the customer confirms.
 */
import { formatRub } from './money';
import { allowedDiscountsFor } from './promo';
import type { RuleViolation } from './results';
import type { Offer, OrderLine } from './schemas';

type PricedLine = Pick<OrderLine, 'offerSku' | 'name' | 'unitPriceKop' | 'discountPct' | 'main'>;

const lineLabel = (line: PricedLine, i: number) => `Строка ${i + 1} «${line.name}»`;

/**
 * Every pricing rule the lines break against `offers` (empty = priced as the catalogue says):
 * unknown offer (`offerUnknown`), unit price other than the catalogue price (`priceMismatch`),
 * a discount the promo terms do not allow (`discountNotAllowed`; on the main line any discount
 * unless the offer's terms set `mainLineDiscount`).
 */
export function pricingViolations(lines: readonly PricedLine[], offers: readonly Offer[]): RuleViolation[] {
  const mainSku = lines.find((l) => l.main)?.offerSku ?? null;
  const out: RuleViolation[] = [];
  lines.forEach((line, i) => {
    const offer = offers.find((o) => o.sku === line.offerSku);
    if (!offer) {
      out.push({ code: 'offerUnknown', field: `lines.${i}.offerSku`, message: `${lineLabel(line, i)}: товар не найден среди офферов — обновите заказ.` });
      return;
    }
    if (line.unitPriceKop !== offer.priceKop) {
      out.push({
        code: 'priceMismatch', field: `lines.${i}.unitPriceKop`,
        message: `${lineLabel(line, i)}: цена ${formatRub(line.unitPriceKop)} не совпадает с каталогом ${formatRub(offer.priceKop)} — обновите заказ.`,
      });
    }
    if (!allowedDiscountsFor(line.offerSku, line.main ? null : mainSku, offers).includes(line.discountPct)) {
      out.push({
        code: 'discountNotAllowed', field: `lines.${i}.discountPct`,
        message: line.main
          ? `${lineLabel(line, i)}: скидка ${line.discountPct} % на основной товар не предусмотрена условиями акции.`
          : `${lineLabel(line, i)}: скидка ${line.discountPct} % не предусмотрена условиями акции.`,
      });
    }
  });
  return out;
}

/** The lines with each known offer's catalogue price (unknown offers kept as they are). */
export function catalogueLines<L extends PricedLine>(lines: readonly L[], offers: readonly Offer[]): L[] {
  return lines.map((l) => {
    const offer = offers.find((o) => o.sku === l.offerSku);
    return offer ? { ...l, unitPriceKop: offer.priceKop } : { ...l };
  });
}
