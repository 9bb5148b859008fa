/** Call quality as four bars (the softphone's rule) plus RTT / jitter / loss in the title and for screen readers. */
import { useTranslation } from 'react-i18next';
import type { CallQuality } from '../../../shared/api/live';
import { qualityBars } from '../../softphone/components/CallBar';

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
