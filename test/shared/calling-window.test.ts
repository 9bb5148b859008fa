/**
 * Calling windows in the customer's time: Kaliningrad (UTC+2) and Kamchatka (UTC+12), zones without
 * DST, the customer's day against the center's, the unknown-zone rule, moving the automatic callback.
 */
import fc from 'fast-check';
import {
  CallingWindow, DEFAULT_CALLING_WINDOW, RUSSIAN_ZONES, autoCallbackAt, centerContextOf, customerTimeOf, insideForUnknownZone,
  moveIntoWindow, parseCallingWindow, resultContextFor, resultDefaults, validateResult, windowState, DEFAULT_REASONS, emptyAddress, type SaveResultArgs,
} from '../../shared/domain';

const W = DEFAULT_CALLING_WINDOW;
const MSK = 'Europe/Moscow';

describe('CallingWindow', () => {
  test('09:00–21:00 by default; start must be before end', () => {
    expect(W).toEqual({ start: '09:00', end: '21:00' });
    expect(CallingWindow.safeParse({ start: '10:00', end: '20:00' }).success).toBe(true);
    expect(CallingWindow.safeParse({ start: '21:00', end: '09:00' }).success).toBe(false);
    expect(CallingWindow.safeParse({ start: '9:00', end: '20:00' }).success).toBe(false);
    expect(centerContextOf({}).callingWindow).toEqual(W);
    expect(centerContextOf({ callingWindow: { start: '10:00', end: '20:00' } }).callingWindow).toEqual({ start: '10:00', end: '20:00' });
    expect(centerContextOf({ callingWindow: { start: '22:00', end: '20:00' } }).callingWindow).toEqual(W);
  });

  test('CALLING_WINDOW text: HH:MM-HH:MM, 24:00 as the end only', () => {
    expect(parseCallingWindow('10:00-20:30')).toEqual({ start: '10:00', end: '20:30' });
    expect(parseCallingWindow('00:00-24:00')).toEqual({ start: '00:00', end: '24:00' });
    expect(parseCallingWindow('24:00-24:00')).toBeNull();
    expect(parseCallingWindow('20:00-10:00')).toBeNull();
    expect(parseCallingWindow(undefined)).toBeNull();
    expect(windowState(null, new Date('2026-12-02T23:59:59Z'), { start: '00:00', end: '24:00' }).inside).toBe(true);
  });
});

describe('windowState with a known zone', () => {
  // 20:00 in Moscow = 17:00 UTC = 19:00 Kaliningrad = 03:00 (next day) Vladivostok = 05:00 (next day) Kamchatka
  const at2000Msk = new Date('2026-12-02T17:00:00Z');

  test('20:00 Moscow: Kaliningrad (UTC+2) is inside at 19:00; Vladivostok is outside at 03:00 and opens at its 09:00', () => {
    expect(windowState('Europe/Kaliningrad', at2000Msk, W)).toEqual({ inside: true, opensAt: null, customerTime: '19:00' });
    expect(windowState('Asia/Vladivostok', at2000Msk, W)).toEqual({ inside: false, opensAt: '2026-12-02T23:00:00.000Z', customerTime: '03:00' });
  });

  test('Kamchatka (UTC+12): the customer is already on the next day; the window opens that same local day', () => {
    expect(windowState('Asia/Kamchatka', at2000Msk, W)).toEqual({ inside: false, opensAt: '2026-12-02T21:00:00.000Z', customerTime: '05:00' });
  });

  test('after the end the window opens on the customer\'s next day, even when the center\'s day is still today', () => {
    // 22:30 Kamchatka on 2 Dec = 10:30 UTC = 13:30 Moscow on 2 Dec
    const s = windowState('Asia/Kamchatka', new Date('2026-12-02T10:30:00Z'), W);
    expect(s).toEqual({ inside: false, opensAt: '2026-12-02T21:00:00.000Z', customerTime: '22:30' });
  });

  test('the start minute is inside, the end minute is outside', () => {
    expect(windowState(MSK, new Date('2026-12-02T06:00:00Z'), W).inside).toBe(true);
    expect(windowState(MSK, new Date('2026-12-02T05:59:59.999Z'), W).inside).toBe(false);
    expect(windowState(MSK, new Date('2026-12-02T17:59:59.999Z'), W).inside).toBe(true);
    expect(windowState(MSK, new Date('2026-12-02T18:00:00Z'), W)).toEqual({ inside: false, opensAt: '2026-12-03T06:00:00.000Z', customerTime: '21:00' });
  });

  test('zones without DST keep the same UTC hours in winter and summer', () => {
    for (const iso of ['2026-01-15T07:00:00Z', '2026-07-15T07:00:00Z']) {
      expect(windowState('Asia/Yekaterinburg', new Date(iso), W)).toMatchObject({ inside: true, customerTime: '12:00' });
      expect(windowState('Europe/Samara', new Date(iso), W)).toMatchObject({ inside: true, customerTime: '11:00' });
    }
  });

  test('a zone with DST (Berlin) still opens at its wall-clock start', () => {
    expect(windowState('Europe/Berlin', new Date('2026-03-29T05:00:00Z'), W).opensAt).toBe('2026-03-29T07:00:00.000Z');
  });
});

