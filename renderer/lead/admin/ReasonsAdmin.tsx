/** The reason directory: code, group, label, order, activity (admin role). */
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AdminReason } from '../../../shared/api/lead';
import { ReasonGroup } from '../../../shared/domain/schemas';
import type { Api } from '../../../shared/ipc/contract';
import { call } from '../../app/api-context';
import { AdminSection, AdminTable, EditButton, EditForm, YesNo } from './AdminScreen';
import { CheckField, SelectField, TextField } from './Field';
import { useAdminEditor } from './use-admin-editor';

type Reason = z.infer<typeof AdminReason>;
const fetchReasons = async (api: Api) => (await call(api, 'admin.reasons', {})).reasons;

interface Form { code: string; group: Reason['group']; label: string; sort: string; active: boolean }
const emptyForm: Form = { code: '', group: 'cancel', label: '', sort: '100', active: true };

/** The reason of the form (`sort` digits → number), validated by the server's schema. */
export function reasonRequest(form: Form) {
  return AdminReason.safeParse({ ...form, code: form.code.trim(), sort: /^\d+$/.test(form.sort) ? Number(form.sort) : Number.NaN });
}

/** The reasons screen. */
export function ReasonsAdmin() {
  const { t } = useTranslation();
  const { data, error, editing, form, set, err, status, edit, cancel, submit } = useAdminEditor<Reason[], Form, string, Reason>({
    fetch: fetchReasons, empty: emptyForm, request: reasonRequest,
    save: (api, reason) => call(api, 'admin.saveReason', reason),
  });
  const title = editing ? t('lead.admin.reasons.editTitle', { code: editing }) : t('lead.admin.reasons.newTitle');
  return (
    <AdminSection title={t('lead.admin.reasons.title')} error={error}>
      <AdminTable label={t('lead.admin.reasons.table')} columns={[
        t('lead.admin.reasons.group'), t('lead.admin.reasons.code'), t('lead.admin.reasons.label'), { label: t('lead.admin.reasons.sort'), numeric: true }, t('lead.admin.reasons.active'),
      ]}>
        {(data ?? []).map((r) => (
          <tr key={r.code} data-code={r.code}>
            <td>{t(`lead.reasonGroup.${r.group}`)}</td><td>{r.code}</td><th scope="row">{r.label}</th><td className="r num">{r.sort}</td>
            <td><YesNo value={r.active} /></td>
            <td><EditButton name={r.label} onClick={() => edit(r.code, { code: r.code, group: r.group, label: r.label, sort: String(r.sort), active: r.active })} /></td>
          </tr>
        ))}
      </AdminTable>
      <EditForm title={title} editing={editing !== null} onSubmit={submit} onCancel={cancel} status={status}>
        <TextField label={t('lead.admin.reasons.code')} value={form.code} onChange={(v) => set('code', v)} disabled={editing !== null} error={err('code')} hint={t('lead.admin.reasons.codeHint')} />
        <SelectField label={t('lead.admin.reasons.group')} value={form.group} onChange={(v) => set('group', ReasonGroup.safeParse(v).data ?? 'cancel')}
          options={ReasonGroup.options.map((g) => ({ value: g, label: t(`lead.reasonGroup.${g}`) }))} />
        <TextField label={t('lead.admin.reasons.label')} value={form.label} onChange={(v) => set('label', v)} error={err('label')} />
        <TextField label={t('lead.admin.reasons.sort')} value={form.sort} onChange={(v) => set('sort', v)} inputMode="numeric" error={err('sort')} />
        <CheckField label={t('lead.admin.reasons.active')} checked={form.active} onChange={(v) => set('active', v)} />
      </EditForm>
    </AdminSection>
  );
}
