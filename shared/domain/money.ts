/**
 * Money of an order. Everything is integer kopecks.
 *
 * Display rule (one for the whole app): an amount someone pays or is charged — a price, a line, a
 * delivery, an order total — is shown exactly, with kopecks only when non-zero (`formatRub`);
 * a statistic over many orders — an average check, revenue in a report — is shown in whole
 * roubles, half up (`formatRubWhole`), so a report column never mixes `3 253,70 ₽` with `2 550 ₽`.
 * Exports (CSV/XLSX) keep exact kopecks.
 *
 * Rounding rule: each line is rounded on its own, half up, to whole kopecks:
 *   lineTotal = round_half_up(quantity × unitPriceKop × (100 − discountPct) / 100)
 * computed with integer math only (no floating point): floor((q·u·(100−d) + 50) / 100).
 * The line discount is the undiscounted line minus the line total, so
 * subtotal − discount = Σ line totals exactly. Delivery is added unchanged.
 */
import type { OrderLine } from './schemas';

type MoneyLine = Pick<OrderLine, 'quantity' | 'unitPriceKop' | 'discountPct'>;

/** Undiscounted line amount in kopecks: quantity × unit price. */
export function lineGrossKop(line: MoneyLine): number {
  return line.quantity * line.unitPriceKop;
}

/** The line total in kopecks after its discount, rounded half up per the rule above. */
export function lineTotalKop(line: MoneyLine): number {
  const pct = Math.min(100, Math.max(0, Math.trunc(line.discountPct)));
  const numerator = lineGrossKop(line) * (100 - pct);
  return Math.floor((numerator + 50) / 100);
}

export interface OrderTotals {
  /** Σ quantity × unit price, before discounts. */
  subtotalKop: number;
  /** Σ discounts (gift lines give their whole price). */
  discountKop: number;
  deliveryKop: number;
  /** subtotal − discount + delivery. */
  totalKop: number;
}

/** Totals of an order: subtotal, discounts, delivery and the total to pay. */
export function orderTotals(lines: readonly MoneyLine[], delivery: { priceKop: number } | null): OrderTotals {
  let subtotalKop = 0;
  let netKop = 0;
  for (const line of lines) {
    subtotalKop += lineGrossKop(line);
    netKop += lineTotalKop(line);
  }
  const deliveryKop = delivery ? delivery.priceKop : 0;
  return { subtotalKop, discountKop: subtotalKop - netKop, deliveryKop, totalKop: netKop + deliveryKop };
}

const NBSP = '\u00a0';

/**
 * Formats kopecks as Russian roubles: `1 990 ₽`, `1 990,50 ₽`, `−12,05 ₽`.
 * Thousands are separated by a no-break space (U+00A0), the ₽ sign follows a no-break space;
 * kopecks are shown only when non-zero.
 */
export function formatRub(kop: number): string {
  const negative = kop < 0;
  const abs = Math.abs(Math.trunc(kop));
  const rub = Math.floor(abs / 100);
  const rest = abs % 100;
  const grouped = String(rub).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const kopPart = rest === 0 ? '' : `,${String(rest).padStart(2, '0')}`;
  return `${negative ? '−' : ''}${grouped}${kopPart}${NBSP}₽`;
}

/**
 * A report statistic (average check, revenue) in whole roubles, rounded half up (away from zero
 * for negatives): `3 254 ₽` for 325 370 kopecks. Payable amounts use `formatRub`.
 */
export function formatRubWhole(kop: number): string {
  const whole = Math.floor((Math.abs(Math.trunc(kop)) + 50) / 100) * 100;
  return formatRub(kop < 0 ? -whole : whole);
}
