/**
 * Focus follows the work: after an action the keyboard lands on the control of the next step
 * («Следующий заказ» after login and a save, «Позвонить» when an order opens, the first field a
 * result needs). The target is often rendered a moment later, so a request waits for it; one
 * request at a time (a newer one replaces the older), and it is dropped as soon as the operator
 * puts focus somewhere themselves.
 */

/** Finds the element to focus, or null while it is not (yet) on screen or not usable. */
export type FocusTarget = () => HTMLElement | null;

/** How long a request waits for its target to appear, ms (the longest server round trip of a claim). */
export const FOCUS_WAIT_MS = 10_000;

let cancelPending: (() => void) | null = null;

/** Whether an element can take focus now (on screen, not disabled). */
function usable(el: HTMLElement | null): el is HTMLElement {
  return el !== null && el.isConnected && !(el as HTMLButtonElement).disabled;
}

/**
 * Focuses the target now or as soon as it appears; gives up after FOCUS_WAIT_MS, when another
 * request comes, or when focus moved to another element meanwhile (the operator's choice wins).
 */
export function focusWhenReady(find: FocusTarget): void {
  cancelPending?.();
  const startedOn = document.activeElement;
  const tryFocus = (): boolean => {
    const now = document.activeElement;
    if (now !== startedOn && now !== null && now !== document.body) return true;
    const el = find();
    if (!usable(el)) return false;
    el.focus();
    return true;
  };
  if (tryFocus()) return;
  const observer = new MutationObserver(() => { if (tryFocus()) stop(); });
  const timer = setTimeout(() => stop(), FOCUS_WAIT_MS);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    if (cancelPending === stop) cancelPending = null;
  };
  cancelPending = stop;
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
}

/** Whether focus fell to the page (its element was removed or disabled). */
export function focusLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

/** «Следующий заказ» (F2) in the queue column. */
export const nextOrderButton: FocusTarget = () => document.querySelector<HTMLElement>('button[aria-keyshortcuts="F2"]');

/** The order's element for a rule field (`data-field`, the field names of the shared result rules). */
export function fieldElement(field: string): HTMLElement | null {
  const all = [...document.querySelectorAll<HTMLElement>(`[data-field="${field}"]`)].filter(usable);
  // a radio group: its checked radio, else the first one
  return all.find((el) => (el as HTMLInputElement).checked) ?? all[0] ?? null;
}

/** «Позвонить» of the open order; the phone field when the number cannot be dialed (it says why). */
export const callButton: FocusTarget = () => {
  const button = document.querySelector<HTMLButtonElement>('[data-field="callMade"]');
  if (usable(button)) return button;
  return button ? document.querySelector<HTMLElement>('[data-field="customer.phone"]') : null;
};
