import { formatDateRu, formatDateTimeRu, prefixComment } from '../../shared/domain';

describe('dates in the center\'s zone', () => {
  test.each<[string, string, string, string]>([
    ['2026-11-28T11:05:00Z', 'Europe/Moscow', '28.11.2026', '28.11.2026 14:05'],
    ['2026-11-27T21:00:00Z', 'Europe/Moscow', '28.11.2026', '28.11.2026 00:00'],
    ['2026-11-27T20:59:00Z', 'Europe/Moscow', '27.11.2026', '27.11.2026 23:59'],
    ['2026-03-29T01:30:00Z', 'Europe/Berlin', '29.03.2026', '29.03.2026 03:30'],
    ['2026-01-05T03:07:00Z', 'UTC', '05.01.2026', '05.01.2026 03:07'],
  ])('%s in %s', (iso, tz, date, dateTime) => {
    expect(formatDateRu(iso, tz)).toBe(date);
    expect(formatDateTimeRu(new Date(iso), tz)).toBe(dateTime);
  });
});

describe('prefixComment', () => {
  const now = new Date('2026-11-27T21:30:00Z'); // 28.11.2026 00:30 in Moscow, still 27th in UTC
  test.each<[string, string]>([
    ['Не берёт трубку', '28.11.2026 Не берёт трубку'],
    ['   Дорого', '28.11.2026 Дорого'],
    ['', '28.11.2026 '],
    ['28.11.2026 уже с датой', '28.11.2026 уже с датой'],
    ['01.02.26 короткая дата', '01.02.26 короткая дата'],
    ['2026 год', '28.11.2026 2026 год'],
    ['12.5 кг', '28.11.2026 12.5 кг'],
  ])('%j → %j', (text, expected) => {
    expect(prefixComment(text, now, 'Europe/Moscow')).toBe(expected);
  });
});
