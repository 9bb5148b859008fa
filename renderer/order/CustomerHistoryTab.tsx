/** «Заказы клиента»: the customer's other orders by phone (tells "our customer" from a stranger). */
import { useTranslation } from 'react-i18next';
import type { CustomerHistory } from '../../shared/api/http';
import { formatRub } from '../../shared/domain';
import { dateTime, useTimeZone } from '../app/format';

/** The list of the customer's orders (`null` while loading, `'offline'` when the server is away). */
export function CustomerHistoryTab({ history, currentId }: { history: CustomerHistory | null | 'offline'; currentId: number }) {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  if (history === 'offline') return <p className="alert alert-warn">{t('history.offline')}</p>;
  if (history === null) return <p className="muted">{t('common.loading')}</p>;
  const others = history.orders.filter((o) => o.id !== currentId);
  return (
    <div className="history">
      <p className={`tag ${others.length > 0 ? 'tag-ok' : 'tag-muted'}`}>{others.length > 0 ? t('history.ours', { count: others.length }) : t('history.stranger')}</p>
      {others.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>{t('queue.col.id')}</th><th>{t('queue.col.created')}</th><th>{t('history.status')}</th>
              <th>{t('queue.col.offer')}</th><th className="right">{t('history.total')}</th><th>{t('history.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {others.map((o) => (
              <tr key={o.id}>
                <td className="num">{o.id}</td>
                <td className="num">{dateTime(o.createdAt, timeZone)}</td>
                <td><span className={`status status-${o.status}`}>{t(`status.${o.status}`)}</span></td>
                <td>{o.offerName}</td>
                <td className="num right">{formatRub(o.totalKop)}</td>
                <td className="muted">{o.comment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
