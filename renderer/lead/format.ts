/** Number formats of the lead screens (Russian): percentages, counts, durations. */
import { formatElapsed } from '../header/Elapsed';

const pct = new Intl.NumberFormat('ru-RU', { style: 'percent', maximumFractionDigits: 0 });
const pct1 = new Intl.NumberFormat('ru-RU', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const int = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });

/** `41 %` for 0.41; `—` when there is no ratio (nothing processed). */
export function formatPct(ratio: number | null | undefined, precise = false): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return (precise ? pct1 : pct).format(ratio);
}

/** `12 345` (no-break thousands). */
export function formatCount(n: number): string {
  return int.format(n);
}

/** `m:ss` / `h:mm:ss` for a duration in ms. */
export function formatDuration(ms: number): string {
  return formatElapsed(ms);
}

/** `7:05` hours:minutes for a duration in seconds (report columns). */
export function formatHoursMinutes(seconds: number): string {
  const total = Math.max(0, Math.round(seconds / 60));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
