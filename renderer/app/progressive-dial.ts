/**
 * Progressive dialing and auto-next on the desk (docs/telephony.md «Progressive dialing»): the
 * one countdown the desk may run — the preview before it dials an order opened by Next order, or
 * the wrap-up before it takes the next order after a save — and why it did not dial by itself.
 * Whether it may dial is the shared rule (autoDialBlock); the settings are the user's (login reply).
 */
import { create } from 'zustand';
import { autoDialBlock, DIALING_OFF, type AutoDialBlock, type DeskDialing } from '../../shared/domain/dialing';
import type { OrderView } from '../../shared/ipc/contract';
import { useSessionStore } from '../stores/session-store';
import { customerHour, sessionWindow } from './customer-time';

/** The running countdown: dial the open order, or take the next one. */
export type DeskCountdown =
  | { kind: 'dial'; orderId: number; phone: string; endsAt: number }
  | { kind: 'next'; endsAt: number };

interface CountdownState {
  countdown: DeskCountdown | null;
  /** Why the last order opened by Next order was not dialed by itself (shown until the next one). */
  blocked: AutoDialBlock | null;
}

/** The desk's countdown store. */
export const useCountdownStore = create<CountdownState>()(() => ({ countdown: null, blocked: null }));

/** The operator's dialing settings from the session (off without a session or on an older server). */
export function sessionDialing(): DeskDialing {
  return useSessionStore.getState().session?.user.dialing ?? DIALING_OFF;
}

/** Stops the countdown (Esc, a key, the order closed). */
export function cancelCountdown(): void {
  useCountdownStore.setState({ countdown: null });
}

/**
 * After Next order opened an order: starts the preview when progressive dialing is on and the
 * order may be dialed by itself (callable number, inside the customer's calling window).
 */
export function startDialPreview(view: OrderView, now: Date = new Date()): void {
  const seconds = sessionDialing().previewSeconds;
  if (seconds === null) { useCountdownStore.setState({ countdown: null, blocked: null }); return; }
  const { customer, customerZone } = view.order;
  const centerZone = useSessionStore.getState().session?.timeZone ?? 'Europe/Moscow';
  const inside = customerHour(customerZone, now, sessionWindow(), centerZone).inside;
  const blocked = autoDialBlock(customer.phone, customer.name, inside);
  useCountdownStore.setState({
    blocked,
    countdown: blocked ? null : { kind: 'dial', orderId: view.order.id, phone: customer.phone, endsAt: now.getTime() + seconds * 1000 },
  });
}

/** After a save while the operator is Готов: starts the wrap-up countdown when auto-next is on. */
export function startAutoNext(now: Date = new Date()): void {
  const seconds = sessionDialing().wrapUpSeconds;
  if (seconds === null || useSessionStore.getState().agentState !== 'ready') return;
  useCountdownStore.setState({ countdown: { kind: 'next', endsAt: now.getTime() + seconds * 1000 }, blocked: null });
}
