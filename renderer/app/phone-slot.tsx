/**
 * Where the softphone plugs into the desk: the call bar above the order form, the SIP light of the
 * header, the inbound screen pop (the caller's orders before answering) and the call hotkeys.
 * Without a wired softphone (component tests) the slots say "софтфон не подключён".
 */
import { createContext, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhoneDisplay } from '../../shared/domain/phone';
import { isFinalStatus } from '../../shared/domain';
import { useCallStore } from '../softphone/call-store';
import { CallBar } from '../softphone/components/CallBar';
import type { SoftphoneService } from '../softphone/softphone-service';
import { CustomerOrdersTable } from '../order/CustomerOrdersTable';
import { useOrderStore } from '../stores/order-store';
import { useHotkey } from './hotkeys';
import { usePhoneUiStore, type ScreenPop } from './softphone-wiring';
import { useDeskActions } from './use-desk-actions';

/** The live softphone as an external store (see SoftphoneWiring). */
export interface SoftphoneSource {
  current(): SoftphoneService | null;
  subscribe(listener: () => void): () => void;
}

/** What the desk asks of the softphone. */
export interface PhoneActions {
  /** True when a softphone is wired in and can dial. */
  connected: boolean;
  /** Dial a number (E.164) for an order (answers instead while a call is ringing in). */
  onCall(e164: string, orderId: number): void;
  /** Hang up the current call. */
  onHangup(): void;
  /** The live service for the call bar, light and hotkeys (absent: placeholders). */
  softphone?: SoftphoneSource;
}

const PhoneContext = createContext<PhoneActions | null>(null);
const NoticeContext = createContext<{ notice: boolean; setNotice(v: boolean): void }>({ notice: false, setNotice: () => undefined });
const NO_SOURCE: SoftphoneSource = { current: () => null, subscribe: () => () => undefined };

/** Provides the softphone actions (tests and the integrated app pass real ones). */
export function PhoneProvider({ actions, children }: { actions?: PhoneActions; children: ReactNode }) {
  const [notice, setNotice] = useState(false);
  const placeholder = useMemo<PhoneActions>(() => ({
    connected: false,
    onCall: () => setNotice(true),
    onHangup: () => setNotice(false),
  }), []);
  const noticeValue = useMemo(() => ({ notice, setNotice }), [notice]);
  return (
    <PhoneContext.Provider value={actions ?? placeholder}>
      <NoticeContext.Provider value={noticeValue}>{children}</NoticeContext.Provider>
    </PhoneContext.Provider>
  );
}

/** The softphone actions of the nearest provider (a placeholder without one). */
export function usePhone(): PhoneActions {
  return useContext(PhoneContext) ?? { connected: false, onCall: () => undefined, onHangup: () => undefined };
}

/** The running softphone service, or null (not wired, logged out, no SIP account). */
export function useSoftphone(): SoftphoneService | null {
  const source = usePhone().softphone ?? NO_SOURCE;
  return useSyncExternalStore(source.subscribe, source.current);
}

function RefusalNotice() {
  const { t } = useTranslation();
  const refusal = usePhoneUiStore((s) => s.refusal);
  if (!refusal) return null;
  const text = refusal === 'noSoftphone' ? t('phone.cannotDial') : t(`softphone.refusal.${refusal}`);
  return <span className="callbar-notice" role="alert">{text}</span>;
}

/** The call bar above the order form (softphone slot). */
export function CallBarSlot() {
  const { t } = useTranslation();
  const { notice } = useContext(NoticeContext);
  const service = useSoftphone();
  if (service) {
    return (
      <div className="callbar-slot">
        <CallBar service={service} />
        <RefusalNotice />
      </div>
    );
  }
  return (
    <div className="callbar" role="region" aria-label={t('phone.callBar')}>
      <span className="callbar-off">{t('phone.notConnected')}</span>
      {notice ? <span className="callbar-notice" role="status">{t('phone.cannotDial')}</span> : null}
      <RefusalNotice />
    </div>
  );
}

const LIGHT_CLASS = { registered: 'state-ready', registering: 'state-dialing', unregistered: 'state-offline', failed: 'state-offline' } as const;

