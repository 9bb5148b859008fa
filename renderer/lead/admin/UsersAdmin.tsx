/** Users: roles, teams, SIP accounts, activation and password reset (admin role). */
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { AdminUser, CreateUserRequest, UpdateUserRequest } from '../../../shared/api/lead';
import type { Api } from '../../../shared/ipc/contract';
import { call } from '../../app/api-context';
import { AdminSection, AdminTable, EditButton, EditForm, YesNo } from './AdminScreen';
import { CheckField, SelectField, TextField } from './Field';
import { loadTeams, loadUsers } from './users-api';
import { useAdminEditor } from './use-admin-editor';

const fetchAll = async (api: Api) => {
  const [users, teams] = await Promise.all([loadUsers(api), loadTeams(api)]);
  return { users, teams };
};

interface Form {
  login: string; name: string; role: AdminUser['role']; teamId: string; active: boolean;
  sipWsUrl: string; sipDomain: string; sipUser: string; sipPassword: string; password: string;
  previewSeconds: string; wrapUpSeconds: string;
}

const emptyForm: Form = { login: '', name: '', role: 'operator', teamId: '', active: true, sipWsUrl: '', sipDomain: '', sipUser: '', sipPassword: '', password: '', previewSeconds: '', wrapUpSeconds: '' };

const secondsText = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

const formOf = (u: AdminUser): Form => ({
  login: u.login, name: u.name, role: u.role, teamId: u.teamId === null ? '' : String(u.teamId), active: u.active,
  sipWsUrl: u.sipWsUrl ?? '', sipDomain: u.sipDomain ?? '', sipUser: u.sipUser ?? '', sipPassword: '', password: '',
  previewSeconds: secondsText(u.dialing?.previewSeconds), wrapUpSeconds: secondsText(u.dialing?.wrapUpSeconds),
});

type UserBody = z.infer<typeof CreateUserRequest> | z.infer<typeof UpdateUserRequest>;

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
/** A dialing setting for the PATCH when it changed: empty is off (null); anything else is left for the schema to check. */
function changedSeconds(key: 'previewSeconds' | 'wrapUpSeconds', typed: string, was: number | null | undefined) {
  const value = typed.trim() === '' ? null : Number(typed.trim());
  return value === (was ?? null) ? {} : { [key]: value };
}

/** The request body of the form: a new user (POST) or the changes of an existing one (PATCH). */
export function userRequest(form: Form, editing: AdminUser | null) {
  const sip = { sipWsUrl: orNull(form.sipWsUrl), sipDomain: orNull(form.sipDomain), sipUser: orNull(form.sipUser) };
  const teamId = form.teamId === '' ? null : Number(form.teamId);
  if (!editing) {
    return CreateUserRequest.safeParse({ ...sip, login: form.login, name: form.name, role: form.role, teamId, password: form.password, sipPassword: orNull(form.sipPassword) });
  }
  return UpdateUserRequest.safeParse({
    ...sip, name: form.name, role: form.role, teamId, active: form.active,
    ...changedSeconds('previewSeconds', form.previewSeconds, editing.dialing?.previewSeconds),
    ...changedSeconds('wrapUpSeconds', form.wrapUpSeconds, editing.dialing?.wrapUpSeconds),
    ...(form.sipPassword ? { sipPassword: form.sipPassword } : {}),
    ...(form.password ? { password: form.password } : {}),
  });
}