describe('windowState with an unknown zone (inside only where every Russian offset is inside)', () => {
  test('09:00–21:00 → 07:00–09:00 UTC (10:00–12:00 Moscow); the customer time is unknown', () => {
    expect(windowState(null, new Date('2026-12-02T07:00:00Z'), W)).toEqual({ inside: true, opensAt: null, customerTime: null });
    expect(windowState(null, new Date('2026-12-02T08:59:59Z'), W).inside).toBe(true);
    expect(windowState(null, new Date('2026-12-02T09:00:00Z'), W)).toEqual({ inside: false, opensAt: '2026-12-03T07:00:00.000Z', customerTime: null });
    expect(windowState(null, new Date('2026-12-02T06:59:00Z'), W).opensAt).toBe('2026-12-02T07:00:00.000Z');
  });

  test('a window shorter than the span of Russia\'s offsets never opens', () => {
    expect(windowState(null, new Date('2026-12-02T07:30:00Z'), { start: '10:00', end: '19:00' })).toEqual({ inside: false, opensAt: null, customerTime: null });
  });

  test('inside for unknown ⇒ inside in every Russian zone (property)', () => {
    fc.assert(fc.property(fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') }), (ms) => {
      const now = new Date(ms);
      if (!insideForUnknownZone(now, W)) return;
      for (const zone of RUSSIAN_ZONES) expect(windowState(zone, now, W).inside).toBe(true);
    }), { numRuns: 500, seed: 11 });
  });
});

describe('opensAt and moveIntoWindow (property)', () => {
  const zoneArb = fc.constantFrom<string | null>(null, ...RUSSIAN_ZONES);
  const windowArb = fc.tuple(fc.integer({ min: 0, max: 23 * 60 }), fc.integer({ min: 1, max: 24 * 60 - 1 }))
    .filter(([a, b]) => a < b)
    .map(([a, b]) => ({ start: hhmm(a), end: hhmm(b) }));
  function hhmm(m: number): string {
    return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  }

  test('opensAt is later than now, inside, and the minute before it is outside', () => {
    fc.assert(fc.property(zoneArb, windowArb, fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') }), (zone, w, ms) => {
      const now = new Date(ms);
      const s = windowState(zone, now, w);
      if (s.inside || s.opensAt === null) return;
      const open = Date.parse(s.opensAt);
      expect(open).toBeGreaterThan(ms);
      expect(windowState(zone, new Date(open), w).inside).toBe(true);
      if (open - 60_000 > ms) expect(windowState(zone, new Date(open - 60_000), w).inside).toBe(false);
      expect(moveIntoWindow(now, zone, w)).toBe(s.opensAt);
    }), { numRuns: 400, seed: 7 });
  });

  test('an instant inside is not moved', () => {
    expect(moveIntoWindow('2026-12-02T10:00:00.000Z', MSK, W)).toBe('2026-12-02T10:00:00.000Z');
    expect(customerTimeOf('Asia/Kamchatka', new Date('2026-12-02T10:00:00Z'))).toBe('22:00');
    expect(customerTimeOf(null, new Date())).toBeNull();
  });
});

describe('the automatic callback (+1 h) moves into the customer\'s window', () => {
  const base: SaveResultArgs = {
    orderId: 1, result: 'noAnswer', variant: null, problem: 'no_pickup', callbackAt: null, comment: 'не берёт',
    customer: { name: 'Иванова Анна', phone: '+79123456789', extraPhone: null, gender: 'female' }, address: emptyAddress(), lines: [], delivery: null,
  };
  const now = new Date('2026-12-02T15:30:00Z'); // 18:30 Moscow, 01:30 Vladivostok (3 Dec)
  const center = centerContextOf({ timeZone: MSK });
  const calls = [{ callId: 'c1', orderId: 1, startedAt: '2026-12-02T15:20:00.000Z', answeredAt: null, endedAt: '2026-12-02T15:21:00.000Z', outcome: 'noAnswer' as const }];

  test('without a customer zone the callback is now + 1 h in the center\'s day; a Kaliningrad customer keeps it', () => {
    expect(autoCallbackAt(now, MSK)).toBe('2026-12-02T16:30:00.000Z');
    expect(autoCallbackAt(now, MSK, null, { zone: 'Europe/Kaliningrad', window: W })).toBe('2026-12-02T16:30:00.000Z');
  });

  test('a Vladivostok customer: 02:30 there → their 09:00 (the next Moscow day), and such a save passes', () => {
    const customer = { zone: 'Asia/Vladivostok', window: W };
    expect(autoCallbackAt(now, MSK, null, customer)).toBe('2026-12-02T23:00:00.000Z');
    const ctx = resultContextFor(center, { calls, now, failedAttempts: 3, reasons: DEFAULT_REASONS, customerZone: 'Asia/Vladivostok' });
    const defaults = resultDefaults('noAnswer', null, ctx);
    expect(defaults.callbackAt).toBe('2026-12-02T23:00:00.000Z');
    expect(validateResult({ ...base, callbackAt: defaults.callbackAt }, ctx)).toEqual([]);
    // later than the moved default on another day is still refused
    expect(validateResult({ ...base, callbackAt: '2026-12-03T01:00:00.000Z' }, ctx).map((v) => v.code)).toEqual(['callbackAtNotToday']);
    // without the customer's zone the next day is refused as before
    const plain = resultContextFor(center, { calls, now, failedAttempts: 3, reasons: DEFAULT_REASONS });
    expect(validateResult({ ...base, callbackAt: defaults.callbackAt }, plain).map((v) => v.code)).toEqual(['callbackAtNotToday']);
  });
});
