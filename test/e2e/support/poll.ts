/** Polling for the e2e tests: the one wait loop behind every `waitFor`/`waitCall`. */

/** Polls `fn` every 100 ms until `ok` holds or `timeoutMs` passes; returns the last value. */
export async function poll<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let v = await fn();
  while (!ok(v) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    v = await fn();
  }
  return v;
}