function PopOrders({ pop }: { pop: ScreenPop }) {
  const { t } = useTranslation();
  const { claim } = useDeskActions();
  const openId = useOrderStore((s) => s.view?.order.id ?? null);
  if (pop.history === 'offline') return <p className="alert alert-warn">{t('history.offline')}</p>;
  if (pop.history === null) return <p className="muted">{t('common.loading')}</p>;
  if (pop.history.orders.length === 0) return <p className="tag tag-muted">{t('history.stranger')}</p>;
  return (
    <CustomerOrdersTable
      orders={pop.history.orders}
      lastHead={<th />}
      lastCell={(o) => (
        <td>
          {openId === null && !isFinalStatus(o.status)
            ? <button type="button" className="btn btn-ghost" onClick={() => void claim(o.id)}>{t('phone.pop.open')}</button>
            : null}
        </td>
      )}
    />
  );
}

/** The inbound caller and their orders, shown from the first ring (before answering) until the call ends. */
function ScreenPopPanel({ service }: { service: SoftphoneService }) {
  const { t } = useTranslation();
  const pop = usePhoneUiStore((s) => s.pop);
  const phase = useCallStore((s) => s.call.phase);
  const orderOpen = useOrderStore((s) => s.view !== null);
  if (!pop || phase === 'idle') return null;
  const name = pop.history && pop.history !== 'offline' ? pop.history.orders[0]?.customerName : undefined;
  return (
    <section className="screen-pop" role="dialog" aria-label={t('phone.pop.title')}>
      <h3>{t('phone.pop.title')}: <span className="num">{formatPhoneDisplay(pop.phone)}</span>{name ? ` — ${name}` : ''}</h3>
      <PopOrders pop={pop} />
      {orderOpen ? null : <CallBar service={service} />}
      {phase === 'ended' && !orderOpen
        ? <button type="button" className="btn" onClick={() => service.resultSaved()}>{t('phone.pop.done')}</button>
        : null}
    </section>
  );
}

/** Answer (F3), hangup (F4) without an open order, mute (Ctrl+M) and hold (Ctrl+H) during a call. */
function CallHotkeys({ service }: { service: SoftphoneService }) {
  const phase = useCallStore((s) => s.call.phase);
  const muted = useCallStore((s) => s.call.muted);
  const held = useCallStore((s) => s.call.held);
  // with an order open the phone field binds F3/F4 and routes them here through usePhone()
  const orderOpen = useOrderStore((s) => s.view !== null);
  const inCall = phase === 'established' || phase === 'held';
  const ringingIn = phase === 'incoming';
  useHotkey('F3', () => void service.answer(), ringingIn && !orderOpen);
  useHotkey('F4', () => void service.hangup(), !orderOpen && (ringingIn || inCall || phase === 'dialing' || phase === 'ringing'));
  useHotkey('Ctrl+M', () => service.setMuted(!muted), inCall);
  useHotkey('Ctrl+H', () => void service.setHeld(!held), inCall);
  return null;
}

/** The SIP registration light of the header (softphone slot), with the screen pop and call hotkeys. */
export function SipLightSlot() {
  const { t } = useTranslation();
  const service = useSoftphone();
  const registration = useCallStore((s) => s.registration);
  const reason = useCallStore((s) => s.registrationReason);
  if (!service) {
    return (
      <span className="sip-light state-offline" title={t('phone.notConnected')}>
        <span className="dot" aria-hidden="true" />
        {t('phone.sipOff')}
      </span>
    );
  }
  return (
    <>
      <span className={`sip-light ${LIGHT_CLASS[registration]}`} data-registration={registration} role="status" aria-label={t('phone.sipLight')}
        title={reason ? t(`softphone.reason.${reason}`, { defaultValue: t('softphone.reason.status', { code: reason }) }) : undefined}>
        <span className="dot" aria-hidden="true" />
        {t(`softphone.registration.${registration}`)}
      </span>
      <ScreenPopPanel service={service} />
      <CallHotkeys service={service} />
    </>
  );
}
