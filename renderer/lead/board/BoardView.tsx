/** The team lead's live board: queue sizes above, the operators' table, alerts on the right. */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { sortedAgentIds, useBoardStore, type BoardSort } from '../board-store';
import { BoardRow, type RowAction } from './BoardRow';
import { QueueSizes } from './QueueSizes';
import { BlacklistHeld } from '../admin/BlacklistHeld';
import { AlertsPanel } from './AlertsPanel';
import { MessageDialog } from './MessageDialog';
import { ReleaseDialog } from './ReleaseDialog';
import { OffersDialog } from './OffersDialog';

const SORTABLE: { key: BoardSort; label: string; right?: boolean }[] = [
  { key: 'name', label: 'lead.board.col.operator' },
  { key: 'state', label: 'lead.board.col.state' },
  { key: 'since', label: 'lead.board.col.inState', right: true },
];

/** The board screen (the store is fed by useBoardLive, mounted by LeadHome). */
export function BoardView() {
  const { t } = useTranslation();
  const sort = useBoardStore((s) => s.sort);
  const setSort = useBoardStore((s) => s.setSort);
  const ids = useBoardStore(useShallow((s) => sortedAgentIds(s.agents, s.sort)));
  const loaded = useBoardStore((s) => s.loaded);
  const error = useBoardStore((s) => s.error);
  const [dialog, setDialog] = useState<{ action: RowAction; userId: number } | null>(null);
  const onAction = useCallback((action: RowAction, userId: number) => setDialog({ action, userId }), []);
  const agent = useBoardStore((s) => (dialog ? s.agents[dialog.userId] : undefined));
  const close = () => setDialog(null);
  const sortHeader = (key: BoardSort, label: string, right = false) => (
    <th key={key} scope="col" className={right ? 'r' : undefined} aria-sort={sort === key ? 'ascending' : 'none'}>
      <button type="button" className="lead-sort" onClick={() => setSort(key)}>{t(label)}{sort === key ? ' ▲' : ''}</button>
    </th>
  );
  return (
    <section className="lead-board" aria-label={t('lead.board.title')}>
      <QueueSizes />
      <BlacklistHeld />
      {error ? <p role="alert" className="lead-error">{t('lead.board.loadError', { message: error })}</p> : null}
      <div className="lead-board-main">
        <div className="lead-table-wrap">
          <table className="lead-table" aria-label={t('lead.board.table')}>
            <thead>
              <tr>
                {SORTABLE.map((c) => sortHeader(c.key, c.label, c.right))}
                <th scope="col">{t('lead.board.col.order')}</th>
                <th scope="col" className="r">{t('lead.board.col.call')}</th>
                <th scope="col">{t('lead.board.col.quality')}</th>
                <th scope="col" className="r">{t('lead.board.col.calls')}</th>
                <th scope="col" className="r">{t('lead.board.col.answered')}</th>
                <th scope="col" className="r">{t('lead.board.col.confirmed')}</th>
                <th scope="col" className="r">{t('lead.board.col.approval')}</th>
                <th scope="col">{t('lead.board.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {ids.map((id) => <BoardRow key={id} userId={id} onAction={onAction} />)}
            </tbody>
          </table>
          {loaded && ids.length === 0 ? <p className="muted">{t('lead.board.empty')}</p> : null}
          {!loaded && !error ? <p role="status">{t('lead.common.loading')}</p> : null}
        </div>
        <AlertsPanel />
      </div>
      {dialog && agent && dialog.action === 'message' ? <MessageDialog userId={agent.userId} name={agent.name} onClose={close} /> : null}
      {dialog && agent && dialog.action === 'release' && agent.orderId !== null ? <ReleaseDialog orderId={agent.orderId} name={agent.name} onClose={close} /> : null}
      {dialog && agent && dialog.action === 'offers' ? <OffersDialog userId={agent.userId} name={agent.name} onClose={close} /> : null}
    </section>
  );
}
