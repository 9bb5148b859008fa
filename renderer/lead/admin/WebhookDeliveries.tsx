/** The recent deliveries of one webhook endpoint: state, attempts, last status, latency, error; replay of a dead letter. */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookEndpoint } from '../../../shared/api/webhooks';
import type { Api } from '../../../shared/ipc/contract';
import { formatDateTimeRu } from '../../../shared/domain/comment';
import { call, useApi } from '../../app/api-context';
import { errorText } from '../lead-api';
import { StatusLine, type Status } from '../StatusLine';
import { useAdminLoad } from './use-admin-load';

/** The deliveries table of `endpoint`, reloadable, with a close button. */
export function WebhookDeliveries({ endpoint, onClose }: { endpoint: WebhookEndpoint; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const fetcher = useCallback((a: Api) => call(a, 'admin.webhookDeliveries', { id: endpoint.id }), [endpoint.id]);
  const { data, error, reload } = useAdminLoad(fetcher);
  const [status, setStatus] = useState<Status | null>(null);
  const when = (iso: string | null) => (iso ? formatDateTimeRu(new Date(iso), Intl.DateTimeFormat().resolvedOptions().timeZone) : '—');
  const replay = async (id: number) => {
    try {
      await call(api, 'admin.replayDelivery', { id });
      setStatus({ kind: 'ok', text: t('lead.admin.webhooks.replayed') });
      reload();
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e) });
    }
  };
  const title = t('lead.admin.webhooks.deliveriesTitle', { name: endpoint.url });
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <div className="lead-buttons">
        <button type="button" className="btn btn-small" onClick={reload}>{t('lead.admin.webhooks.refresh')}</button>
        <button type="button" className="btn btn-small" onClick={onClose}>{t('lead.admin.webhooks.close')}</button>
        <StatusLine status={status} />
      </div>
      {error ? <p role="alert" className="lead-error">{error}</p> : null}
      {data && data.deliveries.length === 0 ? <p>{t('lead.admin.webhooks.noDeliveries')}</p> : null}
      {data && data.deliveries.length > 0 ? (
        <table className="lead-table" aria-label={title}>
          <thead><tr>
            <th scope="col">{t('lead.admin.webhooks.event')}</th><th scope="col">{t('lead.admin.webhooks.order')}</th>
            <th scope="col">{t('lead.admin.webhooks.kinds')}</th><th scope="col">{t('lead.admin.webhooks.state')}</th>
            <th scope="col" className="r">{t('lead.admin.webhooks.attempts')}</th><th scope="col" className="r">{t('lead.admin.webhooks.httpStatus')}</th>
            <th scope="col" className="r">{t('lead.admin.webhooks.latency')}</th><th scope="col">{t('lead.admin.webhooks.error')}</th>
            <th scope="col">{t('lead.admin.webhooks.when')}</th><th scope="col" />
          </tr></thead>
          <tbody>
            {data.deliveries.map((d) => (
              <tr key={d.id} data-delivery={d.id} data-state={d.state}>
                <th scope="row" className="num">{d.eventId}</th><td className="num">{d.orderId}</td>
                <td>{t(`lead.admin.webhooks.kind.${d.kind}`)}</td><td>{t(`lead.admin.webhooks.deliveryState.${d.state}`)}</td>
                <td className="r num">{d.attempts}</td><td className="r num">{d.lastStatus ?? '—'}</td>
                <td className="r num">{d.lastLatencyMs === null ? '—' : t('lead.admin.webhooks.ms', { ms: d.lastLatencyMs })}</td>
                <td>{d.lastError ?? ''}</td>
                <td>{d.state === 'pending' ? t('lead.admin.webhooks.nextAt', { at: when(d.nextAttemptAt) }) : when(d.deliveredAt ?? d.lastAttemptAt)}</td>
                <td className="lead-actions">
                  {d.state === 'dead' ? (
                    <button type="button" className="btn btn-small" aria-label={t('lead.admin.webhooks.replayOf', { id: d.eventId })} onClick={() => void replay(d.id)}>
                      {t('lead.admin.webhooks.replay')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
