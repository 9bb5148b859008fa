/**
 * The desk's visible countdown (progressive-dial.ts): «Набор через 5 с» before the desk dials an
 * order opened by Next order (Esc cancels), or «Следующий заказ через 10 с» after a save while the
 * operator is Готов (any key stops it). When it runs out it dials through the same softphone
 * action as the call button, or takes the next order through the same action as F2.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallStore } from '../softphone/call-store';
import { useOrderStore } from '../stores/order-store';
import { useSessionStore } from '../stores/session-store';
import { useHotkey } from './hotkeys';
import { usePhone } from './phone-slot';
import { hasLiveCall } from './softphone-wiring';
import { cancelCountdown, startAutoNext, useCountdownStore, type DeskCountdown as Countdown } from './progressive-dial';
import { useDeskActions } from './use-desk-actions';

/** Whole seconds left until `endsAt`, re-rendering this component only. */
function useSecondsLeft(endsAt: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (endsAt === null) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [endsAt]);
  return endsAt === null ? 0 : Math.max(0, Math.ceil((endsAt - now) / 1000));
}

/** Runs the countdown's action when it reaches zero. */
function useFire(countdown: Countdown | null, left: number) {
  const { onCall } = usePhone();
  const { next } = useDeskActions();
  useEffect(() => {
    if (!countdown || left > 0) return;
    cancelCountdown();
    if (countdown.kind === 'dial') {
      const open = useOrderStore.getState().view?.order.id;
      if (open === countdown.orderId && !hasLiveCall(useCallStore.getState().call.phase)) onCall(countdown.phone, countdown.orderId);
      return;
    }
    if (useSessionStore.getState().agentState === 'ready' && !useOrderStore.getState().view) void next();
  }, [countdown, left, onCall, next]);
}

/** The countdown line of the desk (and the triggers that start and stop it). */
export function DeskCountdown() {
  const { t } = useTranslation();
  const countdown = useCountdownStore((s) => s.countdown);
  const blocked = useCountdownStore((s) => s.blocked);
  const notice = useOrderStore((s) => s.notice);
  const openId = useOrderStore((s) => s.view?.order.id ?? null);
  const left = useSecondsLeft(countdown?.endsAt ?? null);
  useFire(countdown, left);

  useEffect(() => {
    if (notice?.kind === 'saved' && openId === null) startAutoNext();
  }, [notice, openId]);
  useEffect(() => {
    const c = useCountdownStore.getState().countdown;
    if (c?.kind === 'dial' && c.orderId !== openId) cancelCountdown();
    if (c?.kind === 'next' && openId !== null) cancelCountdown();
    if (openId === null) useCountdownStore.setState({ blocked: null });
  }, [openId]);
  useHotkey('Escape', cancelCountdown, countdown?.kind === 'dial');
  useEffect(() => {
    if (countdown?.kind !== 'next') return undefined;
    const stop = () => cancelCountdown();
    window.addEventListener('keydown', stop, true);
    return () => window.removeEventListener('keydown', stop, true);
  }, [countdown]);

  if (countdown?.kind === 'dial') {
    return (
      <div className="alert alert-info desk-countdown" role="timer" aria-live="polite">
        <strong className="num">{t('dial.preview', { count: left })}</strong>
        <button type="button" className="btn btn-small" onClick={cancelCountdown} aria-keyshortcuts="Escape">{t('dial.cancel')} <kbd>Esc</kbd></button>
      </div>
    );
  }
  if (countdown?.kind === 'next') {
    return (
      <div className="alert alert-info desk-countdown" role="timer" aria-live="polite">
        <strong className="num">{t('dial.next', { count: left })}</strong>
        <span>{t('dial.anyKey')}</span>
      </div>
    );
  }
  if (blocked && openId !== null) return <div className="alert alert-warn" role="status">{t(`dial.blocked.${blocked}`)}</div>;
  return null;
}
