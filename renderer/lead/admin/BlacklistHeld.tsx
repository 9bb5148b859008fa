/**
 * Orders held because their phone is blacklisted (center setting «Заказ с номера из чёрного
 * списка» = задержать): the lead sends each back to the queue or closes it as Невалид. Shown on the
 * board (only while there are any) and in the admin's blacklist section.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Api } from '../../../shared/ipc/contract';
import { formatPhoneDisplay } from '../../../shared/domain/phone';
import { call, useApi } from '../../app/api-context';
import { dateTime, useTimeZone } from '../../app/format';
import { errorText } from '../lead-api';
import { StatusLine, type Status } from '../StatusLine';
import { useAdminLoad } from './use-admin-load';

const fetchHeld = async (api: Api) => (await call(api, 'orders.held', {})).orders;

/**
 * The held orders; `always`: show the section even when empty or unavailable (its error), else
 * nothing while none are held (or the list cannot be read) and nothing was just decided.
 */
export function BlacklistHeld({ always = false }: { always?: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const timeZone = useTimeZone();
  const { data, error, reload } = useAdminLoad(fetchHeld);
  const [status, setStatus] = useState<Status | null>(null);
  if (!always && !data?.length && !status) return null;
  const decide = async (id: number, action: 'queue' | 'invalid') => {
    try {
      await call(api, 'orders.decideHeld', { id, action });
      setStatus({ kind: 'ok', text: t(`lead.admin.blacklist.decided.${action}`, { id }) });
      reload();
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e) });
    }
  };
  return (
    <section aria-label={t('lead.admin.blacklist.heldTitle')} className="lead-held">
      <h3>{t('lead.admin.blacklist.heldTitle')}</h3>
      {error ? <p role="alert" className="lead-error">{error}</p> : null}
      {data && data.length === 0 ? <p className="muted">{t('lead.admin.blacklist.heldEmpty')}</p> : null}
      {data && data.length > 0 ? (
        <table className="lead-table" aria-label={t('lead.admin.blacklist.heldTitle')}>
          <thead><tr>
            <th scope="col">{t('lead.admin.blacklist.order')}</th><th scope="col">{t('lead.admin.blacklist.created')}</th>
            <th scope="col">{t('lead.admin.blacklist.phone')}</th><th scope="col">{t('lead.admin.blacklist.customer')}</th>
            <th scope="col">{t('lead.admin.blacklist.reason')}</th><th scope="col" />
          </tr></thead>
          <tbody>
            {data.map((o) => (
              <tr key={o.id} data-held={o.id}>
                <th scope="row" className="num">{o.id}</th><td className="num">{dateTime(o.createdAt, timeZone)}</td>
                <td className="num">{formatPhoneDisplay(o.phone)}</td><td>{o.customerName} · {o.offerName}</td><td>{o.comment}</td>
                <td className="lead-actions">
                  <button type="button" className="btn btn-small" aria-label={t('lead.admin.blacklist.toQueueOf', { id: o.id })} onClick={() => void decide(o.id, 'queue')}>
                    {t('lead.admin.blacklist.toQueue')}
                  </button>
                  <button type="button" className="btn btn-small" aria-label={t('lead.admin.blacklist.invalidOf', { id: o.id })} onClick={() => void decide(o.id, 'invalid')}>
                    {t('lead.admin.blacklist.invalid')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <StatusLine status={status} />
    </section>
  );
}
