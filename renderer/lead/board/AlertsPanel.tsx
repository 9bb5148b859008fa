/** The alerts column: rules of shared/domain/reports (boardAlerts), re-evaluated each second. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { boardAlerts, type BoardAlertKind } from '../../../shared/domain/reports';
import type { BoardAgent } from '../../../shared/api/live';
import { useBoardStore } from '../board-store';
import { useNow } from '../ticker';
import { formatDuration } from '../format';

export interface LiveAlert { userId: number; name: string; kind: BoardAlertKind; sinceMs: number }

/** Every alert of the board at `nowMs`, most severe kinds first, then the oldest. */
export function liveAlerts(agents: Record<number, BoardAgent>, nowMs: number, thresholds: Parameters<typeof boardAlerts>[2]): LiveAlert[] {
  const order: BoardAlertKind[] = ['sipUnregistered', 'longCall', 'longBreak', 'noAnswerStreak'];
  const out: LiveAlert[] = [];
  for (const a of Object.values(agents)) {
    const kinds = boardAlerts({
      state: a.state, since: a.since, callStartedAt: a.callStartedAt, sipRegistered: a.sipRegistered,
      noAnswerStreak: a.counters.noAnswerStreak,
    }, new Date(nowMs), thresholds);
    for (const kind of kinds) {
      const since = kind === 'longCall' ? (a.callStartedAt ?? a.since) : a.since;
      out.push({ userId: a.userId, name: a.name, kind, sinceMs: Date.parse(since) });
    }
  }
  return out.sort((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind) || x.sinceMs - y.sinceMs || x.userId - y.userId);
}

/** The alerts list on the right of the board. */
export function AlertsPanel() {
  const { t } = useTranslation();
  const agents = useBoardStore((s) => s.agents);
  const thresholds = useBoardStore((s) => s.thresholds);
  const offset = useBoardStore((s) => s.clockOffsetMs);
  const now = useNow() + offset;
  const alerts = useMemo(() => liveAlerts(agents, now, thresholds), [agents, now, thresholds]);
  return (
    <aside className="lead-alerts" aria-labelledby="lead-alerts-title">
      <h3 id="lead-alerts-title">{t('lead.alerts.title')} <span className="num">{alerts.length}</span></h3>
      {alerts.length === 0 ? <p className="muted">{t('lead.alerts.none')}</p> : (
        <ul role="list">
          {alerts.map((a) => (
            <li key={`${a.userId}-${a.kind}`} className={`lead-alert lead-alert-${a.kind}`} data-user={a.userId} data-kind={a.kind}>
              <strong>{a.name}</strong>{' '}
              {t(`lead.alerts.${a.kind}`, {
                n: a.kind === 'noAnswerStreak' ? agents[a.userId]?.counters.noAnswerStreak ?? 0 : 0,
                time: formatDuration(now - a.sinceMs),
              })}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
