/**
 * The server's clock. PROZVON_CLOCK_START (an ISO instant; for tests and demos of time rules such as
 * calling windows) starts it at that instant and lets it run on; unset, it is the machine's clock.
 */
export function clockFrom(start: string | undefined, machineNow: () => number = Date.now): () => Date {
  if (start === undefined || start === '') return () => new Date(machineNow());
  const at = Date.parse(start);
  if (Number.isNaN(at)) throw new Error(`PROZVON_CLOCK_START: an ISO instant expected, got «${start}»`);
  const offset = at - machineNow();
  return () => new Date(machineNow() + offset);
}
