/** The blacklist of phones (admin role): list, add with a reason, remove; and the orders held because of it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Api } from '../../../shared/ipc/contract';
import { formatPhoneDisplay } from '../../../shared/domain/phone';
import { call, useApi } from '../../app/api-context';
import { dateTime, useTimeZone } from '../../app/format';
import { errorText } from '../lead-api';
import type { Status } from '../StatusLine';
import { AdminSection, AdminTable, EditForm } from './AdminScreen';
import { BlacklistHeld } from './BlacklistHeld';
import { TextField } from './Field';
import { useAdminLoad } from './use-admin-load';

const fetchBlacklist = async (api: Api) => (await call(api, 'admin.blacklist', {})).entries;

/** The blacklist screen. */
export function BlacklistAdmin() {
  const { t } = useTranslation();
  const api = useApi();
  const timeZone = useTimeZone();
  const { data, error, reload } = useAdminLoad(fetchBlacklist);
  const [phone, setPhone] = useState('');
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      setStatus({ kind: 'ok', text: ok });
      reload();
      return true;
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e) });
      return false;
    }
  };
  const add = async () => {
    if (await run(() => call(api, 'admin.addBlacklist', { phone, reason }), t('lead.admin.saved'))) {
      setPhone('');
      setReason('');
    }
  };
  return (
    <AdminSection title={t('lead.admin.blacklist.title')} error={error}>
      <p className="muted">{t('lead.admin.blacklist.hint')}</p>
      <AdminTable label={t('lead.admin.blacklist.table')} columns={[
        t('lead.admin.blacklist.phone'), t('lead.admin.blacklist.reason'), t('lead.admin.blacklist.author'), t('lead.admin.blacklist.created'),
      ]}>
        {(data ?? []).map((e) => (
          <tr key={e.id} data-blacklist={e.id}>
            <th scope="row" className="num">{formatPhoneDisplay(e.phone)}</th><td>{e.reason}</td><td>{e.authorName ?? '—'}</td>
            <td className="num">{dateTime(e.createdAt, timeZone)}</td>
            <td className="lead-actions">
              <button type="button" className="btn btn-small" aria-label={t('lead.admin.deleteOf', { name: e.phone })}
                onClick={() => void run(() => call(api, 'admin.deleteBlacklist', { id: e.id }), t('lead.admin.deleted'))}>{t('lead.admin.delete')}</button>
            </td>
          </tr>
        ))}
      </AdminTable>
      <EditForm title={t('lead.admin.blacklist.newTitle')} editing={false} onSubmit={add} onCancel={() => undefined} status={status}
        saveLabel={t('lead.admin.blacklist.add')}>
        <TextField label={t('lead.admin.blacklist.phone')} value={phone} onChange={setPhone} inputMode="text" required />
        <TextField label={t('lead.admin.blacklist.reason')} value={reason} onChange={setReason} required />
      </EditForm>
      <BlacklistHeld always />
    </AdminSection>
  );
}
