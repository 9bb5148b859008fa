/** Delivery tariffs: region, method, carrier, price (roubles → kopecks), terms (admin role). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Tariff, TariffInput, TariffsResponse } from '../../../shared/api/lead';
import { DeliveryMethod } from '../../../shared/domain/schemas';
import { formatRub } from '../../../shared/domain/money';
import type { Api } from '../../../shared/ipc/contract';
import { useApi } from '../../app/api-context';
import { errorText, leadRequest } from '../lead-api';
import { SelectField, TextField, issuesByField } from './Field';
import { kopToRublesInput, parseRublesToKop } from './money-input';
import { useAdminLoad } from './use-admin-load';

type TariffRow = z.infer<typeof Tariff>;
const fetchTariffs = async (api: Api) => (await leadRequest(api, 'GET', '/admin/tariffs', TariffsResponse)).tariffs;
const Ok = z.object({ ok: z.literal(true) });

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
  const api = useApi();
  const { data, error, reload } = useAdminLoad(fetchTariffs);
  const [editing, setEditing] = useState<number | null>(null);
  const [form, setForm] = useState<Form>(emptyForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  const err = (field: string) => (errors[field] ? t([`lead.admin.err.${field}`, 'lead.admin.err.generic']) : undefined);
  const done = (text: string) => { setStatus({ kind: 'ok', text }); setEditing(null); setForm(emptyForm); reload(); };
  const submit = async () => {
    const req = tariffRequest(form);
    if (!req.success) {
      setErrors(issuesByField(req.error.issues));
      setStatus({ kind: 'error', text: t('lead.admin.fixErrors') });
      return;
    }
    setErrors({});
    try {
      if (editing !== null) await leadRequest(api, 'PUT', `/admin/tariffs/${editing}`, Tariff, req.data);
      else await leadRequest(api, 'POST', '/admin/tariffs', Tariff, req.data);
      done(t('lead.admin.saved'));
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e) });
    }
  };
  const remove = async (id: number) => {
    try {
      await leadRequest(api, 'DELETE', `/admin/tariffs/${id}`, Ok);
      done(t('lead.admin.deleted'));
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e) });
    }
  };
  return (
    <section aria-label={t('lead.admin.tariffs.title')}>
      <h2>{t('lead.admin.tariffs.title')}</h2>
      {error ? <p role="alert" className="lead-error">{error}</p> : null}
      <table className="lead-table" aria-label={t('lead.admin.tariffs.table')}>
        <thead><tr>
          <th scope="col">{t('lead.admin.tariffs.region')}</th><th scope="col">{t('lead.admin.tariffs.method')}</th><th scope="col">{t('lead.admin.tariffs.carrier')}</th>
          <th scope="col" className="r">{t('lead.admin.tariffs.price')}</th><th scope="col" className="r">{t('lead.admin.tariffs.days')}</th><th scope="col" />
        </tr></thead>
        <tbody>
          {(data ?? []).map((r) => (
            <tr key={r.id} data-tariff={r.id}>
              <th scope="row">{r.region}</th><td>{t(`lead.deliveryMethod.${r.method}`)}</td><td>{r.carrier}</td>
              <td className="r num">{formatRub(r.priceKop)}</td><td className="r num">{r.daysMin === r.daysMax ? r.daysMin : `${r.daysMin}–${r.daysMax}`}</td>
              <td className="lead-actions">
                <button type="button" className="btn btn-small" aria-label={t('lead.admin.editOf', { name: `${r.region} ${r.carrier}` })} onClick={() => {
                  setEditing(r.id);
                  setForm({ region: r.region, method: r.method, carrier: r.carrier, price: kopToRublesInput(r.priceKop), daysMin: String(r.daysMin), daysMax: String(r.daysMax) });
                  setErrors({}); setStatus(null);
                }}>{t('lead.admin.edit')}</button>
                <button type="button" className="btn btn-small" aria-label={t('lead.admin.deleteOf', { name: `${r.region} ${r.carrier}` })} onClick={() => void remove(r.id)}>{t('lead.admin.delete')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-label={editing !== null ? t('lead.admin.tariffs.editTitle') : t('lead.admin.tariffs.newTitle')}>
        <h3>{editing !== null ? t('lead.admin.tariffs.editTitle') : t('lead.admin.tariffs.newTitle')}</h3>
        <div className="lead-form-grid">
          <TextField label={t('lead.admin.tariffs.region')} value={form.region} onChange={(v) => set('region', v)} error={err('region')} />
          <SelectField label={t('lead.admin.tariffs.method')} value={form.method} onChange={(v) => set('method', DeliveryMethod.safeParse(v).data ?? 'courier')}
            options={DeliveryMethod.options.map((m) => ({ value: m, label: t(`lead.deliveryMethod.${m}`) }))} />
          <TextField label={t('lead.admin.tariffs.carrier')} value={form.carrier} onChange={(v) => set('carrier', v)} error={err('carrier')} />
          <TextField label={t('lead.admin.tariffs.priceRub')} value={form.price} onChange={(v) => set('price', v)} inputMode="decimal" error={err('priceKop')}
            hint={parseRublesToKop(form.price) !== null ? formatRub(parseRublesToKop(form.price) ?? 0) : t('lead.admin.offers.priceHint')} />
          <TextField label={t('lead.admin.tariffs.daysMin')} value={form.daysMin} onChange={(v) => set('daysMin', v)} inputMode="numeric" error={err('daysMin')} />
          <TextField label={t('lead.admin.tariffs.daysMax')} value={form.daysMax} onChange={(v) => set('daysMax', v)} inputMode="numeric" error={err('daysMax')} />
        </div>
        <div className="lead-buttons">
          <button type="submit" className="btn btn-primary">{t('lead.common.save')}</button>
          {editing !== null ? <button type="button" className="btn" onClick={() => { setEditing(null); setForm(emptyForm); setErrors({}); }}>{t('lead.common.cancel')}</button> : null}
          {status ? <span role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'lead-error' : 'lead-ok'}>{status.text}</span> : null}
        </div>
      </form>
    </section>
  );
}
