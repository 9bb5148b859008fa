import {
  approvalRate, averageOrderValueKop, boardAlerts, dayWindow, formatDuration, formatRatePct, localDayKeyOf, localHourOf,
  noAnswerStreak, parseDayKey, planProgress, reportBuckets, resultFigures, timeInStates, upsellRate, type StateEvent,
} from '../../shared/domain/reports';

const TZ = 'Europe/Moscow';

/**
 * Hand-computed fixture: an evening shift from 21:00 MSK on 27.11 to 01:30 MSK on 28.11, with a
 * lunch break across local midnight (23:30–00:15 MSK).
 */
export const SHIFT: StateEvent[] = [
  { state: 'ready', at: '2026-11-27T18:00:00.000Z' },
  { state: 'dialing', at: '2026-11-27T19:30:00.000Z' },
  { state: 'ringing', at: '2026-11-27T19:31:00.000Z' },
  { state: 'talking', at: '2026-11-27T19:32:00.000Z' },
  { state: 'wrapUp', at: '2026-11-27T19:40:00.000Z' },
  { state: 'ready', at: '2026-11-27T19:45:00.000Z' },
  { state: 'break', at: '2026-11-27T20:30:00.000Z' },
  { state: 'ready', at: '2026-11-27T21:15:00.000Z' },
  { state: 'talking', at: '2026-11-27T22:00:00.000Z' },
  { state: 'wrapUp', at: '2026-11-27T22:20:00.000Z' },
  { state: 'offline', at: '2026-11-27T22:30:00.000Z' },
];
const LATER = Date.parse('2026-11-29T12:00:00Z');

describe('time in states, clipped to local days of the center zone', () => {
  test('day windows are local midnights (MSK = UTC+3)', () => {
    expect(dayWindow('2026-11-28', TZ)).toEqual({ from: Date.parse('2026-11-27T21:00:00Z'), to: Date.parse('2026-11-28T21:00:00Z') });
  });

  test('the evening of 27.11: 21:00–24:00 MSK', () => {
    expect(timeInStates(SHIFT, dayWindow('2026-11-27', TZ), LATER)).toEqual({
      loggedIn: 3 * 3600, ready: 135 * 60, talking: 10 * 60, break: 30 * 60, wrapUp: 5 * 60,
    });
  });

  test('the night of 28.11: 00:00–01:30 MSK, the break after midnight counts here', () => {
    expect(timeInStates(SHIFT, dayWindow('2026-11-28', TZ), LATER)).toEqual({
      loggedIn: 90 * 60, ready: 45 * 60, talking: 20 * 60, break: 15 * 60, wrapUp: 10 * 60,
    });
  });

  test('the month bucket sums both days; events order does not matter', () => {
    const [nov] = reportBuckets('2026-11-01', '2026-11-30', TZ, 'month');
    expect(nov?.key).toBe('2026-11');
    expect(timeInStates([...SHIFT].reverse(), nov as { from: number; to: number }, LATER)).toEqual({
      loggedIn: 270 * 60, ready: 180 * 60, talking: 30 * 60, break: 45 * 60, wrapUp: 15 * 60,
    });
  });

  test('the latest state lasts until now; a state started before the window counts from its start', () => {
    const ev: StateEvent[] = [{ state: 'ready', at: '2026-11-27T20:00:00Z' }];
    expect(timeInStates(ev, dayWindow('2026-11-28', TZ), Date.parse('2026-11-27T22:00:00Z')).ready).toBe(3600);
    expect(timeInStates(ev, dayWindow('2026-11-26', TZ), LATER)).toEqual({ loggedIn: 0, ready: 0, talking: 0, break: 0, wrapUp: 0 });
  });
});

