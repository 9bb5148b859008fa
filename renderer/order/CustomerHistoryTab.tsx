/** «Заказы клиента»: the customer's other orders by phone (tells "our customer" from a stranger), their delivery outcomes and the customer's marks. */
import { useTranslation } from 'react-i18next';
import type { CustomerHistory } from '../../shared/api/http';
import { CustomerOrdersTable } from './CustomerOrdersTable';
import { NonBuyerFlag } from './NonBuyerFlag';

/** The list of the customer's orders (`null` while loading, `'offline'` when the server is away). */
export function CustomerHistoryTab({ history, currentId }: { history: CustomerHistory | null | 'offline'; currentId: number }) {
  const { t } = useTranslation();
  if (history === 'offline') return <p className="alert alert-warn">{t('history.offline')}</p>;
  if (history === null) return <p className="muted">{t('common.loading')}</p>;
  const others = history.orders.filter((o) => o.id !== currentId);
  return (
    <div className="history">
      <p className={`tag ${others.length > 0 ? 'tag-ok' : 'tag-muted'}`}>{others.length > 0 ? t('history.ours', { count: others.length }) : t('history.stranger')}</p>
      <p className="history-marks"><NonBuyerFlag buyer={history.buyer} record /></p>
      {others.length > 0 ? (
        <CustomerOrdersTable orders={others} lastHead={<th>{t('history.comment')}</th>} lastCell={(o) => <td className="muted">{o.comment}</td>} />
      ) : null}
    </div>
  );
}
