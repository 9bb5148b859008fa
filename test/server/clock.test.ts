/** The server's clock (server/clock.ts): the machine's by default; PROZVON_CLOCK_START starts it elsewhere and lets it run. */
import { clockFrom } from '../../server/clock';

test('unset: the machine clock; set: starts at the instant and runs on; malformed: refused', () => {
  let machine = Date.parse('2026-12-02T15:00:00Z');
  const tick = () => machine;
  expect(clockFrom(undefined, tick)().toISOString()).toBe('2026-12-02T15:00:00.000Z');
  const clock = clockFrom('2026-12-02T17:00:00Z', tick);
  expect(clock().toISOString()).toBe('2026-12-02T17:00:00.000Z');
  machine += 90_000;
  expect(clock().toISOString()).toBe('2026-12-02T17:01:30.000Z');
  expect(() => clockFrom('завтра', tick)).toThrow(/PROZVON_CLOCK_START/);
});
