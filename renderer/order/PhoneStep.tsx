/** Step 1: the customer's phone is the call button (F3); disabled with the reason in words. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callFacts, callsSinceTaken, isCallableTab, parsePhone, queueTabOf } from '../../shared/domain';
import { phone, useTimeZone } from '../app/format';
import { useHotkey } from '../app/hotkeys';
import { usePhone } from '../app/phone-slot';
import { CallOutsideWindowDialog } from '../app/CallOutsideWindowDialog';
import { openOrderHour, useCallingWindow, type CustomerHour } from '../app/customer-time';
import { useOrderStore } from '../stores/order-store';

/** Why a number cannot be dialed now, or null when it can. */
export function useCallBlock(e164: string): string | null {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  const order = useOrderStore((s) => s.view?.order);
  const parsed = parsePhone(e164);
  if (!parsed.ok) return t(`phone.errors.${parsed.code}`, { defaultValue: parsed.message });
  if (order) {
    const tab = queueTabOf(order, new Date(), timeZone);
    if (tab !== null && !isCallableTab(tab)) return t('phone.notCalledTab');
  }
  return null;
}

/** The phone row of the form. */
export function PhoneStep() {
  const { t } = useTranslation();
  const e164 = useOrderStore((s) => s.form?.customer.phone ?? '');
  const orderId = useOrderStore((s) => s.form?.orderId ?? 0);
  const calls = useOrderStore((s) => s.view?.order.calls);
  const takenAt = useOrderStore((s) => s.view?.takenAt ?? null);
  const { onCall, onHangup } = usePhone();
  const block = useCallBlock(e164);
  const counted = callsSinceTaken(calls ?? [], takenAt);
  const facts = callFacts(counted);
  const parsed = parsePhone(e164);
  const [asking, setAsking] = useState<CustomerHour | null>(null);
  const window = useCallingWindow();
  const dial = () => {
    if (block || !parsed.ok) return;
    const hour = openOrderHour();
    if (!hour.inside) { setAsking(hour); return; }
    onCall(parsed.e164, orderId);
  };
  const confirmOutside = () => { setAsking(null); if (parsed.ok) onCall(parsed.e164, orderId); };
  useHotkey('F3', dial, asking === null);
  useHotkey('F4', () => onHangup());
  const display = parsed.ok ? phone(parsed.e164) : e164;
  return (
    <section className="step step-phone" aria-labelledby="step1">
      <h3 id="step1" className="step-title"><span className="step-no">1</span>{t('order.step.call')}</h3>
      <div className="row">
        <label className="field phone-field">
          <span>{t('order.phone')}</span>
          <input data-field="customer.phone" value={display} readOnly className={`num${block ? ' invalid' : ''}`} aria-invalid={block ? true : undefined} />
        </label>
        <button type="button" data-field="callMade" className="btn btn-call" onClick={dial} disabled={block !== null} aria-keyshortcuts="F3"
          title={block ?? t('phone.callHint')}>
          <span aria-hidden="true">✆</span> {t('phone.call')} <kbd>F3</kbd>
        </button>
        <span className={`call-facts ${facts.answered ? 'ok' : facts.attempted ? 'warn' : 'muted'}`}>
          {facts.answered ? t('phone.factAnswered', { count: counted.length }) : facts.attempted ? t('phone.factAttempted', { count: counted.length }) : t('phone.factNone')}
        </span>
      </div>
      {block ? <p className="field-error" role="alert">{t('phone.cannotCall', { reason: block })}</p> : null}
      {asking ? <CallOutsideWindowDialog customerTime={asking.customerTime} window={window} onConfirm={confirmOutside} onCancel={() => setAsking(null)} /> : null}
    </section>
  );
}
