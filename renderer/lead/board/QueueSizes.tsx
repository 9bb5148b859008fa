/** Queue sizes per tab above the board. */
import { useTranslation } from 'react-i18next';
import { QUEUE_TABS } from '../../../shared/domain/tabs';
import { useBoardStore } from '../board-store';
import { formatCount } from '../format';

/** One labelled figure per queue tab. */
export function QueueSizes() {
  const { t } = useTranslation();
  const queue = useBoardStore((s) => s.queue);
  return (
    <ul className="lead-queues" aria-label={t('lead.board.queues')}>
      {QUEUE_TABS.map((tab) => (
        <li key={tab} data-tab={tab}>
          <span className="lead-queue-label">{t(`lead.tab.${tab}`)}</span>
          <span className="num">{formatCount(queue[tab] ?? 0)}</span>
        </li>
      ))}
    </ul>
  );
}
