/**
 * The customer's hour on the desk: the shared calling-window rule (windowState) applied to an
 * order's zone under the session's center context. No rule lives here, only the session lookup.
 */
import { localParts } from '../../shared/domain/tabs';
import { DEFAULT_CALLING_WINDOW, windowState, type CallingWindow } from '../../shared/domain/calling-window';
import type { CustomerZone } from '../../shared/domain/customer-zone';
import { useOrderStore } from '../stores/order-store';
import { useSessionStore } from '../stores/session-store';

/** The customer's clock at an instant: the time there, whether calling is allowed and when it opens. */
export interface CustomerHour {
  /** The zone's local `HH:MM`, null when the zone is unknown. */
  customerTime: string | null;
  /** Whether the calling window is open for this customer now. */
  inside: boolean;
  /** The next opening as `HH:MM` in the customer's zone (the center's when unknown), null while open. */
  opensAt: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `HH:MM` of an instant in a zone. */
export function clockOf(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${pad(p.hh)}:${pad(p.mm)}`;
}

/** The center's calling window of the session (the default one before login). */
export function sessionWindow(): CallingWindow {
  return useSessionStore.getState().session?.center.callingWindow ?? DEFAULT_CALLING_WINDOW;
}

/** The customer's hour under a calling window. */
export function customerHour(zone: CustomerZone | undefined, now: Date, window: CallingWindow, centerZone: string): CustomerHour {
  const known = zone?.zone ?? null;
  const state = windowState(known, now, window);
  return {
    customerTime: state.customerTime,
    inside: state.inside,
    opensAt: state.opensAt ? clockOf(new Date(state.opensAt), known ?? centerZone) : null,
  };
}

/** The session's calling window (re-renders when the center context changes). */
export function useCallingWindow(): CallingWindow {
  return useSessionStore((s) => s.session?.center.callingWindow ?? DEFAULT_CALLING_WINDOW);
}

/** The open order's customer hour right now (read at the moment of an action, e.g. a click on «Позвонить»). */
export function openOrderHour(now: Date = new Date()): CustomerHour {
  const centerZone = useSessionStore.getState().session?.timeZone ?? 'Europe/Moscow';
  return customerHour(useOrderStore.getState().view?.order.customerZone, now, sessionWindow(), centerZone);
}
