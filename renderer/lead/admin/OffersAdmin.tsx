/** Offers: name, price (typed in roubles, stored in kopecks), promo terms, activity (admin role). */
import { useTranslation } from 'react-i18next';
import { UpsertOfferRequest } from '../../../shared/api/lead';
import type { Offer } from '../../../shared/domain/schemas';
import { formatRub } from '../../../shared/domain/money';
import type { Api } from '../../../shared/ipc/contract';
import { call } from '../../app/api-context';
import { AdminSection, AdminTable, EditButton, EditForm, YesNo } from './AdminScreen';
import { CheckField, TextField } from './Field';
import { kopToRublesInput, parseRublesToKop } from './money-input';
import { useAdminEditor } from './use-admin-editor';

const fetchOffers = async (api: Api) => (await call(api, 'admin.offers', {})).offers;

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
  const { data, error, editing, form, set, err, status, edit, cancel, submit } = useAdminEditor<Offer[], Form, string, Offer>({
    fetch: fetchOffers, empty: emptyForm, request: offerRequest,
    save: (api, offer) => call(api, 'admin.saveOffer', offer),
  });
  const pricePreview = parseRublesToKop(form.price);
  const title = editing ? t('lead.admin.offers.editTitle', { sku: editing }) : t('lead.admin.offers.newTitle');
  return (
    <AdminSection title={t('lead.admin.offers.title')} error={error}>
      <AdminTable label={t('lead.admin.offers.table')} columns={['SKU', t('lead.admin.offers.name'), { label: t('lead.admin.offers.price'), numeric: true }, t('lead.admin.offers.promo'), t('lead.admin.offers.active')]}>
        {(data ?? []).map((o) => (
          <tr key={o.sku} data-sku={o.sku}>
            <td>{o.sku}</td><th scope="row">{o.name}</th><td className="r num">{formatRub(o.priceKop)}</td>
            <td>{o.promo.text}{o.promo.allowedDiscountsPct.length ? ` (${o.promo.allowedDiscountsPct.map((d) => `${d}\u00a0%`).join(', ')})` : ''}</td>
            <td><YesNo value={o.active} /></td>
            <td><EditButton name={o.name} onClick={() => edit(o.sku, formOf(o))} /></td>
          </tr>
        ))}
      </AdminTable>
      <EditForm title={title} editing={editing !== null} onSubmit={submit} onCancel={cancel} status={status}>
        <TextField label="SKU" value={form.sku} onChange={(v) => set('sku', v)} disabled={editing !== null} error={err('sku')} />
        <TextField label={t('lead.admin.offers.name')} value={form.name} onChange={(v) => set('name', v)} error={err('name')} />
        <TextField label={t('lead.admin.offers.priceRub')} value={form.price} onChange={(v) => set('price', v)} inputMode="decimal" error={err('priceKop')}
          hint={pricePreview !== null ? formatRub(pricePreview) : t('lead.admin.offers.priceHint')} />
        <TextField label={t('lead.admin.offers.discounts')} value={form.discounts} onChange={(v) => set('discounts', v)} error={err('promo')} hint={t('lead.admin.offers.discountsHint')} />
        <label className="lead-field"><span>{t('lead.admin.offers.promoText')}</span>
          <textarea rows={3} value={form.promoText} maxLength={2000} onChange={(e) => set('promoText', e.target.value)} />
        </label>
        <CheckField label={t('lead.admin.offers.active')} checked={form.active} onChange={(v) => set('active', v)} />
      </EditForm>
    </AdminSection>
  );
}