describe('buckets', () => {
  test('days and months, clipped to the range', () => {
    expect(reportBuckets('2026-11-27', '2026-11-28', TZ, 'day').map((b) => b.key)).toEqual(['2026-11-27', '2026-11-28']);
    const months = reportBuckets('2026-10-30', '2026-11-02', TZ, 'month');
    expect(months.map((b) => b.key)).toEqual(['2026-10', '2026-11']);
    expect(months[0]?.from).toBe(Date.parse('2026-10-29T21:00:00Z'));
    expect(months[1]?.to).toBe(Date.parse('2026-11-02T21:00:00Z'));
  });
  test('refuses reversed and overlong ranges', () => {
    expect(() => reportBuckets('2026-11-02', '2026-11-01', TZ, 'day')).toThrow(/before/);
    expect(() => reportBuckets('2020-01-01', '2026-11-01', TZ, 'day')).toThrow(/longer/);
  });
  test('a DST day is 23 hours long where the zone has DST', () => {
    const w = dayWindow('2026-03-08', 'America/New_York');
    expect(w.to - w.from).toBe(23 * 3600 * 1000);
  });
  test('local day and hour of instants', () => {
    expect(localDayKeyOf('2026-11-27T21:30:00Z', TZ)).toBe('2026-11-28');
    expect(localHourOf('2026-11-27T21:30:00Z', TZ)).toBe(0);
    expect(parseDayKey('2026-02-30')).toBeNull();
  });
});

describe('order figures', () => {
  const facts = [
    { orderId: 1, result: 'noAnswer' as const, goodsKop: 0, extraItems: 0 },
    { orderId: 1, result: 'confirm' as const, goodsKop: 250_000, extraItems: 1 },
    { orderId: 2, result: 'cancel' as const, goodsKop: 0, extraItems: 0 },
    { orderId: 3, result: 'confirm' as const, goodsKop: 150_000, extraItems: 0 },
    { orderId: 4, result: 'invalid' as const, goodsKop: 0, extraItems: 0 },
  ];
  test('processed counts distinct orders; approval = confirmed ÷ processed', () => {
    const f = resultFigures(facts);
    expect(f).toEqual({
      byResult: { confirm: 2, callback: 0, noAnswer: 1, cancel: 1, invalid: 1 },
      processed: 4, confirmed: 2, confirmedWithExtras: 1, revenueKop: 400_000,
    });
    expect(approvalRate(f.confirmed, f.processed)).toBe(0.5);
    expect(averageOrderValueKop(f.revenueKop, f.confirmed)).toBe(200_000);
    expect(upsellRate(f.confirmedWithExtras, f.confirmed)).toBe(0.5);
  });
  test('empty figures give null rates, not NaN', () => {
    expect(approvalRate(0, 0)).toBeNull();
    expect(averageOrderValueKop(0, 0)).toBeNull();
    expect(upsellRate(0, 0)).toBeNull();
    expect(planProgress(null, 3).ratio).toBeNull();
    expect(planProgress(4, 3).ratio).toBe(0.75);
  });
  test('formats', () => {
    expect(formatRatePct(3 / 7)).toBe('42,9\u00a0%');
    expect(formatRatePct(null)).toBe('—');
    expect(formatDuration(3723)).toBe('1:02:03');
  });
});

describe('board rules', () => {
  test('no-answer streak counts from the newest call to the last answered one', () => {
    expect(noAnswerStreak(['noAnswer', 'busy', 'failed', 'answered', 'noAnswer'])).toBe(3);
    expect(noAnswerStreak(['answered', 'noAnswer'])).toBe(0);
  });
  test('alerts: long call, long break, streak, SIP unregistered', () => {
    const now = new Date('2026-11-28T10:00:00Z');
    const base = { state: 'talking' as const, since: '2026-11-28T09:45:00Z', callStartedAt: '2026-11-28T09:49:00Z', sipRegistered: true, noAnswerStreak: 0 };
    expect(boardAlerts(base, now)).toEqual(['longCall']);
    expect(boardAlerts({ ...base, callStartedAt: '2026-11-28T09:55:00Z' }, now)).toEqual([]);
    expect(boardAlerts({ ...base, state: 'break', since: '2026-11-28T09:40:00Z' }, now)).toEqual(['longBreak']);
    expect(boardAlerts({ ...base, state: 'ready', noAnswerStreak: 5, sipRegistered: false }, now)).toEqual(['noAnswerStreak', 'sipUnregistered']);
    expect(boardAlerts({ ...base, state: 'offline', sipRegistered: false }, now)).toEqual([]);
    expect(boardAlerts({ ...base, state: 'break', since: '2026-11-28T09:40:00Z' }, now, { longCallMin: 10, longBreakMin: 30, noAnswerStreak: 5 })).toEqual([]);
  });
});
