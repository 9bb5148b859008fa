/** One operator's row of the board; re-renders only when its own agent object changes. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { approvalRate, formatRatePct } from '../../../shared/domain/reports';
import { useBoardStore } from '../board-store';
import { formatCount } from '../format';
import { LiveSince } from './LiveSince';
import { QualityBars } from './QualityBars';
import { StateBadge } from './StateBadge';

export type RowAction = 'message' | 'release' | 'offers';

const IN_CALL = new Set(['dialing', 'ringing', 'talking', 'hold']);

/** The row of operator `userId`. */
export const BoardRow = memo(function BoardRow({ userId, onAction }: { userId: number; onAction(action: RowAction, userId: number): void }) {
  const { t } = useTranslation();
  const a = useBoardStore((s) => s.agents[userId]);
  if (!a) return null;
  const c = a.counters;
  const inCall = IN_CALL.has(a.state);
  const canRelease = a.state === 'offline' && a.orderId !== null;
  return (
    <tr className={`lead-row lead-row-${a.state}`} data-user={a.userId} data-state={a.state}>
      <th scope="row" title={a.login}>{a.name}</th>
      <td><StateBadge state={a.state} breakReason={a.breakReason} /></td>
      <td className="r"><LiveSince since={a.since} /></td>
      <td className="lead-order" title={a.orderId !== null ? `#${a.orderId}${a.offerName ? ` · ${a.offerName}` : ''}` : undefined}>
        {a.orderId !== null ? <><span className="num">#{a.orderId}</span>{a.offerName ? ` · ${a.offerName}` : ''}</> : <span className="muted">—</span>}
      </td>
      <td className="r">{inCall && a.callStartedAt ? <LiveSince since={a.callStartedAt} /> : <span className="muted">—</span>}</td>
      <td>{inCall ? <QualityBars quality={a.quality} /> : <span className="muted">—</span>}</td>
      <td className="r num">{formatCount(c.calls)}</td>
      <td className="r num">{formatCount(c.answered)}</td>
      <td className="r num">{formatCount(c.confirmed)}</td>
      <td className="r num">{formatRatePct(approvalRate(c.confirmed, c.processed))}</td>
      <td className="lead-actions">
        <button type="button" className="btn btn-small lead-icon" onClick={() => onAction('message', a.userId)} aria-label={t('lead.board.messageTo', { name: a.name })} title={t('lead.board.message')}>
          <span aria-hidden="true">✉</span>
        </button>
        <button type="button" className="btn btn-small lead-icon" onClick={() => onAction('offers', a.userId)} aria-label={t('lead.board.offersOf', { name: a.name })} title={t('lead.board.offers')}>
          <span aria-hidden="true">☰</span>
        </button>
        {canRelease ? (
          <button type="button" className="btn btn-small lead-release" onClick={() => onAction('release', a.userId)} aria-label={t('lead.board.releaseOf', { name: a.name, id: a.orderId })}>
            {t('lead.board.release')}
          </button>
        ) : null}
      </td>
    </tr>
  );
});
