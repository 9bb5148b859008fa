import type { Sql } from '../db/db';

/**
 * Fixed-window login attempt counter per login and per IP, kept in PostgreSQL/PGlite
 * (`login_attempts`) so that it holds across server processes. Every attempt is counted
 * atomically BEFORE the password is checked (parallel attempts cannot slip past the limit); a
 * successful login clears the login's counter and gives its attempt back to the IP. After `max`
 * attempts of a login (or `maxPerIp` of an IP) within `windowMs`, attempts are refused until
 * the window ends.
 */
export class LoginRateLimiter {
  constructor(
    private readonly sql: Sql,
    private readonly max = 5,
    private readonly windowMs = 60_000,
    private readonly maxPerIp = 30,
  ) {}

  /** Counts one attempt; milliseconds to wait when over a limit (the attempt is refused), else 0. */
  async attempt(login: string, ip: string, now: Date): Promise<number> {
    const [loginKey, ipKey] = [keyOfLogin(login), keyOfIp(ip)];
    await this.sql.query('DELETE FROM login_attempts WHERE window_ends_at <= $1', [now.toISOString()]);
    const { rows } = await this.sql.query<{ key: string; count: number; window_ends_at: Date | string }>(
      `INSERT INTO login_attempts (key, count, window_ends_at)
       SELECT k, 1, $3::timestamptz FROM unnest($1::text[]) AS k
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN login_attempts.window_ends_at <= $2::timestamptz THEN 1 ELSE login_attempts.count + 1 END,
         window_ends_at = CASE WHEN login_attempts.window_ends_at <= $2::timestamptz THEN EXCLUDED.window_ends_at ELSE login_attempts.window_ends_at END
       RETURNING key, count, window_ends_at`,
      [[loginKey, ipKey], now.toISOString(), new Date(now.getTime() + this.windowMs).toISOString()],
    );
    let wait = 0;
    for (const r of rows) {
      const limit = r.key === loginKey ? this.max : this.maxPerIp;
      if (r.count > limit) wait = Math.max(wait, new Date(r.window_ends_at).getTime() - now.getTime());
    }
    return wait;
  }

  /** A successful login: the login's counter is cleared, the IP gets its attempt back. */
  async succeed(login: string, ip: string): Promise<void> {
    await this.sql.query('DELETE FROM login_attempts WHERE key = $1', [keyOfLogin(login)]);
    await this.sql.query('UPDATE login_attempts SET count = greatest(count - 1, 0) WHERE key = $1', [keyOfIp(ip)]);
  }
}

const keyOfLogin = (login: string) => `l:${login.toLowerCase()}`;
const keyOfIp = (ip: string) => `i:${ip}`;
