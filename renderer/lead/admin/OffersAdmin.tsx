/** Offers: name, price (typed in roubles, stored in kopecks), promo terms, activity (admin role). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminOffersResponse, UpsertOfferRequest } from '../../../shared/api/lead';
import type { Offer } from '../../../shared/domain/schemas';
import { formatRub } from '../../../shared/domain/money';
import type { Api } from '../../../shared/ipc/contract';
import { useApi } from '../../app/api-context';
import { errorText, leadRequest } from '../lead-api';
import { CheckField, TextField, issuesByField } from './Field';
import { kopToRublesInput, parseRublesToKop } from './money-input';
import { useAdminLoad } from './use-admin-load';

const fetchOffers = async (api: Api) => (await leadRequest(api, 'GET', '/admin/offers', AdminOffersResponse)).offers;

interface Form { sku: string; name: string; price: string; promoText: string; discounts: string; active: boolean }
const emptyForm: Form = { sku: '', name: '', price: '', promoText: '', discounts: '', active: true };
const formOf = (o: Offer): Form => ({
  sku: o.sku, name: o.name, price: kopToRublesInput(o.priceKop), promoText: o.promo.text,
  discounts: o.promo.allowedDiscountsPct.join(', '), active: o.active,
});

/** The offer of the form (price → kopecks, discounts `50, 100` → [50, 100]), validated by the server's schema. */
export function offerRequest(form: Form) {
  const priceKop = parseRublesToKop(form.price);
  const parts = form.discounts.split(/[,;\s]+/).filter(Boolean);
  const discounts = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  return UpsertOfferRequest.safeParse({
    sku: form.sku.trim(), name: form.name.trim(), priceKop: priceKop ?? Number.NaN,
    promo: { text: form.promoText, allowedDiscountsPct: discounts }, active: form.active,
  });
}

/** The offers screen. */
export function OffersAdmin() {
  const { t } = useTranslation();
  const api = useApi();
  const { data, error, reload } = useAdminLoad(fetchOffers);
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState<Form>(emptyForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  const err = (field: string) => (errors[field] ? t([`lead.admin.err.${field}`, 'lead.admin.err.generic']) : undefined);
  const submit = async () => {
    const req = offerRequest(form);
    if (!req.success) {
      setErrors(issuesByField(req.error.issues));
      setStatus({ kind: 'error', text: t('lead.admin.fixErrors') });
      return;
    }
    setErrors({});
    try {
      await leadRequest(api, 'PUT', `/admin/offers/${encodeURIComponent(req.data.sku)}`, UpsertOfferRequest, req.data);
      setStatus({ kind: 'ok', text: t('lead.admin.saved') });
      setEditing(null);
      setForm(emptyForm);
      reload();
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e) });
    }
  };
  const pricePreview = parseRublesToKop(form.price);
  return (
    <section aria-label={t('lead.admin.offers.title')}>
      <h2>{t('lead.admin.offers.title')}</h2>
      {error ? <p role="alert" className="lead-error">{error}</p> : null}
      <table className="lead-table" aria-label={t('lead.admin.offers.table')}>
        <thead><tr>
          <th scope="col">SKU</th><th scope="col">{t('lead.admin.offers.name')}</th><th scope="col" className="r">{t('lead.admin.offers.price')}</th>
          <th scope="col">{t('lead.admin.offers.promo')}</th><th scope="col">{t('lead.admin.offers.active')}</th><th scope="col" />
        </tr></thead>
        <tbody>
          {(data ?? []).map((o) => (
            <tr key={o.sku} data-sku={o.sku}>
              <td>{o.sku}</td><th scope="row">{o.name}</th><td className="r num">{formatRub(o.priceKop)}</td>
              <td>{o.promo.text}{o.promo.allowedDiscountsPct.length ? ` (${o.promo.allowedDiscountsPct.map((d) => `${d}\u00a0%`).join(', ')})` : ''}</td>
              <td>{o.active ? t('lead.common.yes') : t('lead.common.no')}</td>
              <td><button type="button" className="btn btn-small" onClick={() => { setEditing(o.sku); setForm(formOf(o)); setErrors({}); setStatus(null); }} aria-label={t('lead.admin.editOf', { name: o.name })}>{t('lead.admin.edit')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-label={editing ? t('lead.admin.offers.editTitle', { sku: editing }) : t('lead.admin.offers.newTitle')}>
        <h3>{editing ? t('lead.admin.offers.editTitle', { sku: editing }) : t('lead.admin.offers.newTitle')}</h3>
        <div className="lead-form-grid">
          <TextField label="SKU" value={form.sku} onChange={(v) => set('sku', v)} disabled={editing !== null} error={err('sku')} />
          <TextField label={t('lead.admin.offers.name')} value={form.name} onChange={(v) => set('name', v)} error={err('name')} />
          <TextField label={t('lead.admin.offers.priceRub')} value={form.price} onChange={(v) => set('price', v)} inputMode="decimal" error={err('priceKop')}
            hint={pricePreview !== null ? formatRub(pricePreview) : t('lead.admin.offers.priceHint')} />
          <TextField label={t('lead.admin.offers.discounts')} value={form.discounts} onChange={(v) => set('discounts', v)} error={err('promo')} hint={t('lead.admin.offers.discountsHint')} />
          <label className="lead-field"><span>{t('lead.admin.offers.promoText')}</span>
            <textarea rows={3} value={form.promoText} maxLength={2000} onChange={(e) => set('promoText', e.target.value)} />
          </label>
          <CheckField label={t('lead.admin.offers.active')} checked={form.active} onChange={(v) => set('active', v)} />
        </div>
        <div className="lead-buttons">
          <button type="submit" className="btn btn-primary">{t('lead.common.save')}</button>
          {editing ? <button type="button" className="btn" onClick={() => { setEditing(null); setForm(emptyForm); setErrors({}); }}>{t('lead.common.cancel')}</button> : null}
          {status ? <span role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'lead-error' : 'lead-ok'}>{status.text}</span> : null}
        </div>
      </form>
    </section>
  );
}
