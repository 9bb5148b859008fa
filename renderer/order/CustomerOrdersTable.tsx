/** The customer's orders as a table: the one row layout of the screen pop and «Заказы клиента». */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerHistory } from '../../shared/api/http';
import { formatRub } from '../../shared/domain';
import { dateTime, useTimeZone } from '../app/format';

export type CustomerOrder = CustomerHistory['orders'][number];

/** Number, created, status (with the delivery outcome), offer and total of each order, then the caller's own last column (`lastHead` a th, `lastCell` a td). */
export function CustomerOrdersTable({ orders, lastHead, lastCell }: {
  orders: CustomerOrder[];
  lastHead: ReactNode;
  lastCell: (o: CustomerOrder) => ReactNode;
}) {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  return (
    <table className="table">
      <thead>
        <tr>
          <th>{t('queue.col.id')}</th><th>{t('queue.col.created')}</th><th>{t('history.status')}</th>
          <th>{t('queue.col.offer')}</th><th className="right">{t('history.total')}</th>{lastHead}
        </tr>
      </thead>
      <tbody>
        {orders.map((o) => (
          <tr key={o.id}>
            <td className="num">{o.id}</td>
            <td className="num">{dateTime(o.createdAt, timeZone)}</td>
            <td>
              <span className={`status status-${o.status}`}>{t(`status.${o.status}`)}</span>
              {o.shipmentStatus ? <> · <span className="muted">{t(`history.shipmentStatus.${o.shipmentStatus}`)}</span></> : null}
            </td>
            <td>{o.offerName}</td>
            <td className="num right">{formatRub(o.totalKop)}</td>
            {lastCell(o)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
