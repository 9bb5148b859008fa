/**
 * Step 3: ФИО, extra phone, gender; address with suggestions (city → postal code, region, district
 * fill themselves; street and house from suggestions; apartment, building, korpus). Entrance,
 * intercom, floor and metro are deliberately absent (manual, slide 7).
 */
import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { looksObscene, parsePhone, formatPhoneDisplay } from '../../shared/domain';
import { nameWithGender } from '../../shared/domain/patronymic';
import type { AddressSuggestion } from '../../shared/api/http';
import { call, useApi } from '../app/api-context';
import { useOrderStore } from '../stores/order-store';
import { SuggestInput } from './SuggestInput';

/** The customer step. */
export function CustomerStep() {
  const { t } = useTranslation();
  const api = useApi();
  const customer = useOrderStore((s) => s.form?.customer);
  const address = useOrderStore((s) => s.form?.address);
  const patchCustomer = useOrderStore((s) => s.patchCustomer);
  const patchAddress = useOrderStore((s) => s.patchAddress);
  const uid = useId();
  const streetId = useRef<string | null>(null);
  const [extra, setExtra] = useState(() => (customer?.extraPhone ? formatPhoneDisplay(customer.extraPhone) : ''));
  const [extraError, setExtraError] = useState<string | null>(null);

  const cityId = address?.cityId ?? null;
  const suggestCity = useCallback((q: string) => call(api, 'address.suggest', { q, level: 'city' }), [api]);
  const suggestStreet = useCallback((q: string) => call(api, 'address.suggest', cityId ? { q, level: 'street', parent: cityId } : { q, level: 'street' }), [api, cityId]);
  const suggestHouse = useCallback((q: string) => {
    const parent = streetId.current ?? cityId;
    return call(api, 'address.suggest', parent ? { q, level: 'house', parent } : { q, level: 'house' });
  }, [api, cityId]);

  if (!customer || !address) return null;

  const pickCity = (s: AddressSuggestion) => {
    streetId.current = null;
    patchAddress({ city: s.city || s.value, cityId: s.id, postalCode: s.postalCode, region: s.region, district: s.district, street: '', house: '' });
  };
  const pickStreet = (s: AddressSuggestion) => {
    streetId.current = s.id;
    patchAddress({ street: s.value, house: '', ...(s.postalCode ? { postalCode: s.postalCode } : {}) });
  };
  const pickHouse = (s: AddressSuggestion) => patchAddress({ house: s.value, ...(s.postalCode ? { postalCode: s.postalCode } : {}) });

  const commitExtra = () => {
    if (extra.trim() === '') { setExtraError(null); patchCustomer({ extraPhone: null }); return; }
    const p = parsePhone(extra);
    if (p.ok) { setExtraError(null); setExtra(formatPhoneDisplay(p.e164)); patchCustomer({ extraPhone: p.e164 }); }
    else setExtraError(t(`phone.errors.${p.code}`, { defaultValue: p.message }));
  };
  const obscene = looksObscene(customer.name);

  return (
    <section className="step" aria-labelledby="step3">
      <h3 id="step3" className="step-title"><span className="step-no">3</span>{t('order.step.customer')}</h3>
      <div className="grid grid-customer">
        <div className="field span-2">
          <label htmlFor={`${uid}-name`}>{t('customer.name')}</label>
          <input id={`${uid}-name`} data-field="customer.name" value={customer.name} onChange={(e) => patchCustomer(nameWithGender(customer.name, e.target.value, customer.gender))} autoComplete="off" spellCheck={false}
            aria-invalid={obscene ? true : undefined} className={obscene ? 'invalid' : undefined} />
          {obscene ? <span className="field-error">{t('customer.obscene')}</span> : <span className="hint">{t('customer.nameHint')}</span>}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-extra`}>{t('customer.extraPhone')}</label>
          <input id={`${uid}-extra`} value={extra} onChange={(e) => setExtra(e.target.value)} onBlur={commitExtra} className="num" inputMode="tel"
            aria-invalid={extraError ? true : undefined} />
          {extraError ? <span className="field-error">{extraError}</span> : null}
        </div>
        <fieldset className="field gender">
          <legend>{t('customer.gender')}</legend>
          <label className="radio"><input type="radio" name="gender" data-field="customer.gender" checked={customer.gender === 'female'} onChange={() => patchCustomer({ gender: 'female' })} />{t('customer.female')}</label>
          <label className="radio"><input type="radio" name="gender" data-field="customer.gender" checked={customer.gender === 'male'} onChange={() => patchCustomer({ gender: 'male' })} />{t('customer.male')}</label>
        </fieldset>
      </div>
      <div className="grid grid-address">
        <SuggestInput className="span-2" label={t('address.city')} field="address.city" value={address.city} fetch={suggestCity} onPick={pickCity}
          onChange={(city) => patchAddress({ city, cityId: null })} hint={address.cityId ? undefined : t('address.pickFromList')} />
        <label className="field">
          <span>{t('address.postalCode')}</span>
          <input value={address.postalCode ?? ''} className="num auto" readOnly title={t('address.auto')} />
        </label>
        <label className="field">
          <span>{t('address.region')}</span>
          <input value={address.region} className="auto" onChange={(e) => patchAddress({ region: e.target.value })} />
        </label>
        <label className="field span-2">
          <span>{t('address.district')}</span>
          <input value={address.district} className="auto" onChange={(e) => patchAddress({ district: e.target.value })} />
        </label>
        <SuggestInput className="span-2" label={t('address.street')} field="address.street" value={address.street} fetch={suggestStreet} onPick={pickStreet}
          onChange={(street) => { streetId.current = null; patchAddress({ street }); }} />
        <SuggestInput label={t('address.house')} field="address.house" value={address.house} fetch={suggestHouse} onPick={pickHouse}
          onChange={(house) => patchAddress({ house })} />
        <label className="field">
          <span>{t('address.apartment')}</span>
          <input value={address.apartment} onChange={(e) => patchAddress({ apartment: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('address.building')}</span>
          <input value={address.building} onChange={(e) => patchAddress({ building: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('address.korpus')}</span>
          <input value={address.korpus} onChange={(e) => patchAddress({ korpus: e.target.value })} />
        </label>
      </div>
    </section>
  );
}
