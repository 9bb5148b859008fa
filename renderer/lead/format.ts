/** Number formats of the lead screens (Russian): counts and live durations. */
import { formatElapsed } from '../header/Elapsed';

const int = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });

/** `12 345` (no-break thousands). */
export function formatCount(n: number): string {
  return int.format(n);
}

/** `m:ss` / `h:mm:ss` for a duration in ms (the desk's live-timer format). */
export function formatDuration(ms: number): string {
  return formatElapsed(ms);
}
