/** A self-updating `mm:ss` / `h:mm:ss` since an instant (re-renders only itself). */
import { useEffect, useState } from 'react';

/** `m:ss` under an hour, `h:mm:ss` beyond. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Time elapsed since `since` (ISO), ticking each second. */
export function Elapsed({ since }: { since: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return <span className="num">{formatElapsed(now - Date.parse(since))}</span>;
}
