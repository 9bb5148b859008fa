/** A duration since an instant, ticking on the shared 1 s ticker (server clock corrected). */
import { useBoardStore } from '../board-store';
import { useNow } from '../ticker';
import { formatDuration } from '../format';

/** `m:ss` / `h:mm:ss` since `since` (ISO). */
export function LiveSince({ since }: { since: string }) {
  const offset = useBoardStore((s) => s.clockOffsetMs);
  const now = useNow() + offset;
  return <span className="num">{formatDuration(now - Date.parse(since))}</span>;
}
