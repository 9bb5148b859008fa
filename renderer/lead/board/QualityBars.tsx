/** Call quality as four bars plus the RTT / jitter / loss figures in the title and for screen readers. */
import { useTranslation } from 'react-i18next';
import type { CallQuality } from '../../../shared/api/live';

/**
 * 0–4 bars from a quality sample: start at 4 and lose a bar for each figure past its limit
 * (RTT > 300 ms, jitter > 30 ms, loss > 2 %), two for a severe one (RTT > 600, jitter > 60, loss > 8 %).
 */
export function qualityBars(q: CallQuality): number {
  let bars = 4;
  const step = (v: number | null, warn: number, bad: number) => {
    if (v === null) return;
    if (v > bad) bars -= 2;
    else if (v > warn) bars -= 1;
  };
  step(q.rttMs, 300, 600);
  step(q.jitterMs, 30, 60);
  step(q.lossPct, 2, 8);
  return Math.max(0, bars);
}

const num = (v: number | null, digits = 0) => (v === null ? '—' : v.toFixed(digits).replace('.', ','));

/** The quality cell: empty outside a call. */
export function QualityBars({ quality }: { quality: CallQuality | null }) {
  const { t } = useTranslation();
  if (!quality) return <span className="muted">—</span>;
  const bars = qualityBars(quality);
  const text = t('lead.board.qualityText', { rtt: num(quality.rttMs), jitter: num(quality.jitterMs), loss: num(quality.lossPct, 1) });
  return (
    <span className={`lead-quality lead-quality-${bars}`} title={text}>
      <span className="lead-bars" aria-hidden="true">
        {[1, 2, 3, 4].map((i) => <span key={i} className={i <= bars ? 'on' : 'off'} style={{ height: `${3 + i * 3}px` }} />)}
      </span>
      <span className="sr-only">{text}</span>
    </span>
  );
}
