/** The call-quality checklist (admin role): each point's text, points (1–10), order and activity; retired points keep old scores' meaning. */
import { useTranslation } from 'react-i18next';
import { SaveQualityItemRequest, type QualityItemSchema } from '../../../shared/api/quality';
import type { Api } from '../../../shared/ipc/contract';
import { call } from '../../app/api-context';
import { AdminSection, AdminTable, EditButton, EditForm, YesNo } from './AdminScreen';
import { CheckField, TextField } from './Field';
import { useAdminEditor } from './use-admin-editor';

const fetchItems = async (api: Api) => (await call(api, 'quality.items', {})).items;

interface Form { text: string; points: string; position: string; active: boolean }
const emptyForm: Form = { text: '', points: '1', position: '100', active: true };

/** The point of the form (digits → numbers), validated by the server's schema. */
export function qualityItemRequest(form: Form) {
  const num = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);
  return SaveQualityItemRequest.safeParse({ text: form.text, points: num(form.points), position: num(form.position), active: form.active });
}

/** The checklist screen. */
export function QualityItemsAdmin() {
  const { t } = useTranslation();
  const { data, error, editing, form, set, err, status, edit, cancel, submit } = useAdminEditor<QualityItemSchema[], Form, number, SaveQualityItemRequest>({
    fetch: fetchItems, empty: emptyForm, request: qualityItemRequest,
    save: (api, item, id) => call(api, 'admin.saveQualityItem', id === null ? item : { ...item, id }),
  });
  return (
    <AdminSection title={t('lead.admin.quality.title')} error={error}>
      <p className="muted">{t('lead.admin.quality.intro')}</p>
      <AdminTable label={t('lead.admin.quality.table')} columns={[
        { label: t('lead.admin.quality.position'), numeric: true }, t('lead.admin.quality.text'), { label: t('lead.admin.quality.points'), numeric: true }, t('lead.admin.quality.active'),
      ]}>
        {(data ?? []).map((i) => (
          <tr key={i.id} data-item={i.id}>
            <td className="r num">{i.position}</td><th scope="row">{i.text}</th><td className="r num">{i.points}</td>
            <td><YesNo value={i.active} /></td>
            <td><EditButton name={i.text} onClick={() => edit(i.id, { text: i.text, points: String(i.points), position: String(i.position), active: i.active })} /></td>
          </tr>
        ))}
      </AdminTable>
      <EditForm title={editing === null ? t('lead.admin.quality.newTitle') : t('lead.admin.quality.editTitle')} editing={editing !== null} onSubmit={submit} onCancel={cancel} status={status}>
        <TextField label={t('lead.admin.quality.text')} value={form.text} onChange={(v) => set('text', v)} error={err('text')} />
        <TextField label={t('lead.admin.quality.points')} value={form.points} onChange={(v) => set('points', v)} inputMode="numeric" error={err('points')} hint={t('lead.admin.quality.pointsHint')} />
        <TextField label={t('lead.admin.quality.position')} value={form.position} onChange={(v) => set('position', v)} inputMode="numeric" error={err('position')} />
        <CheckField label={t('lead.admin.quality.active')} checked={form.active} onChange={(v) => set('active', v)} />
      </EditForm>
    </AdminSection>
  );
}