/** The users screen. */
export function UsersAdmin() {
  const { t } = useTranslation();
  const { data, error, editing, form, set, err, status, edit, cancel, submit } = useAdminEditor<Awaited<ReturnType<typeof fetchAll>>, Form, AdminUser, UserBody>({
    fetch: fetchAll, empty: emptyForm, request: userRequest,
    save: (api, body, user) => (user
      ? call(api, 'admin.updateUser', { id: user.id, patch: body as z.infer<typeof UpdateUserRequest> })
      : call(api, 'admin.createUser', body as z.infer<typeof CreateUserRequest>)),
  });
  const teams = data?.teams ?? [];
  const teamName = (id: number | null) => teams.find((x) => x.id === id)?.name ?? '—';
  const title = editing ? t('lead.admin.users.editTitle', { name: editing.name }) : t('lead.admin.users.newTitle');
  return (
    <AdminSection title={t('lead.admin.users.title')} error={error}>
      <AdminTable label={t('lead.admin.users.table')} columns={[
        t('lead.admin.users.login'), t('lead.admin.users.name'), t('lead.admin.users.role'), t('lead.admin.users.team'),
        t('lead.admin.users.sipUser'), t('lead.admin.users.active'),
      ]}>
        {(data?.users ?? []).map((u) => (
          <tr key={u.id} data-user={u.id}>
            <td>{u.login}</td><th scope="row">{u.name}</th><td>{t(`lead.role.${u.role}`)}</td><td>{teamName(u.teamId)}</td>
            <td>{u.sipUser ?? '—'}</td><td><YesNo value={u.active} /></td>
            <td><EditButton name={u.name} onClick={() => edit(u, formOf(u))} /></td>
          </tr>
        ))}
      </AdminTable>
      <EditForm className="lead-admin-form" title={title} editing={editing !== null} onSubmit={submit} onCancel={cancel} status={status}
        saveLabel={editing ? t('lead.common.save') : t('lead.admin.users.create')}>
        <TextField label={t('lead.admin.users.login')} value={form.login} onChange={(v) => set('login', v)} disabled={!!editing} error={err('login')} autoComplete="off" />
        <TextField label={t('lead.admin.users.name')} value={form.name} onChange={(v) => set('name', v)} error={err('name')} />
        <SelectField label={t('lead.admin.users.role')} value={form.role} onChange={(v) => set('role', v === 'admin' || v === 'lead' ? v : 'operator')}
          options={(['operator', 'lead', 'admin'] as const).map((r) => ({ value: r, label: t(`lead.role.${r}`) }))} />
        <SelectField label={t('lead.admin.users.team')} value={form.teamId} onChange={(v) => set('teamId', v)} error={err('teamId')}
          options={[{ value: '', label: t('lead.admin.users.noTeam') }, ...teams.map((x) => ({ value: String(x.id), label: x.name }))]} />
        <TextField label={editing ? t('lead.admin.users.resetPassword') : t('lead.admin.users.password')} type="password" value={form.password} onChange={(v) => set('password', v)} error={err('password')} autoComplete="new-password" />
        <TextField label={t('lead.admin.users.sipWsUrl')} value={form.sipWsUrl} onChange={(v) => set('sipWsUrl', v)} error={err('sipWsUrl')} hint="wss://pbx.example.ru:8089/ws" />
        <TextField label={t('lead.admin.users.sipDomain')} value={form.sipDomain} onChange={(v) => set('sipDomain', v)} error={err('sipDomain')} />
        <TextField label={t('lead.admin.users.sipUser')} value={form.sipUser} onChange={(v) => set('sipUser', v)} error={err('sipUser')} />
        <TextField label={editing?.hasSipPassword ? t('lead.admin.users.sipPasswordChange') : t('lead.admin.users.sipPassword')} type="password" value={form.sipPassword} onChange={(v) => set('sipPassword', v)} error={err('sipPassword')} autoComplete="new-password" />
        {editing ? <CheckField label={t('lead.admin.users.active')} checked={form.active} onChange={(v) => set('active', v)} /> : null}
        {editing ? <TextField label={t('lead.admin.users.previewSeconds')} inputMode="numeric" value={form.previewSeconds} onChange={(v) => set('previewSeconds', v)} error={err('previewSeconds')} hint={t('lead.admin.users.previewHint')} /> : null}
        {editing ? <TextField label={t('lead.admin.users.wrapUpSeconds')} inputMode="numeric" value={form.wrapUpSeconds} onChange={(v) => set('wrapUpSeconds', v)} error={err('wrapUpSeconds')} hint={t('lead.admin.users.wrapUpHint')} /> : null}
      </EditForm>
    </AdminSection>
  );
}
