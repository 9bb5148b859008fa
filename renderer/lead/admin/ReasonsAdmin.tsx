/** The reason directory: code, group, label, order, activity (admin role). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AdminReason, AdminReasonsResponse } from '../../../shared/api/lead';
import { ReasonGroup } from '../../../shared/domain/schemas';
import type { Api } from '../../../shared/ipc/contract';
import { useApi } from '../../app/api-context';
import { errorText, leadRequest } from '../lead-api';
import { CheckField, SelectField, TextField, issuesByField } from './Field';
import { useAdminLoad } from './use-admin-load';

type Reason = z.infer<typeof AdminReason>;
const fetchReasons = async (api: Api) => (await leadRequest(api, 'GET', '/admin/reasons', AdminReasonsResponse)).reasons;

interface Form { code: string; group: Reason['group']; label: string; sort: string; active: boolean }
const emptyForm: Form = { code: '', group: 'cancel', label: '', sort: '100', active: true };

/** The reasons screen. */
export function ReasonsAdmin() {
  const { t } = useTranslation();
  const api = useApi();
  const { data, error, reload } = useAdminLoad(fetchReasons);
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState<Form>(emptyForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  const err = (field: string) => (errors[field] ? t([`lead.admin.err.${field}`, 'lead.admin.err.generic']) : undefined);
  const submit = async () => {
    const req = AdminReason.safeParse({ ...form, code: form.code.trim(), sort: /^\d+$/.test(form.sort) ? Number(form.sort) : Number.NaN });
    if (!req.success) {
      setErrors(issuesByField(req.error.issues));
      setStatus({ kind: 'error', text: t('lead.admin.fixErrors') });
      return;
    }
    setErrors({});
    try {
      await leadRequest(api, 'PUT', `/admin/reasons/${req.data.code}`, AdminReason, req.data);
      setStatus({ kind: 'ok', text: t('lead.admin.saved') });
      setEditing(null);
      setForm(emptyForm);
      reload();
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e) });
    }
  };
  return (
    <section aria-label={t('lead.admin.reasons.title')}>
      <h2>{t('lead.admin.reasons.title')}</h2>
      {error ? <p role="alert" className="lead-error">{error}</p> : null}
      <table className="lead-table" aria-label={t('lead.admin.reasons.table')}>
        <thead><tr>
          <th scope="col">{t('lead.admin.reasons.group')}</th><th scope="col">{t('lead.admin.reasons.code')}</th><th scope="col">{t('lead.admin.reasons.label')}</th>
          <th scope="col" className="r">{t('lead.admin.reasons.sort')}</th><th scope="col">{t('lead.admin.reasons.active')}</th><th scope="col" />
        </tr></thead>
        <tbody>
          {(data ?? []).map((r) => (
            <tr key={r.code} data-code={r.code}>
              <td>{t(`lead.reasonGroup.${r.group}`)}</td><td>{r.code}</td><th scope="row">{r.label}</th><td className="r num">{r.sort}</td>
              <td>{r.active ? t('lead.common.yes') : t('lead.common.no')}</td>
              <td><button type="button" className="btn btn-small" aria-label={t('lead.admin.editOf', { name: r.label })} onClick={() => {
                setEditing(r.code); setForm({ code: r.code, group: r.group, label: r.label, sort: String(r.sort), active: r.active }); setErrors({}); setStatus(null);
              }}>{t('lead.admin.edit')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-label={editing ? t('lead.admin.reasons.editTitle', { code: editing }) : t('lead.admin.reasons.newTitle')}>
        <h3>{editing ? t('lead.admin.reasons.editTitle', { code: editing }) : t('lead.admin.reasons.newTitle')}</h3>
        <div className="lead-form-grid">
          <TextField label={t('lead.admin.reasons.code')} value={form.code} onChange={(v) => set('code', v)} disabled={editing !== null} error={err('code')} hint={t('lead.admin.reasons.codeHint')} />
          <SelectField label={t('lead.admin.reasons.group')} value={form.group} onChange={(v) => set('group', ReasonGroup.safeParse(v).data ?? 'cancel')}
            options={ReasonGroup.options.map((g) => ({ value: g, label: t(`lead.reasonGroup.${g}`) }))} />
          <TextField label={t('lead.admin.reasons.label')} value={form.label} onChange={(v) => set('label', v)} error={err('label')} />
          <TextField label={t('lead.admin.reasons.sort')} value={form.sort} onChange={(v) => set('sort', v)} inputMode="numeric" error={err('sort')} />
          <CheckField label={t('lead.admin.reasons.active')} checked={form.active} onChange={(v) => set('active', v)} />
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
