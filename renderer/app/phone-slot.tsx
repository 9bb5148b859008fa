/**
 * Where the softphone plugs into the desk. Until the lead wires renderer/softphone in, the call bar
 * and SIP light show "софтфон не подключён" and a call only reports that.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What the desk asks of the softphone. */
export interface PhoneActions {
  /** True when a softphone is wired in and can dial. */
  connected: boolean;
  /** Dial a number (E.164) for an order. */
  onCall(e164: string, orderId: number): void;
  /** Hang up the current call. */
  onHangup(): void;
}

const PhoneContext = createContext<PhoneActions | null>(null);
const NoticeContext = createContext<{ notice: boolean; setNotice(v: boolean): void }>({ notice: false, setNotice: () => undefined });

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

/** The call bar above the order form (softphone slot). */
export function CallBarSlot() {
  const { t } = useTranslation();
  const { notice } = useContext(NoticeContext);
  return (
    <div className="callbar" role="region" aria-label={t('phone.callBar')}>
      <span className="callbar-off">{t('phone.notConnected')}</span>
      {notice ? <span className="callbar-notice" role="status">{t('phone.cannotDial')}</span> : null}
    </div>
  );
}

/** The SIP registration light of the header (softphone slot). */
export function SipLightSlot() {
  const { t } = useTranslation();
  return (
    <span className="sip-light state-offline" title={t('phone.notConnected')}>
      <span className="dot" aria-hidden="true" />
      {t('phone.sipOff')}
    </span>
  );
}
