/** Step 4: «Найти варианты доставки» → options with price and term (courier only when available, per the shared rule). */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultDeliveryOption, formatRub, proposeDeliveryOptions } from '../../shared/domain';
import type { DeliveryOption } from '../../shared/domain/schemas';
import { call, isUnreachable, useApi } from '../app/api-context';
import { fieldElement } from '../app/focus-work';
import { useHotkey } from '../app/hotkeys';
import { useOrderStore } from '../stores/order-store';

/** Delay before the automatic delivery lookup after the address is complete, ms. */
export const AUTO_SEARCH_DELAY_MS = 400;

/** The delivery step. */
export function DeliveryStep() {
  const { t } = useTranslation();
  const api = useApi();
  const options = useOrderStore((s) => s.form?.deliveryOptions);
  const chosen = useOrderStore((s) => s.form?.delivery ?? null);
  const chooseDelivery = useOrderStore((s) => s.chooseDelivery);
  const [state, setState] = useState<'idle' | 'busy' | 'empty' | 'offline' | 'error'>('idle');
  const [focusAfter, setFocusAfter] = useState<'options' | 'button' | null>(null);
  const button = useRef<HTMLButtonElement>(null);

  /** Looks the options up; asked by the operator (Ctrl+D, the button), focus then goes to the proposed option. */
  const search = async (asked = false) => {
    const s = useOrderStore.getState();
    if (!s.form) return;
    const searchButton = asked && document.activeElement === button.current;
    setState('busy');
    try {
      const found = proposeDeliveryOptions(await call(api, 'delivery.options', { orderId: s.form.orderId, address: s.form.address }));
      useOrderStore.getState().setDeliveryOptions(found);
      // New options, new proposal (shared rule); the operator may pick another one.
      useOrderStore.getState().chooseDelivery(defaultDeliveryOption(found));
      setState(found.length === 0 ? 'empty' : 'idle');
      setFocusAfter(asked && found.length > 0 ? 'options' : searchButton ? 'button' : null);
    } catch (e) {
      setState(isUnreachable(e) ? 'offline' : 'error');
      setFocusAfter(searchButton ? 'button' : null);
    }
  };
  useEffect(() => {
    if (focusAfter === null) return;
    setFocusAfter(null);
    (focusAfter === 'options' ? fieldElement('delivery') : button.current)?.focus();
  }, [focusAfter]);
  useHotkey('Ctrl+D', () => { void search(true); });

  // Once the address is complete (city, street, house), options are looked up by themselves.
  const addressKey = useOrderStore((s) => (s.form && s.form.address.city && s.form.address.street && s.form.address.house
    ? `${s.form.address.cityId ?? s.form.address.city}|${s.form.address.street}|${s.form.address.house}` : null));
  const hasOptions = (options?.length ?? 0) > 0;
  const searched = useRef<string | null>(null);
  const searchRef = useRef(search);
  useEffect(() => { searchRef.current = search; });
  useEffect(() => {
    if (!addressKey || searched.current === addressKey) return undefined;
    if (searched.current === null && hasOptions) { searched.current = addressKey; return undefined; }
    const id = setTimeout(() => { searched.current = addressKey; void searchRef.current(); }, AUTO_SEARCH_DELAY_MS);
    return () => clearTimeout(id);
  }, [addressKey, hasOptions]);

  // Courier first (docs/domain.md «The form», step 4): the option the operator proposes sits on top, the rest keep the server's order.
  const shown = options ? [...options].sort((a, b) => Number(b.method === 'courier') - Number(a.method === 'courier')) : [];
  const term = (o: DeliveryOption) => (o.daysMin === o.daysMax ? t('delivery.days', { count: o.daysMax }) : t('delivery.daysRange', { min: o.daysMin, max: o.daysMax }));
  return (
    <section className="step" aria-labelledby="step4">
      <h3 id="step4" className="step-title"><span className="step-no">4</span>{t('order.step.delivery')}</h3>
      <div className="row">
        <button ref={button} type="button" className="btn" data-field={shown.length === 0 ? 'delivery' : undefined} onClick={() => void search(true)} disabled={state === 'busy'} aria-keyshortcuts="Control+D">
          {state === 'busy' ? t('delivery.searching') : t('delivery.search')} <kbd>Ctrl+D</kbd>
        </button>
        {state === 'empty' ? <span className="muted">{t('delivery.none')}</span> : null}
        {state === 'offline' ? <span className="field-error">{t('delivery.offline')}</span> : null}
        {state === 'error' ? <span className="field-error">{t('delivery.error')}</span> : null}
      </div>
      {shown.length > 0 ? (
        <div className="options" role="radiogroup" aria-label={t('delivery.options')}>
          {shown.map((o) => (
            <label key={o.id} className={`option${chosen?.id === o.id ? ' chosen' : ''}`}>
              <input type="radio" name="delivery" data-field="delivery" checked={chosen?.id === o.id} onChange={() => chooseDelivery(o)} />
              <span className="opt-method">{t(`delivery.method.${o.method}`)}</span>
              <span className="opt-carrier muted">{o.carrier}</span>
              <span className="opt-term num">{term(o)}</span>
              <span className="opt-price num">{formatRub(o.priceKop)}</span>
            </label>
          ))}
        </div>
      ) : null}
    </section>
  );
}
