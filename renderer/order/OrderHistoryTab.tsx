/** «История»: the order's whole story — results with their comments and authors, calls, status changes, delivery outcomes — oldest first. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderHistory, OrderHistoryEntry } from '../../shared/api/order-history';
import { formatRub } from '../../shared/domain';
import { call, isUnreachable, useApi } from '../app/api-context';
import { dateTime, useTimeZone } from '../app/format';
import { useSessionStore } from '../stores/session-store';

type Loaded = { orderId: number; value: OrderHistory | 'offline' | { error: string } };

/** Loads the order's history from the server each time the tab is opened. */
function useOrderHistory(orderId: number): Loaded['value'] | null {
  const api = useApi();
  const [state, setState] = useState<Loaded | null>(null);
  useEffect(() => {
    let live = true;
    call(api, 'order.history', { orderId })
      .then((value) => { if (live) setState({ orderId, value }); })
      .catch((e: unknown) => {
        if (live) setState({ orderId, value: isUnreachable(e) ? 'offline' : { error: e instanceof Error ? e.message : String(e) } });
      });
    return () => { live = false; };
  }, [api, orderId]);
  return state && state.orderId === orderId ? state.value : null;
}

/** «What happened» of one entry, in words. */
function useDescribe(): (e: OrderHistoryEntry) => string {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  const reasons = useSessionStore((s) => s.reasons);
  return (e) => {
    switch (e.kind) {
      case 'result': {
        const label = reasons.find((r) => r.code === e.problem)?.label ?? e.problem;
        return [
          t('story.result', { result: t(`results.kind.${e.result}`) }),
          label ? t('story.problem', { problem: label }) : null,
          e.callbackAt ? t('story.callbackAt', { at: dateTime(e.callbackAt, timeZone) }) : null,
          e.result === 'confirm' ? t('story.total', { total: formatRub(e.totalKop) }) : null,
        ].filter(Boolean).join(', ');
      }
      case 'call': {
        const talk = e.durationSec > 0 ? t('story.duration', { min: Math.floor(e.durationSec / 60), sec: String(e.durationSec % 60).padStart(2, '0') }) : null;
        return [
          [t('story.call'), e.direction ? t(`story.direction.${e.direction}`) : null].filter(Boolean).join(' '),
          t(`story.outcome.${e.outcome}`),
          talk,
        ].filter(Boolean).join(', ');
      }
      case 'status':
        return e.event === 'returned_to_pool' || e.event === 'held' ? t(`story.event.${e.event}`) : t('story.status', { status: t(`status.${e.status}`) });
      case 'shipment':
        return [
          t('story.shipment', { status: t(`history.shipmentStatus.${e.status}`) }),
          e.amountKop === null ? null : t('story.amount', { amount: formatRub(e.amountKop) }),
          t('story.shipmentId', { id: e.shipmentId }),
        ].filter(Boolean).join(', ');
    }
  };
}

/** The history list of order `orderId` (online only; offline says so). */
export function OrderHistoryTab({ orderId }: { orderId: number }) {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  const describe = useDescribe();
  const history = useOrderHistory(orderId);
  if (history === null) return <p className="muted">{t('story.loading')}</p>;
  if (history === 'offline') return <p className="alert alert-warn">{t('story.offline')}</p>;
  if ('error' in history) return <p className="alert alert-error" role="alert">{t('story.failed', { message: history.error })}</p>;
  if (history.entries.length === 0) return <p className="muted">{t('story.empty')}</p>;
  return (
    <table className="table order-story" aria-label={t('story.label')}>
      <thead>
        <tr><th>{t('story.at')}</th><th>{t('story.what')}</th><th>{t('story.who')}</th><th>{t('story.comment')}</th></tr>
      </thead>
      <tbody>
        {history.entries.map((e, i) => (
          <tr key={i} className={`story-${e.kind}`}>
            <td className="num">{dateTime(e.at, timeZone)}</td>
            <td>
              {describe(e)}
              {e.kind === 'call' && e.pbxVerified ? <> <span className="tag tag-ok">{t('story.pbxVerified')}</span></> : null}
            </td>
            <td>{e.kind === 'result' || e.kind === 'call' ? e.author : <span className="muted">{t('story.nobody')}</span>}</td>
            <td className="story-comment">{e.kind === 'result' ? e.comment : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
