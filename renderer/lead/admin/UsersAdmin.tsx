/** Users: roles, teams, SIP accounts, activation and password reset (admin role). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminUser, CreateUserRequest, UpdateUserRequest } from '../../../shared/api/lead';
import type { Api } from '../../../shared/ipc/contract';
import { useApi } from '../../app/api-context';
import { errorText, leadRequest } from '../lead-api';
import { CheckField, SelectField, TextField, issuesByField } from './Field';
import { loadTeams, loadUsers } from './users-api';
import { useAdminLoad } from './use-admin-load';

const fetchAll = async (api: Api) => {
  const [users, teams] = await Promise.all([loadUsers(api), loadTeams(api)]);
  return { users, teams };
};

interface Form {
  login: string; name: string; role: AdminUser['role']; teamId: string; active: boolean;
  sipWsUrl: string; sipDomain: string; sipUser: string; sipPassword: string; password: string;
}

const emptyForm: Form = { login: '', name: '', role: 'operator', teamId: '', active: true, sipWsUrl: '', sipDomain: '', sipUser: '', sipPassword: '', password: '' };

const formOf = (u: AdminUser): Form => ({
  login: u.login, name: u.name, role: u.role, teamId: u.teamId === null ? '' : String(u.teamId), active: u.active,
  sipWsUrl: u.sipWsUrl ?? '', sipDomain: u.sipDomain ?? '', sipUser: u.sipUser ?? '', sipPassword: '', password: '',
});

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The request body of the form: a new user (POST) or the changes of an existing one (PATCH). */
export function userRequest(form: Form, editing: AdminUser | null) {
  const sip = { sipWsUrl: orNull(form.sipWsUrl), sipDomain: orNull(form.sipDomain), sipUser: orNull(form.sipUser) };
  const teamId = form.teamId === '' ? null : Number(form.teamId);
  if (!editing) {
    return CreateUserRequest.safeParse({ ...sip, login: form.login, name: form.name, role: form.role, teamId, password: form.password, sipPassword: orNull(form.sipPassword) });
  }
  return UpdateUserRequest.safeParse({
    ...sip, name: form.name, role: form.role, teamId, active: form.active,
    ...(form.sipPassword ? { sipPassword: form.sipPassword } : {}),
    ...(form.password ? { password: form.password } : {}),
  });
}

/** The users screen. */
export function UsersAdmin() {
  const { t } = useTranslation();
  const api = useApi();
  const { data, error, reload } = useAdminLoad(fetchAll);
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [form, setForm] = useState<Form>(emptyForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  const err = (field: string) => (errors[field] ? t([`lead.admin.err.${field}`, 'lead.admin.err.generic']) : undefined);

  const submit = async () => {
    const req = userRequest(form, editing);
    if (!req.success) {
      setErrors(issuesByField(req.error.issues));
      setStatus({ kind: 'error', text: t('lead.admin.fixErrors') });
      return;
    }
    setErrors({});
    try {
      if (editing) await leadRequest(api, 'PATCH', `/admin/users/${editing.id}`, AdminUser, req.data);
      else await leadRequest(api, 'POST', '/admin/users', AdminUser, req.data);
      setStatus({ kind: 'ok', text: t('lead.admin.saved') });
      setEditing(null);
      setForm(emptyForm);
      reload();
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e) });
    }
  };

  const teams = data?.teams ?? [];
  const teamName = (id: number | null) => teams.find((x) => x.id === id)?.name ?? '—';
  return (
    <section aria-label={t('lead.admin.users.title')}>
      <h2>{t('lead.admin.users.title')}</h2>
      {error ? <p role="alert" className="lead-error">{error}</p> : null}
      <table className="lead-table" aria-label={t('lead.admin.users.table')}>
        <thead><tr>
          <th scope="col">{t('lead.admin.users.login')}</th><th scope="col">{t('lead.admin.users.name')}</th>
          <th scope="col">{t('lead.admin.users.role')}</th><th scope="col">{t('lead.admin.users.team')}</th>
          <th scope="col">{t('lead.admin.users.sipUser')}</th><th scope="col">{t('lead.admin.users.active')}</th><th scope="col" />
        </tr></thead>
        <tbody>
          {(data?.users ?? []).map((u) => (
            <tr key={u.id} data-user={u.id}>
              <td>{u.login}</td><th scope="row">{u.name}</th><td>{t(`lead.role.${u.role}`)}</td><td>{teamName(u.teamId)}</td>
              <td>{u.sipUser ?? '—'}</td><td>{u.active ? t('lead.common.yes') : t('lead.common.no')}</td>
              <td><button type="button" className="btn btn-small" onClick={() => { setEditing(u); setForm(formOf(u)); setErrors({}); setStatus(null); }} aria-label={t('lead.admin.editOf', { name: u.name })}>{t('lead.admin.edit')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="lead-admin-form" onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-label={editing ? t('lead.admin.users.editTitle', { name: editing.name }) : t('lead.admin.users.newTitle')}>
        <h3>{editing ? t('lead.admin.users.editTitle', { name: editing.name }) : t('lead.admin.users.newTitle')}</h3>
        <div className="lead-form-grid">
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
        </div>
        <div className="lead-buttons">
          <button type="submit" className="btn btn-primary">{editing ? t('lead.common.save') : t('lead.admin.users.create')}</button>
          {editing ? <button type="button" className="btn" onClick={() => { setEditing(null); setForm(emptyForm); setErrors({}); }}>{t('lead.common.cancel')}</button> : null}
          {status ? <span role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'lead-error' : 'lead-ok'}>{status.text}</span> : null}
        </div>
      </form>
    </section>
  );
}
