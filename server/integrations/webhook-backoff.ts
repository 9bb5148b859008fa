/**
 * The retry schedule of a failed webhook delivery: exponential backoff with jitter, then a dead
 * letter once the next try would fall outside the delivery's window (24 h by default).
 */

/** The schedule's settings (server config: WEBHOOK_BASE_DELAY_MS, WEBHOOK_GIVE_UP_HOURS). */
export type BackoffSettings = { baseDelayMs: number; maxDelayMs: number; giveUpMs: number };

/** What happens after a failed attempt: try again at `at`, or give up. */
export type RetryPlan = { kind: 'retry'; at: Date } | { kind: 'dead' };

/**
 * The delay before try `attempt + 1` after `attempt` failed tries (1-based): base·2^(attempt−1),
 * capped at maxDelayMs, with "equal jitter" — a uniform draw from the upper half — so retries of
 * many deliveries spread out. `random` ∈ [0, 1).
 */
export function retryDelayMs(attempt: number, s: BackoffSettings, random: number): number {
  const ceiling = Math.min(s.maxDelayMs, s.baseDelayMs * 2 ** Math.min(Math.max(attempt - 1, 0), 40));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** The plan after `attempt` failed tries at `now` of a delivery whose window opened at `windowStart`. */
export function retryPlan(attempt: number, now: Date, windowStart: Date, s: BackoffSettings, random: number): RetryPlan {
  const at = now.getTime() + retryDelayMs(attempt, s, random);
  return at > windowStart.getTime() + s.giveUpMs ? { kind: 'dead' } : { kind: 'retry', at: new Date(at) };
}
