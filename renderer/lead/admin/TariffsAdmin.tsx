/** Delivery tariffs: region, method, carrier, price (roubles → kopecks), terms (admin role). */
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Tariff, TariffInput } from '../../../shared/api/lead';
import { DeliveryMethod } from '../../../shared/domain/schemas';
import { formatRub } from '../../../shared/domain/money';
import type { Api } from '../../../shared/ipc/contract';
import { call } from '../../app/api-context';
import { AdminSection, AdminTable, EditButton, EditForm } from './AdminScreen';
import { SelectField, TextField } from './Field';
import { kopToRublesInput, parseRublesToKop } from './money-input';
import { useAdminEditor } from './use-admin-editor';

type TariffRow = z.infer<typeof Tariff>;
const fetchTariffs = async (api: Api) => (await call(api, 'admin.tariffs', {})).tariffs;

interface Form { region: string; method: TariffRow['method']; carrier: string; price: string; daysMin: string; daysMax: string }
const emptyForm: Form = { region: '', method: 'courier', carrier: '', price: '', daysMin: '1', daysMax: '3' };
const int = (s: string) => (/^\d{1,3}$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

/** The tariff of the form, validated by the server's schema. */
export function tariffRequest(f: Form) {
  return TariffInput.safeParse({
    region: f.region, method: f.method, carrier: f.carrier, priceKop: parseRublesToKop(f.price) ?? Number.NaN,
    daysMin: int(f.daysMin), daysMax: int(f.daysMax),
  });
}

/** The tariffs screen. */
export function TariffsAdmin() {
  const { t } = useTranslation();
  const { data, error, editing, form, set, err, status, edit, cancel, submit, run } = useAdminEditor<TariffRow[], Form, number, z.infer<typeof TariffInput>>({
    fetch: fetchTariffs, empty: emptyForm, request: tariffRequest,
    save: (api, tariff, id) => call(api, 'admin.saveTariff', { id, tariff }),
  });
  const remove = (id: number) => run((api) => call(api, 'admin.deleteTariff', { id }), t('lead.admin.deleted'));
  const pricePreview = parseRublesToKop(form.price);
  const title = editing !== null ? t('lead.admin.tariffs.editTitle') : t('lead.admin.tariffs.newTitle');
  return (
    <AdminSection title={t('lead.admin.tariffs.title')} error={error}>
      <AdminTable label={t('lead.admin.tariffs.table')} columns={[
        t('lead.admin.tariffs.region'), t('lead.admin.tariffs.method'), t('lead.admin.tariffs.carrier'),
        { label: t('lead.admin.tariffs.price'), numeric: true }, { label: t('lead.admin.tariffs.days'), numeric: true },
      ]}>
        {(data ?? []).map((r) => (
          <tr key={r.id} data-tariff={r.id}>
            <th scope="row">{r.region}</th><td>{t(`lead.deliveryMethod.${r.method}`)}</td><td>{r.carrier}</td>
            <td className="r num">{formatRub(r.priceKop)}</td><td className="r num">{r.daysMin === r.daysMax ? r.daysMin : `${r.daysMin}–${r.daysMax}`}</td>
            <td className="lead-actions">
              <EditButton name={`${r.region} ${r.carrier}`} onClick={() => edit(r.id, {
                region: r.region, method: r.method, carrier: r.carrier, price: kopToRublesInput(r.priceKop), daysMin: String(r.daysMin), daysMax: String(r.daysMax),
              })} />
              <button type="button" className="btn btn-small" aria-label={t('lead.admin.deleteOf', { name: `${r.region} ${r.carrier}` })} onClick={() => void remove(r.id)}>{t('lead.admin.delete')}</button>
            </td>
          </tr>
        ))}
      </AdminTable>
      <EditForm title={title} editing={editing !== null} onSubmit={submit} onCancel={cancel} status={status}>
        <TextField label={t('lead.admin.tariffs.region')} value={form.region} onChange={(v) => set('region', v)} error={err('region')} />
        <SelectField label={t('lead.admin.tariffs.method')} value={form.method} onChange={(v) => set('method', DeliveryMethod.safeParse(v).data ?? 'courier')}
          options={DeliveryMethod.options.map((m) => ({ value: m, label: t(`lead.deliveryMethod.${m}`) }))} />
        <TextField label={t('lead.admin.tariffs.carrier')} value={form.carrier} onChange={(v) => set('carrier', v)} error={err('carrier')} />
        <TextField label={t('lead.admin.tariffs.priceRub')} value={form.price} onChange={(v) => set('price', v)} inputMode="decimal" error={err('priceKop')}
          hint={pricePreview !== null ? formatRub(pricePreview) : t('lead.admin.offers.priceHint')} />
        <TextField label={t('lead.admin.tariffs.daysMin')} value={form.daysMin} onChange={(v) => set('daysMin', v)} inputMode="numeric" error={err('daysMin')} />
        <TextField label={t('lead.admin.tariffs.daysMax')} value={form.daysMax} onChange={(v) => set('daysMax', v)} inputMode="numeric" error={err('daysMax')} />
      </EditForm>
    </AdminSection>
  );
}
