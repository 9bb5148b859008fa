/**
 * Scoring one call on the center's checklist: each point met or not, a comment, the total as the
 * shared rule computes it (the server computes it again and stores its own).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QualityCall, QualityItemSchema } from '../../../shared/api/quality';
import { scoreCall } from '../../../shared/domain/quality';
import { formatRatePct } from '../../../shared/domain/reports';
import { call, useApi } from '../../app/api-context';
import { errorText } from '../lead-api';
import { Dialog } from '../Dialog';

/** The dialog; `onSaved` gets the call as the server stored its score. */
export function ScoreDialog({ target, items, onClose, onSaved }: {
  target: QualityCall; items: readonly QualityItemSchema[]; onClose(): void; onSaved(c: QualityCall): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const commentId = useId();
  const [met, setMet] = useState<Record<number, boolean>>(() => Object.fromEntries((target.score?.items ?? []).map((i) => [i.itemId, i.met])));
  const [comment, setComment] = useState(target.score?.comment ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const answers = items.map((i) => ({ itemId: i.id, met: met[i.id] === true }));
  const preview = scoreCall(items.map((i) => ({ ...i, active: true })), answers);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await call(api, 'quality.score', { callId: target.callId, answers, comment }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('lead.quality.scoreTitle', { name: target.operatorName, order: target.orderId })} onClose={onClose}>
      <fieldset className="lead-quality-items">
        <legend>{t('lead.quality.checklist')}</legend>
        {items.map((i) => (
          <label key={i.id} className="lead-check">
            <input type="checkbox" checked={met[i.id] === true} onChange={(e) => setMet((m) => ({ ...m, [i.id]: e.target.checked }))} />
            {i.text} <span className="muted">{t('lead.quality.points', { count: i.points })}</span>
          </label>
        ))}
      </fieldset>
      {preview.ok ? (
        <p aria-live="polite" data-testid="score-total">
          {t('lead.quality.total', { points: preview.score.points, max: preview.score.maxPoints, pct: formatRatePct(preview.score.ratio) })}
        </p>
      ) : null}
      <div className="lead-field">
        <label htmlFor={commentId}>{t('lead.quality.comment')}</label>
        <textarea id={commentId} rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      {error ? <p role="alert" className="lead-error">{error}</p> : null}
      <div className="lead-actions">
        <button type="button" className="btn primary" disabled={busy} onClick={() => { void save(); }}>{t('lead.quality.save')}</button>
        <button type="button" className="btn" onClick={onClose}>{t('lead.common.cancel')}</button>
      </div>
    </Dialog>
  );
}
