/**
 * Today's plan progress in the operator header (UI.md: `план 12/30 · 41 %`): confirmed orders of
 * the operator's day against its target and the approval rate (confirmed ÷ processed), fetched from GET plans/me through `server.request` on
 * login, after each saved result and once pending saves have reached the server.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MyPlanResponse } from '../../shared/api/lead';
import { localDayKeyOf } from '../../shared/domain/reports';
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

/** A number that grows on each saved result and each time the outbox drains (the server then counts the saves). */
function useRefreshKey(): number {
  const saved = useOrderStore((s) => (s.notice?.kind === 'saved' ? s.notice : null));
  const drained = useSessionStore((s) => s.sync?.pending === 0);
  const [n, setN] = useState(0);
  useEffect(() => { if (saved) setN((x) => x + 1); }, [saved]);
  useEffect(() => { if (drained) setN((x) => x + 1); }, [drained]);
  return n;
}

/** The plan progress slot of the header. */
export function PlanProgress() {
  const { t } = useTranslation();
  const api = useApi();
  const userId = useSessionStore((s) => s.session?.user.id ?? null);
  const timeZone = useSessionStore((s) => s.session?.timeZone ?? null);
  const refresh = useRefreshKey();
  const [plan, setPlan] = useState<MyPlanResponse | null>(null);

  useEffect(() => {
    if (userId === null || timeZone === null) return undefined;
    let alive = true;
    const day = localDayKeyOf(new Date(), timeZone);
    call(api, 'server.request', { method: 'GET', path: `/plans/me?day=${day}` })
      .then((value) => {
        const parsed = MyPlanResponse.safeParse(value);
        if (alive && parsed.success) setPlan(parsed.data);
      })
      .catch(() => undefined);
    return () => { alive = false; };
  }, [api, userId, timeZone, refresh]);

  return (
    <span className="progress-slot num" aria-label={t('header.progress')} data-testid="plan-progress">
      {planText(plan, t)}
    </span>
  );
}
