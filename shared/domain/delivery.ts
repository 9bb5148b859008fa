/** Delivery rule of the manual (slide 8): when courier is available, only courier is offered. */
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
