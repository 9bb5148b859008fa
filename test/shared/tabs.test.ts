import fc from 'fast-check';
import {
  CENTER_TZ_DEFAULT, DEFAULT_NEXT_PRIORITY, NOT_CALLED_TABS, QUEUE_TABS, QUICK_RECALL_DELAY_MS, TAB_LABELS_RU,
  canTakeFromTab, compareForTaking, dayStartsIn, formatDateRu, formatDateTimeRu, isCallableTab, isDue, queueTabOf,
  type OrderStatus, type QueueTab,
} from '../../shared/domain';

const MSK = CENTER_TZ_DEFAULT;
// 28.11.2026 14:00 in Moscow (UTC+3, no DST); local today starts 2026-11-27T21:00Z.
const NOW = new Date('2026-11-28T11:00:00Z');

describe('dayStartsIn', () => {
  test.each([
    ['Moscow, afternoon', '2026-11-28T11:00:00Z', MSK, '2026-11-27T21:00:00.000Z', '2026-11-26T21:00:00.000Z', '2026-11-25T21:00:00.000Z'],
    ['Moscow, exactly local midnight', '2026-11-27T21:00:00Z', MSK, '2026-11-27T21:00:00.000Z', '2026-11-26T21:00:00.000Z', '2026-11-25T21:00:00.000Z'],
    ['Moscow, one ms before local midnight', '2026-11-27T20:59:59.999Z', MSK, '2026-11-26T21:00:00.000Z', '2026-11-25T21:00:00.000Z', '2026-11-24T21:00:00.000Z'],
    ['Moscow, UTC date is still yesterday', '2026-11-27T22:30:00Z', MSK, '2026-11-27T21:00:00.000Z', '2026-11-26T21:00:00.000Z', '2026-11-25T21:00:00.000Z'],
    ['Berlin, spring-forward day (23 h)', '2026-03-29T12:00:00Z', 'Europe/Berlin', '2026-03-28T23:00:00.000Z', '2026-03-27T23:00:00.000Z', '2026-03-26T23:00:00.000Z'],
    ['Berlin, day after spring-forward', '2026-03-30T12:00:00Z', 'Europe/Berlin', '2026-03-29T22:00:00.000Z', '2026-03-28T23:00:00.000Z', '2026-03-27T23:00:00.000Z'],
    ['Berlin, fall-back day (25 h), late evening', '2026-10-25T22:30:00Z', 'Europe/Berlin', '2026-10-24T22:00:00.000Z', '2026-10-23T22:00:00.000Z', '2026-10-22T22:00:00.000Z'],
    ['Berlin, day after fall-back', '2026-10-26T12:00:00Z', 'Europe/Berlin', '2026-10-25T23:00:00.000Z', '2026-10-24T22:00:00.000Z', '2026-10-23T22:00:00.000Z'],
    ['Santiago, midnight skipped by DST (day starts 01:00)', '2026-09-06T12:00:00Z', 'America/Santiago', '2026-09-06T04:00:00.000Z', '2026-09-05T04:00:00.000Z', '2026-09-04T04:00:00.000Z'],
    ['UTC, month and year boundary', '2027-01-01T00:00:00Z', 'UTC', '2027-01-01T00:00:00.000Z', '2026-12-31T00:00:00.000Z', '2026-12-30T00:00:00.000Z'],
  ])('%s', (_name, now, tz, today, yesterday, twoDaysAgo) => {
    const d = dayStartsIn(new Date(now), tz);
    expect([d.today.toISOString(), d.yesterday.toISOString(), d.twoDaysAgo.toISOString()]).toEqual([today, yesterday, twoDaysAgo]);
  });

  test('property: today starts at or before now, on the same local date, at local 00:00 (zones without midnight gaps)', () => {
    const zones = ['Europe/Moscow', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Asia/Vladivostok'];
    fc.assert(fc.property(
      fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.constantFrom(...zones),
      (now, tz) => {
        const { today, yesterday, twoDaysAgo } = dayStartsIn(now, tz);
        expect(today.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(formatDateRu(today, tz)).toBe(formatDateRu(now, tz));
        expect(formatDateTimeRu(today, tz).endsWith(' 00:00')).toBe(true);
        expect(formatDateTimeRu(new Date(today.getTime() - 1), tz).endsWith(' 23:59')).toBe(true);
        expect(yesterday.getTime()).toBeLessThan(today.getTime());
        expect(twoDaysAgo.getTime()).toBeLessThan(yesterday.getTime());
        expect(today.getTime() - yesterday.getTime()).toBeGreaterThanOrEqual(22 * 3_600_000);
        expect(today.getTime() - yesterday.getTime()).toBeLessThanOrEqual(26 * 3_600_000);
      },
    ));
  });
});

describe('queueTabOf — the tabs table of docs/domain.md', () => {
  const todayNoon = '2026-11-28T09:00:00Z';
  test.each<[string, OrderStatus, string, number, QueueTab | null]>([
    ['new → Новый', 'new', todayNoon, 0, 'new'],
    ['new created long ago is still Новый', 'new', '2026-10-01T09:00:00Z', 0, 'new'],
    ['callback → В работе', 'callback', '2026-10-01T09:00:00Z', 2, 'inWork'],
    ['no_answer today, 1 attempt → Быстрый перезвон', 'no_answer', todayNoon, 1, 'quickRecall'],
    ['no_answer today, exactly 3 attempts → Быстрый перезвон', 'no_answer', todayNoon, 3, 'quickRecall'],
    ['no_answer today, 4 attempts → Недозвон за сегодня', 'no_answer', todayNoon, 4, 'noAnswerToday'],
    ['no_answer today, 0 attempts (decision) → Быстрый перезвон', 'no_answer', todayNoon, 0, 'quickRecall'],
    ['no_answer created at local midnight today', 'no_answer', '2026-11-27T21:00:00Z', 1, 'quickRecall'],
    ['no_answer created 01:00 local today (still 27th in UTC)', 'no_answer', '2026-11-27T22:00:00Z', 5, 'noAnswerToday'],
    ['no_answer created 1 ms before local midnight → yesterday', 'no_answer', '2026-11-27T20:59:59.999Z', 1, 'noAnswerYesterday'],
    ['no_answer yesterday, many attempts → Недозвон за вчера', 'no_answer', '2026-11-27T08:00:00Z', 9, 'noAnswerYesterday'],
    ['no_answer at local midnight of the day before yesterday', 'no_answer', '2026-11-25T21:00:00Z', 2, 'noAnswer2Days'],
    ['no_answer the day before yesterday → Недозвон за позавчера', 'no_answer', '2026-11-26T10:00:00Z', 6, 'noAnswer2Days'],
    ['no_answer 1 ms before that → Недозвон (раньше)', 'no_answer', '2026-11-25T20:59:59.999Z', 6, 'noAnswerOlder'],
    ['no_answer last month → Недозвон (раньше)', 'no_answer', '2026-10-01T08:00:00Z', 1, 'noAnswerOlder'],
    ['no_answer created in the future (clock skew) counts as today', 'no_answer', '2026-11-28T12:00:00Z', 1, 'quickRecall'],
    ['confirmed is final', 'confirmed', todayNoon, 0, null],
    ['cancelled is final', 'cancelled', todayNoon, 0, null],
    ['invalid is final', 'invalid', todayNoon, 0, null],
  ])('%s', (_name, status, createdAt, failedAttempts, tab) => {
    expect(queueTabOf({ status, createdAt, failedAttempts }, NOW, MSK)).toBe(tab);
  });

  test.each<[string, string, string, QueueTab]>([
    // Berlin spring-forward: 29.03.2026 starts at 2026-03-28T23:00Z (CET, +1).
    ['Berlin spring day: 00:30 local is today', '2026-03-29T12:00:00Z', '2026-03-28T23:30:00Z', 'quickRecall'],
    ['Berlin spring day: 23:59 local the day before is yesterday', '2026-03-29T12:00:00Z', '2026-03-28T22:59:00Z', 'noAnswerYesterday'],
    // Berlin fall-back: 25.10.2026 starts at 2026-10-24T22:00Z (CEST, +2) and lasts 25 h.
    ['Berlin fall day, 23:30 local: 00:30 local is still today', '2026-10-25T22:30:00Z', '2026-10-24T22:30:00Z', 'quickRecall'],
    ['Berlin day after fall-back: the 25th is yesterday', '2026-10-26T12:00:00Z', '2026-10-25T22:30:00Z', 'noAnswerYesterday'],
    ['Berlin day after fall-back: 23:30 local on the 25th is yesterday, not today', '2026-10-26T12:00:00Z', '2026-10-25T22:45:00Z', 'noAnswerYesterday'],
    ['Berlin day after fall-back: 00:00 local on the 26th is today', '2026-10-26T12:00:00Z', '2026-10-25T23:00:00Z', 'quickRecall'],
  ])('DST: %s', (_name, now, createdAt, tab) => {
    expect(queueTabOf({ status: 'no_answer', createdAt, failedAttempts: 2 }, new Date(now), 'Europe/Berlin')).toBe(tab);
  });
});

describe('isDue', () => {
  type Row = { status: OrderStatus; failedAttempts: number; createdAt: string; callbackAt: string | null; lastAttemptAt: string | null };
  const base: Row = { status: 'no_answer', failedAttempts: 2, createdAt: '2026-11-28T08:00:00Z', callbackAt: null, lastAttemptAt: null };
  const minus = (ms: number): string => new Date(NOW.getTime() - ms).toISOString();
  const plus = (ms: number): string => new Date(NOW.getTime() + ms).toISOString();
  test.each<[string, QueueTab, Partial<Row>, boolean]>([
    ['new: always', 'new', { status: 'new', failedAttempts: 0 }, true],
    ['quickRecall: 1 min after the last attempt → not yet', 'quickRecall', { lastAttemptAt: minus(60_000) }, false],
    ['quickRecall: exactly 2 min after → due', 'quickRecall', { lastAttemptAt: minus(QUICK_RECALL_DELAY_MS) }, true],
    ['quickRecall: 1 ms short of 2 min → not yet', 'quickRecall', { lastAttemptAt: minus(QUICK_RECALL_DELAY_MS - 1) }, false],
    ['quickRecall: no attempt logged → due', 'quickRecall', { lastAttemptAt: null }, true],
    ['inWork: callbackAt in the future → not due', 'inWork', { status: 'callback', callbackAt: plus(60_000) }, false],
    ['inWork: callbackAt now → due', 'inWork', { status: 'callback', callbackAt: NOW.toISOString() }, true],
    ['inWork: callbackAt passed → due', 'inWork', { status: 'callback', callbackAt: minus(3_600_000) }, true],
    ['noAnswerToday: before callbackAt → not due', 'noAnswerToday', { failedAttempts: 4, callbackAt: plus(1) }, false],
    ['noAnswerToday: at callbackAt → due', 'noAnswerToday', { failedAttempts: 4, callbackAt: minus(0) }, true],
    ['noAnswerYesterday: always', 'noAnswerYesterday', { callbackAt: plus(3_600_000), lastAttemptAt: minus(1) }, true],
    ['noAnswer2Days: always', 'noAnswer2Days', { lastAttemptAt: minus(1) }, true],
    ['noAnswerOlder: never', 'noAnswerOlder', { callbackAt: minus(3_600_000) }, false],
  ])('%s', (_name, tab, patch, due) => {
    expect(isDue({ ...base, ...patch }, tab, NOW)).toBe(due);
  });
});

describe('tab constants', () => {
  test('labels are the manual\'s', () => {
    expect(QUEUE_TABS.map((t) => TAB_LABELS_RU[t])).toEqual([
      'Новый', 'Быстрый перезвон', 'В работе', 'Недозвон за сегодня', 'Недозвон за вчера', 'Недозвон за позавчера', 'Недозвон (раньше)',
    ]);
  });

  test('only Недозвон (раньше) is not called', () => {
    expect(NOT_CALLED_TABS).toEqual(['noAnswerOlder']);
    expect(QUEUE_TABS.filter((t) => !isCallableTab(t))).toEqual(['noAnswerOlder']);
  });

  test('default Next-order priority', () => {
    expect(DEFAULT_NEXT_PRIORITY).toEqual([
      { tab: 'inWork', dueOnly: true },
      { tab: 'new', dueOnly: false },
      { tab: 'quickRecall', dueOnly: true },
      { tab: 'noAnswerToday', dueOnly: true },
      { tab: 'noAnswerYesterday', dueOnly: false },
      { tab: 'noAnswer2Days', dueOnly: false },
    ]);
    expect(DEFAULT_NEXT_PRIORITY.some((p) => p.tab === 'noAnswerOlder')).toBe(false);
  });
});

describe('compareForTaking', () => {
  const row = (id: number, createdAt: string, callbackAt: string | null = null, lastAttemptAt: string | null = null) => ({ id, createdAt, callbackAt, lastAttemptAt });
  const ids = (tab: QueueTab, rows: ReturnType<typeof row>[]): number[] => [...rows].sort(compareForTaking(tab)).map((r) => r.id);

  test('new: oldest first, ties by id', () => {
    expect(ids('new', [
      row(3, '2026-11-28T10:00:00Z'), row(1, '2026-11-28T08:00:00Z', '2026-11-28T07:00:00Z'), row(2, '2026-11-28T08:00:00Z'), row(4, '2026-11-27T10:00:00Z'),
    ])).toEqual([4, 1, 2, 3]);
  });

  test('inWork: earliest callbackAt first, then createdAt, then id', () => {
    expect(ids('inWork', [
      row(1, '2026-11-20T08:00:00Z', '2026-11-28T15:00:00Z'),
      row(2, '2026-11-25T08:00:00Z', '2026-11-28T12:00:00Z'),
      row(3, '2026-11-24T08:00:00Z', '2026-11-28T12:00:00Z'),
      row(4, '2026-11-24T08:00:00Z', '2026-11-28T12:00:00Z'),
    ])).toEqual([3, 4, 2, 1]);
  });

  test('quickRecall: the one due first first (last attempt + 2 min; no attempt → due since creation)', () => {
    expect(ids('quickRecall', [
      row(1, '2026-11-28T08:00:00Z', null, '2026-11-28T10:58:00Z'),
      row(2, '2026-11-28T09:00:00Z', null, '2026-11-28T10:40:00Z'),
      row(3, '2026-11-28T09:30:00Z', null, null),
    ])).toEqual([3, 2, 1]);
  });

  test('noAnswerYesterday: least recently tried first', () => {
    expect(ids('noAnswerYesterday', [
      row(1, '2026-11-27T08:00:00Z', null, '2026-11-28T09:00:00Z'),
      row(2, '2026-11-27T09:00:00Z', null, '2026-11-28T08:00:00Z'),
    ])).toEqual([2, 1]);
  });
});

describe('canTakeFromTab (docs/domain.md «Queue tabs», taking)', () => {
  const op = { id: 7, offerSkus: ['CREAM-1', 'TEA-2'] };
  test.each<[string, number | null, string, QueueTab, true | string]>([
    ['new, unassigned, known product', null, 'CREAM-1', 'new', true],
    ['new, assigned to someone else', 8, 'CREAM-1', 'new', 'assigned'],
    ['new, already assigned to me', 7, 'CREAM-1', 'new', true],
    ['new, unknown product', null, 'PILLS-9', 'new', 'unknownOffer'],
    ['quickRecall ignores the assignee', 8, 'TEA-2', 'quickRecall', true],
    ['inWork ignores the assignee', 8, 'CREAM-1', 'inWork', true],
    ['noAnswerToday, unknown product', 8, 'PILLS-9', 'noAnswerToday', 'unknownOffer'],
    ['noAnswerYesterday ignores the assignee', 3, 'CREAM-1', 'noAnswerYesterday', true],
    ['noAnswer2Days ignores the assignee', 3, 'CREAM-1', 'noAnswer2Days', true],
    ['noAnswerOlder is never taken', null, 'CREAM-1', 'noAnswerOlder', 'notCalled'],
  ])('%s', (_name, assigneeId, offerSku, tab, expected) => {
    const r = canTakeFromTab({ assigneeId, offerSku }, tab, op);
    if (expected === true) expect(r).toEqual({ ok: true });
    else {
      expect(r).toMatchObject({ ok: false, code: expected });
      expect(r.ok ? '' : r.message).toMatch(/[а-я]/);
    }
  });
});
