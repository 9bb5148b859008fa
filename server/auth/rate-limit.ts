/**
 * Fixed-window failure counter for logins, per login and per IP: after `max` failures within
 * `windowMs`, further attempts are refused until the window ends.
 */
export class LoginRateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly max = 5, private readonly windowMs = 60_000, private readonly maxPerIp = 30) {}

  /** Milliseconds to wait, or 0 when the attempt may proceed. */
  retryAfter(login: string, ip: string, now = Date.now()): number {
    return Math.max(this.wait(`l:${login.toLowerCase()}`, this.max, now), this.wait(`i:${ip}`, this.maxPerIp, now));
  }

  fail(login: string, ip: string, now = Date.now()): void {
    this.bump(`l:${login.toLowerCase()}`, now);
    this.bump(`i:${ip}`, now);
  }

  succeed(login: string): void {
    this.hits.delete(`l:${login.toLowerCase()}`);
  }

  private wait(key: string, max: number, now: number): number {
    const h = this.hits.get(key);
    if (!h || h.resetAt <= now) return 0;
    return h.count >= max ? h.resetAt - now : 0;
  }

  private bump(key: string, now: number): void {
    const h = this.hits.get(key);
    if (!h || h.resetAt <= now) this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
    else h.count++;
  }
}
