/**
 * Call quality (leads and admins): the answered calls of a day — by operator — with their
 * talk time and score; «Оценить» opens the checklist for one call.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QualityCall, QualityItemSchema } from '../../../shared/api/quality';
import { dayWindow, formatDuration, formatRatePct, localDayKeyOf } from '../../../shared/domain/reports';
import { call, useApi } from '../../app/api-context';
import { dateTime, useTimeZone } from '../../app/format';
import { errorText } from '../lead-api';
import { DayInput } from '../reports/DayInput';
import { OperatorOptions } from '../reports/ReportsView';
import { ScoreDialog } from './ScoreDialog';

/** The review list and its filters. */
export function QualityView() {
  const { t } = useTranslation();
  const api = useApi();
  const timeZone = useTimeZone();
  const [day, setDay] = useState(() => localDayKeyOf(new Date(), timeZone));
  const [userId, setUserId] = useState('');
  const [calls, setCalls] = useState<QualityCall[] | null>(null);
  const [items, setItems] = useState<QualityItemSchema[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scoring, setScoring] = useState<QualityCall | null>(null);

  useEffect(() => {
    let live = true;
    call(api, 'quality.items', {})
      .then((r) => { if (live) setItems(r.items.filter((i) => i.active)); })
      .catch((e: unknown) => { if (live) setError(errorText(e)); });
    return () => { live = false; };
  }, [api]);
  useEffect(() => {
    if (!day) return undefined;
    let live = true;
    setCalls(null);
    const w = dayWindow(day, timeZone);
    call(api, 'quality.calls', { from: new Date(w.from).toISOString(), to: new Date(w.to).toISOString(), ...(userId ? { userId: Number(userId) } : {}) })
      .then((r) => { if (live) { setCalls(r.calls); setError(null); } })
      .catch((e: unknown) => { if (live) setError(errorText(e)); });
    return () => { live = false; };
  }, [api, day, userId, timeZone]);

  const saved = (c: QualityCall) => {
    setCalls((list) => (list ?? []).map((x) => (x.callId === c.callId ? c : x)));
    setScoring(null);
  };
  return (
    <section className="lead-quality" aria-label={t('lead.quality.title')}>
      <div className="lead-filters">
        <DayInput label={t('lead.quality.day')} value={day} onChange={setDay} required />
        <div className="lead-field">
          <label>{t('lead.quality.operator')}
            <OperatorOptions value={userId} onChange={setUserId} allLabel={t('lead.quality.allOperators')} />
          </label>
        </div>
      </div>
      {error ? <p role="alert" className="lead-error">{error}</p> : null}
      {items && items.length === 0 ? <p className="muted">{t('lead.quality.noChecklist')}</p> : null}
      {calls === null ? <p className="muted">{t('lead.common.loading')}</p> : calls.length === 0 ? <p className="muted">{t('lead.quality.noCalls')}</p> : (
        <div className="lead-table-wrap" role="region" tabIndex={0} aria-label={t('lead.quality.table')}>
          <table className="lead-table" aria-label={t('lead.quality.table')}>
            <thead>
              <tr>
                <th scope="col">{t('lead.quality.at')}</th>
                <th scope="col">{t('lead.quality.operator')}</th>
                <th scope="col" className="r">{t('lead.quality.order')}</th>
                <th scope="col" className="r">{t('lead.quality.talk')}</th>
                <th scope="col" className="r">{t('lead.quality.score')}</th>
                <th scope="col"><span className="sr-only">{t('lead.quality.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {calls.map((c) => (
                <tr key={c.callId} data-call={c.callId}>
                  <td>{dateTime(c.startedAt, timeZone)}</td>
                  <th scope="row">{c.operatorName}</th>
                  <td className="r num">{c.orderId}</td>
                  <td className="r num">{formatDuration(c.talkSeconds)}</td>
                  <td className="r num" title={c.score?.comment || undefined}>
                    {c.score ? `${c.score.points} / ${c.score.maxPoints} · ${formatRatePct(c.score.ratio)}` : '—'}
                  </td>
                  <td>
                    <button type="button" className="btn" disabled={!items || items.length === 0} onClick={() => setScoring(c)}
                      aria-label={t(c.score ? 'lead.quality.rescoreFor' : 'lead.quality.scoreFor', { name: c.operatorName, order: c.orderId })}>
                      {t(c.score ? 'lead.quality.rescore' : 'lead.quality.scoreIt')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {scoring && items ? <ScoreDialog target={scoring} items={items} onClose={() => setScoring(null)} onSaved={saved} /> : null}
    </section>
  );
}
