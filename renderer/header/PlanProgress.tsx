/**
 * Today's plan progress in the operator header (`план 12/30 · 41 %`): confirmed orders of
 * the operator's day against its target and the approval rate (confirmed ÷ processed), fetched over `plans.mine` (GET plans/me) on
 * login, after each saved result, once pending saves have reached the server and when the live
 * channel says the lead changed this operator's plan (`plan.changed`).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyPlanResponse } from '../../shared/api/lead';
import { localDayKeyOf } from '../../shared/domain/reports';
import type { Api } from '../../shared/ipc/contract';
import { call, useApi } from '../app/api-context';
import { useOrderStore } from '../stores/order-store';
import { useSessionStore } from '../stores/session-store';

/** The header text of a plan answer (null = not known: offline, refused or malformed). */
export function planText(plan: MyPlanResponse | null, t: (key: string, opts?: Record<string, unknown>) => string): string {
  if (!plan) return t('header.progressNone');
  if (plan.targetConfirmed === null) return t('header.planNone');
  return plan.approvalRate === null
    ? t('header.planNoRatio', { confirmed: plan.confirmed, target: plan.targetConfirmed })
    : t('header.plan', { confirmed: plan.confirmed, target: plan.targetConfirmed, pct: Math.round(plan.approvalRate * 100) });
}

/**
 * A number that grows on each saved result, each time the outbox drains (the server then counts
 * the saves) and on each live `plan.changed` message (the lead set this operator's plan).
 */
function useRefreshKey(api: Api): number {
  const saved = useOrderStore((s) => (s.notice?.kind === 'saved' ? s.notice : null));
  const drained = useSessionStore((s) => s.sync?.pending === 0);
  const [n, setN] = useState(0);
  useEffect(() => { if (saved) setN((x) => x + 1); }, [saved]);
  useEffect(() => { if (drained) setN((x) => x + 1); }, [drained]);
  useEffect(() => api.on('live.message', (m) => { if (m.type === 'plan.changed') setN((x) => x + 1); }), [api]);
  return n;
}

/** The plan progress slot of the header. */
export function PlanProgress() {
  const { t } = useTranslation();
  const api = useApi();
  const userId = useSessionStore((s) => s.session?.user.id ?? null);
  const timeZone = useSessionStore((s) => s.session?.timeZone ?? null);
  const refresh = useRefreshKey(api);
  const [plan, setPlan] = useState<MyPlanResponse | null>(null);

  useEffect(() => {
    if (userId === null || timeZone === null) return undefined;
    let alive = true;
    const day = localDayKeyOf(new Date(), timeZone);
    call(api, 'plans.mine', { day })
      .then((value) => { if (alive) setPlan(value); })
      .catch(() => undefined);
    return () => { alive = false; };
  }, [api, userId, timeZone, refresh]);

  return (
    <span className="progress-slot num" data-testid="plan-progress">
      <span className="sr-only">{`${t('header.progress')}: `}</span>{planText(plan, t)}
    </span>
  );
}
