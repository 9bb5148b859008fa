/** Delivery rule of the manual (slide 8): when courier is available, only courier is offered. */
import { formatRub } from './money';
import type { RuleViolation } from './results';
import type { DeliveryOption } from './schemas';

/**
 * The options the operator offers: Russian Post options are dropped when a courier option exists;
 * the rest sorted by price, then by fastest term, then id (stable and deterministic).
 */
export function proposeDeliveryOptions(options: DeliveryOption[]): DeliveryOption[] {
  const hasCourier = options.some((o) => o.method === 'courier');
  const kept = hasCourier ? options.filter((o) => o.method !== 'post') : [...options];
  return kept.sort((a, b) => a.priceKop - b.priceKop || a.daysMax - b.daysMax || a.id.localeCompare(b.id));
}

/**
 * The option pre-chosen when new options arrive: the cheapest courier among the proposed ones
 * (the operator offers courier first), else the cheapest proposed option; null when none.
 */
export function defaultDeliveryOption(options: DeliveryOption[]): DeliveryOption | null {
  const proposed = proposeDeliveryOptions(options);
  return proposed.find((o) => o.method === 'courier') ?? proposed[0] ?? null;
}

const sameOption = (a: DeliveryOption, b: DeliveryOption) =>
  a.id === b.id && a.method === b.method && a.carrier === b.carrier && a.priceKop === b.priceKop && a.daysMin === b.daysMin && a.daysMax === b.daysMax;

/**
 * Whether the chosen delivery is one the center itself proposes for the address: `quoted` are the
 * carriers' options (before the courier-only rule); the choice must equal one of
 * proposeDeliveryOptions(quoted) in id, method, carrier, price and term. Russian Post chosen while
 * a courier is proposed is `deliveryCourierOnly`; anything else not proposed is
 * `deliveryNotOffered` (a forged or outdated price/term). No choice = no violation here.
 */
export function deliveryChoiceViolations(chosen: DeliveryOption | null, quoted: DeliveryOption[]): RuleViolation[] {
  if (chosen === null) return [];
  const proposed = proposeDeliveryOptions(quoted);
  if (proposed.some((o) => sameOption(o, chosen))) return [];
  if (chosen.method === 'post' && proposed.some((o) => o.method === 'courier')) {
    return [{ code: 'deliveryCourierOnly', field: 'delivery', message: 'Доставка: по этому адресу есть курьер — Почта России не предлагается, выберите курьерскую доставку.' }];
  }
  return [{
    code: 'deliveryNotOffered', field: 'delivery',
    message: `Доставка «${chosen.carrier}» за ${formatRub(chosen.priceKop)} не совпадает с вариантами, которые сервер рассчитал для этого адреса — обновите варианты доставки.`,
  }];
}
