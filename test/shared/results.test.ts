import fc from 'fast-check';
import { callsSinceTaken, CALLBACK_MAX_DAYS, CenterContext, centerContextOf, resultContextFor,
  DEFAULT_REASONS, ResultRejectedError, applyResult, autoCallbackAt, callFacts, emptyAddress, resultDefaults, statusOfResult,
  validateResult,
  type CallAttempt, type Offer, type OrderStatus, type ResultContext, type ResultKind, type SaveResultArgs,
} from '../../shared/domain';

const TZ = 'Europe/Moscow';
const NOW = new Date('2026-11-28T11:00:00Z'); // 28.11.2026 14:00 MSK
const at = (iso: string): string => new Date(iso).toISOString();

const call = (answered: boolean, startedAt = '2026-11-28T10:55:00Z'): CallAttempt => ({
  callId: `c-${startedAt}-${answered}`,
  orderId: 1,
  startedAt,
  answeredAt: answered ? '2026-11-28T10:55:10Z' : null,
  endedAt: '2026-11-28T10:57:00Z',
  outcome: answered ? 'answered' : 'noAnswer',
});
const ANSWERED = [call(false, '2026-11-28T10:50:00Z'), call(true)];
const UNANSWERED = [call(false)];

const OFFERS: Offer[] = [
  { sku: 'CREAM-1', name: 'Крем', priceKop: 199_000, promo: { text: 'Второй со скидкой 50 %, третий в подарок', allowedDiscountsPct: [50, 100] }, active: true },
  { sku: 'SOAP-2', name: 'Мыло', priceKop: 39_000, promo: { text: '', allowedDiscountsPct: [] }, active: true },
];

const base: SaveResultArgs = {
  orderId: 1,
  result: 'confirm',
  variant: null,
  problem: null,
  callbackAt: null,
  comment: '',
  customer: { name: 'Иванова Мария Петровна', phone: '+79123456789', extraPhone: null, gender: 'female' },
  address: { ...emptyAddress(), postalCode: '101000', region: 'Москва', city: 'Москва', street: 'Тверская', house: '7', apartment: '12' },
  lines: [
    { offerSku: 'CREAM-1', name: 'Крем', quantity: 1, unitPriceKop: 199_000, discountPct: 0, main: true },
    { offerSku: 'SOAP-2', name: 'Мыло', quantity: 1, unitPriceKop: 39_000, discountPct: 100, main: false },
  ],
  delivery: { id: 'cdek-courier', method: 'courier', carrier: 'СДЭК', priceKop: 35_000, daysMin: 2, daysMax: 4 },
};

const ctxOf = (patch: Partial<ResultContext> = {}): ResultContext => ({
  calls: ANSWERED, now: NOW, timeZone: TZ, failedAttempts: 0, reasons: DEFAULT_REASONS, ...patch,
});

/** The valid save of each case of the results table. */
const VALID: Record<string, { args: Partial<SaveResultArgs>; ctx: Partial<ResultContext>; status: OrderStatus }> = {
  confirm: { args: {}, ctx: {}, status: 'confirmed' },
  callback: { args: { result: 'callback', problem: 'need_callback', callbackAt: at('2026-11-29T07:00:00Z'), comment: 'Просит перезвонить завтра утром' }, ctx: {}, status: 'callback' },
  noAnswer: { args: { result: 'noAnswer', problem: 'no_pickup', comment: 'Не берёт трубку' }, ctx: { calls: UNANSWERED, failedAttempts: 0 }, status: 'no_answer' },
  noAnswerOver3: { args: { result: 'noAnswer', problem: 'unreachable', callbackAt: at('2026-11-28T12:00:00Z'), comment: 'Абонент недоступен' }, ctx: { calls: UNANSWERED, failedAttempts: 3 }, status: 'no_answer' },
  cancel: { args: { result: 'cancel', problem: 'expensive', comment: 'Дорого, отказалась' }, ctx: {}, status: 'cancelled' },
  wrongNumber: { args: { result: 'invalid', variant: 'wrongNumber', problem: 'invalid_number', comment: 'В номере 12 цифр' }, ctx: { calls: [] }, status: 'invalid' },
  feedbackOurs: { args: { result: 'invalid', variant: 'feedbackOurs', problem: 'invalid_number', comment: 'Обратная связь' }, ctx: {}, status: 'invalid' },
  feedbackForeign: { args: { result: 'cancel', variant: 'feedbackForeign', problem: 'other', comment: 'Спрашивала о заказе другого магазина' }, ctx: {}, status: 'cancelled' },
  spam: { args: { result: 'invalid', variant: 'spam', problem: 'spam', comment: 'Спам' }, ctx: { calls: [] }, status: 'invalid' },
};

const codes = (kase: keyof typeof VALID, args: Partial<SaveResultArgs> = {}, ctx: Partial<ResultContext> = {}): string[] => {
  const v = VALID[kase]!;
  return validateResult({ ...base, ...v.args, ...args }, ctxOf({ ...v.ctx, ...ctx })).map((x) => x.code).sort();
};

describe('validateResult — each row of the results table is accepted as the manual describes it', () => {
  test.each(Object.entries(VALID))('%s', (_kase, v) => {
    const args = { ...base, ...v.args };
    expect(validateResult(args, ctxOf(v.ctx))).toEqual([]);
    expect(statusOfResult(args.result, args.variant)).toBe(v.status);
  });
});

describe('validateResult — broken rules (every one is returned)', () => {
  const emptyCustomer = { ...base.customer, name: 'Мария', gender: null };
  test.each<[string, keyof typeof VALID, Partial<SaveResultArgs>, Partial<ResultContext>, string[]]>([
    // Подтвердить
    ['confirm without any call', 'confirm', {}, { calls: [] }, ['callRequired']],
    ['confirm with only an unanswered call', 'confirm', {}, { calls: UNANSWERED }, ['answeredCallRequired']],
    ['confirm with problem and callbackAt', 'confirm', { problem: 'need_callback', callbackAt: at('2026-11-28T15:00:00Z') }, {}, ['callbackAtMustBeEmpty', 'problemMustBeEmpty']],
    ['confirm with an empty form lists every missing field', 'confirm', { customer: emptyCustomer, address: emptyAddress(), lines: [], delivery: null }, {},
      ['cityRequired', 'deliveryRequired', 'genderRequired', 'houseRequired', 'linesRequired', 'nameNotFull', 'streetRequired']],
    ['confirm with a one-word name', 'confirm', { customer: { ...base.customer, name: '  Мария  ' } }, {}, ['nameNotFull']],
    ['confirm without a main line', 'confirm', { lines: base.lines.map((l) => ({ ...l, main: false })) }, {}, ['mainLineRequired']],
    ['without a main line the gift is not covered by any promo', 'confirm', { lines: base.lines.map((l) => ({ ...l, main: false })) }, { offers: OFFERS }, ['discountNotAllowed', 'mainLineRequired']],
    ['confirm: a gift (100 %) allowed by the main offer\'s promo', 'confirm', { lines: [base.lines[0]!, { ...base.lines[1]!, discountPct: 100 }] }, { offers: OFFERS }, []],
    ['confirm with a discount outside the promo terms', 'confirm', { lines: [base.lines[0]!, { ...base.lines[1]!, discountPct: 15 }] }, { offers: OFFERS }, ['discountNotAllowed']],
    ['confirm with a discount on the main line not in its promo', 'confirm', { lines: [{ ...base.lines[0]!, discountPct: 10 }] }, { offers: OFFERS }, ['discountNotAllowed']],
    ['confirm with an unknown offer', 'confirm', { lines: [base.lines[0]!, { ...base.lines[1]!, offerSku: 'GHOST' }] }, { offers: OFFERS }, ['offerUnknown']],
    ['confirm: a call before takenAt does not count', 'confirm', {}, { takenAt: '2026-11-28T10:58:00Z' }, ['callRequired']],
    // В работе
    ['callback without a call', 'callback', {}, { calls: [] }, ['callRequired']],
    ['callback not answered', 'callback', {}, { calls: UNANSWERED }, ['answeredCallRequired']],
    ['callback without problem', 'callback', { problem: null }, {}, ['problemRequired']],
    ['callback with a cancel problem', 'callback', { problem: 'expensive' }, {}, ['problemWrongGroup']],
    ['callback without callbackAt', 'callback', { callbackAt: null }, {}, ['callbackAtRequired']],
    ['callback in the past', 'callback', { callbackAt: at('2026-11-28T10:00:00Z') }, {}, ['callbackAtInPast']],
    ['callback exactly now counts as past', 'callback', { callbackAt: NOW.toISOString() }, {}, ['callbackAtInPast']],
    ['callback outside working hours', 'callback', { callbackAt: at('2026-11-28T19:00:00Z') }, { workingHours: { start: '09:00', end: '21:00' } }, ['callbackAtOutsideHours']],
    ['callback at the end minute of working hours is fine', 'callback', { callbackAt: at('2026-11-28T18:00:00Z') }, { workingHours: { start: '09:00', end: '21:00' } }, []],
    ['callback before working hours start', 'callback', { callbackAt: at('2026-11-29T05:59:00Z') }, { workingHours: { start: '09:00', end: '21:00' } }, ['callbackAtOutsideHours']],
    ['callbackAt that is not a date', 'callback', { callbackAt: 'soon' }, {}, ['callbackAtInvalid']],
    ['callback in year 9999 is too far', 'callback', { callbackAt: at('9999-12-31T09:00:00Z') }, {}, ['callbackAtTooFar']],
    ['callback 90 days ahead is the last allowed instant', 'callback', { callbackAt: new Date(NOW.getTime() + 90 * 86_400_000).toISOString() }, {}, []],
    ['callback 90 days and a minute ahead is too far', 'callback', { callbackAt: new Date(NOW.getTime() + 90 * 86_400_000 + 60_000).toISOString() }, {}, ['callbackAtTooFar']],
    ['callback beyond the center context\'s shorter limit', 'callback', { callbackAt: at('2026-12-10T09:00:00Z') }, { callbackMaxDays: 7 }, ['callbackAtTooFar']],
    ['callback without a comment', 'callback', { comment: '' }, {}, ['commentRequired']],
    ['callback with only the date as comment', 'callback', { comment: '28.11.2026 ' }, {}, ['commentRequired']],
    ['callback with a variant', 'callback', { variant: 'spam' }, {}, ['variantNotAllowed']],
    // Недозвон
    ['noAnswer without a call', 'noAnswer', {}, { calls: [] }, ['callRequired']],
    ['noAnswer with a cancel reason', 'noAnswer', { problem: 'changed_mind' }, {}, ['problemWrongGroup']],
    ['noAnswer with a reason not in the directory', 'noAnswer', { problem: 'abducted' }, {}, ['problemUnknown']],
    ['noAnswer with an inactive reason', 'noAnswer', {}, { reasons: DEFAULT_REASONS.map((r) => ({ ...r, active: r.code !== 'no_pickup' })) }, ['problemUnknown']],
    ['noAnswer without a comment', 'noAnswer', { comment: '  ' }, {}, ['commentRequired']],
    ['noAnswer: exactly 3 attempts after this save needs no callbackAt', 'noAnswer', {}, { failedAttempts: 2 }, []],
    ['noAnswer: 4 attempts after this save needs callbackAt', 'noAnswerOver3', { callbackAt: null }, {}, ['callbackAtRequired']],
    ['noAnswer: 4th attempt with callbackAt tomorrow', 'noAnswerOver3', { callbackAt: at('2026-11-28T21:30:00Z') }, {}, ['callbackAtNotToday']],
    ['noAnswer: 4th attempt with callbackAt in the past', 'noAnswerOver3', { callbackAt: at('2026-11-28T10:00:00Z') }, {}, ['callbackAtInPast']],
    ['noAnswer: 4th attempt, 23:59 local today is still today', 'noAnswerOver3', { callbackAt: at('2026-11-28T20:59:00Z') }, {}, []],
    // Отказ
    ['cancel without problem', 'cancel', { problem: null }, {}, ['problemRequired']],
    ['cancel with a no-answer reason', 'cancel', { problem: 'busy' }, {}, ['problemWrongGroup']],
    ['cancel without a comment', 'cancel', { comment: '' }, {}, ['commentRequired']],
    ['cancel without a conversation', 'cancel', {}, { calls: UNANSWERED }, ['answeredCallRequired']],
    // Невалид
    ['invalid without a variant', 'wrongNumber', { variant: null }, {}, ['variantRequired']],
    ['invalid with the foreign-feedback variant', 'feedbackOurs', { variant: 'feedbackForeign', problem: 'other' }, {}, ['variantNotAllowed']],
    ['wrong number after a call was made', 'wrongNumber', {}, { calls: UNANSWERED }, ['callNotAllowed']],
    ['wrong number with the spam problem', 'wrongNumber', { problem: 'spam' }, {}, ['problemWrong']],
    ['wrong number without a comment', 'wrongNumber', { comment: '' }, {}, ['commentRequired']],
    ['feedback ours without a conversation', 'feedbackOurs', {}, { calls: [] }, ['callRequired']],
    ['feedback ours with another comment', 'feedbackOurs', { comment: 'Спрашивала про доставку' }, {}, ['commentMustBe']],
    ['feedback ours: dated «Обратная связь» is fine', 'feedbackOurs', { comment: '28.11.2026 Обратная связь: уточнила трек' }, {}, []],
    ['foreign feedback with «Дорого»', 'feedbackForeign', { problem: 'expensive' }, {}, ['problemWrong']],
    ['foreign feedback without a description', 'feedbackForeign', { comment: '' }, {}, ['commentRequired']],
    ['spam after dialing', 'spam', {}, { calls: ANSWERED }, ['callNotAllowed']],
    ['spam with another comment and problem', 'spam', { comment: 'мат в имени', problem: 'invalid_number' }, {}, ['commentMustBe', 'problemWrong']],
  ])('%s', (_name, kase, args, ctx, expected) => {
    expect(codes(kase, args, ctx)).toEqual([...expected].sort());
  });

  test('every violation names a field and has a Russian message', () => {
    const all = validateResult({ ...base, customer: { ...base.customer, name: '', gender: null }, address: emptyAddress(), lines: [], delivery: null, problem: 'x', callbackAt: at('2020-01-01T00:00:00Z') }, ctxOf({ calls: [] }));
    expect(all.length).toBeGreaterThan(5);
    for (const v of all) {
      expect(v.field).not.toBe('');
      expect(v.message).toMatch(/[А-Яа-яЁё]/);
    }
  });
});

describe('statusOfResult', () => {
  test.each<[ResultKind, SaveResultArgs['variant'], OrderStatus]>([
    ['confirm', null, 'confirmed'], ['callback', null, 'callback'], ['noAnswer', null, 'no_answer'], ['cancel', null, 'cancelled'],
    ['invalid', 'wrongNumber', 'invalid'], ['invalid', 'feedbackOurs', 'invalid'], ['invalid', 'spam', 'invalid'], ['cancel', 'feedbackForeign', 'cancelled'],
  ])('%s / %s → %s', (result, variant, status) => {
    expect(statusOfResult(result, variant)).toBe(status);
  });
});

describe('callFacts', () => {
  test.each<[string, CallAttempt[], { attempted: boolean; answered: boolean }]>([
    ['no calls', [], { attempted: false, answered: false }],
    ['an unanswered attempt', UNANSWERED, { attempted: true, answered: false }],
    ['a busy and an answered one', [{ ...call(false), outcome: 'busy' }, call(true)], { attempted: true, answered: true }],
    ['answeredAt set but later failed', [{ ...call(true), outcome: 'failed' }], { attempted: true, answered: true }],
  ])('%s', (_name, calls, facts) => {
    expect(callFacts(calls)).toEqual(facts);
  });
});

describe('applyResult — the transition', () => {
  const order = (status: OrderStatus, failedAttempts = 0, callbackAt: string | null = null) => ({ status, failedAttempts, callbackAt });
  const run = (kase: keyof typeof VALID, o: ReturnType<typeof order>, args: Partial<SaveResultArgs> = {}) => {
    const v = VALID[kase]!;
    return applyResult(o, { ...base, ...v.args, ...args }, ctxOf(v.ctx));
  };

  test.each<[string, keyof typeof VALID, ReturnType<typeof order>, { status: OrderStatus; failedAttempts: number; callbackAt: string | null; problem: string | null; comment: string }]>([
    ['confirm clears problem and callback', 'confirm', order('callback', 2, at('2026-11-28T10:00:00Z')),
      { status: 'confirmed', failedAttempts: 2, callbackAt: null, problem: null, comment: '28.11.2026 ' }],
    ['callback keeps callbackAt', 'callback', order('new'),
      { status: 'callback', failedAttempts: 0, callbackAt: at('2026-11-29T07:00:00Z'), problem: 'need_callback', comment: '28.11.2026 Просит перезвонить завтра утром' }],
    ['noAnswer 0 → 1', 'noAnswer', order('new'),
      { status: 'no_answer', failedAttempts: 1, callbackAt: null, problem: 'no_pickup', comment: '28.11.2026 Не берёт трубку' }],
    ['noAnswer 2 → 3 stays in quick recall (no callbackAt)', 'noAnswer', order('no_answer', 2),
      { status: 'no_answer', failedAttempts: 3, callbackAt: null, problem: 'no_pickup', comment: '28.11.2026 Не берёт трубку' }],
    ['noAnswer 3 → 4 keeps callbackAt', 'noAnswerOver3', order('no_answer', 3),
      { status: 'no_answer', failedAttempts: 4, callbackAt: at('2026-11-28T12:00:00Z'), problem: 'unreachable', comment: '28.11.2026 Абонент недоступен' }],
    ['cancel', 'cancel', order('callback', 1, at('2026-11-28T10:00:00Z')),
      { status: 'cancelled', failedAttempts: 1, callbackAt: null, problem: 'expensive', comment: '28.11.2026 Дорого, отказалась' }],
    ['wrong number', 'wrongNumber', order('new'),
      { status: 'invalid', failedAttempts: 0, callbackAt: null, problem: 'invalid_number', comment: '28.11.2026 В номере 12 цифр' }],
    ['feedback ours', 'feedbackOurs', order('new'),
      { status: 'invalid', failedAttempts: 0, callbackAt: null, problem: 'invalid_number', comment: '28.11.2026 Обратная связь' }],
    ['feedback foreign', 'feedbackForeign', order('new'),
      { status: 'cancelled', failedAttempts: 0, callbackAt: null, problem: 'other', comment: '28.11.2026 Спрашивала о заказе другого магазина' }],
    ['spam', 'spam', order('new'),
      { status: 'invalid', failedAttempts: 0, callbackAt: null, problem: 'spam', comment: '28.11.2026 Спам' }],
  ])('%s', (_name, kase, o, expected) => {
    expect(run(kase, o)).toEqual(expected);
  });

  test('a comment that already starts with a date is not prefixed again', () => {
    expect(run('cancel', order('new'), { comment: '27.11.2026 Дорого' }).comment).toBe('27.11.2026 Дорого');
  });

  test('the order\'s failedAttempts decides (3 → 4 needs callbackAt even if the context says 0)', () => {
    expect(() => run('noAnswer', order('no_answer', 3))).toThrow(ResultRejectedError);
  });

  test.each<OrderStatus>(['confirmed', 'cancelled', 'invalid'])('a save on final status %s is refused', (status) => {
    let error: unknown;
    try { run('callback', order(status)); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ResultRejectedError);
    expect((error as ResultRejectedError).violations.map((x) => x.code)).toEqual(['finalStatus']);
  });

  test('an invalid save is refused with every violation', () => {
    let error: unknown;
    try { run('callback', order('new'), { problem: null, callbackAt: null, comment: '' }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ResultRejectedError);
    expect((error as ResultRejectedError).violations.map((x) => x.code).sort()).toEqual(['callbackAtRequired', 'commentRequired', 'problemRequired']);
  });
});

describe('autoCallbackAt (now + 1 h, today, within working hours)', () => {
  const wh = { start: '09:00', end: '18:00' };
  test.each<[string, string, string, { start: string; end: string } | null, string]>([
    ['14:00 MSK → 15:00', '2026-11-28T11:00:00Z', TZ, null, '2026-11-28T12:00:00.000Z'],
    ['seconds are cut to the minute', '2026-11-28T11:00:42Z', TZ, null, '2026-11-28T12:00:00.000Z'],
    ['23:30 MSK → 23:59 today, not tomorrow', '2026-11-28T20:30:00Z', TZ, null, '2026-11-28T20:59:00.000Z'],
    ['23:59:30 MSK → last millisecond of today', '2026-11-28T20:59:30Z', TZ, null, '2026-11-28T20:59:59.999Z'],
    ['07:00 MSK with hours 09–18 → 09:00', '2026-11-28T04:00:00Z', TZ, wh, '2026-11-28T06:00:00.000Z'],
    ['08:10 MSK with hours 09–18 → 09:10', '2026-11-28T05:10:00Z', TZ, wh, '2026-11-28T06:10:00.000Z'],
    ['17:30 MSK with hours 09–18 → 18:00', '2026-11-28T14:30:00Z', TZ, wh, '2026-11-28T15:00:00.000Z'],
    ['19:00 MSK after hours → 20:00 (hours ignored once over)', '2026-11-28T16:00:00Z', TZ, wh, '2026-11-28T17:00:00.000Z'],
    ['Berlin fall-back: 02:30 CEST + 1 h is 02:30 CET (absolute hour)', '2026-10-25T00:30:00Z', 'Europe/Berlin', null, '2026-10-25T01:30:00.000Z'],
    ['Berlin spring-forward: 01:30 CET + 1 h is 03:30 CEST', '2026-03-29T00:30:00Z', 'Europe/Berlin', null, '2026-03-29T01:30:00.000Z'],
  ])('%s', (_name, now, tz, hours, expected) => {
    expect(autoCallbackAt(new Date(now), tz, hours)).toBe(expected);
  });

  test('property: the default callback of a 4th no-answer always passes validation', () => {
    fc.assert(fc.property(
      fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.constantFrom('Europe/Moscow', 'Europe/Berlin', 'Asia/Vladivostok', 'America/New_York'),
      fc.option(fc.constant({ start: '09:00', end: '21:00' }), { nil: null }),
      (now, tz, hours) => {
        // Avoid the last minute of a local day, where the default can only be that day's last millisecond.
        fc.pre(!/ 23:59$/.test(new Intl.DateTimeFormat('ru-RU', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now).padStart(6, ' ')));
        const d = resultDefaults('noAnswer', null, { now, timeZone: tz, failedAttempts: 3, workingHours: hours });
        const args = { ...base, result: 'noAnswer' as const, problem: 'busy', callbackAt: d.callbackAt, comment: 'Занято' };
        expect(validateResult(args, ctxOf({ now, timeZone: tz, calls: UNANSWERED, failedAttempts: 3, workingHours: hours }))).toEqual([]);
      },
    ));
  });
});

describe('resultDefaults — what the form fills in', () => {
  const ctx = { now: NOW, timeZone: TZ, failedAttempts: 0 };
  test.each<[string, ResultKind, SaveResultArgs['variant'], number, { problem: string | null; callbackAt: string | null; commentTemplate: string }]>([
    ['confirm', 'confirm', null, 0, { problem: null, callbackAt: null, commentTemplate: '' }],
    ['callback', 'callback', null, 0, { problem: 'need_callback', callbackAt: null, commentTemplate: '' }],
    ['noAnswer, 3rd attempt', 'noAnswer', null, 2, { problem: null, callbackAt: null, commentTemplate: '' }],
    ['noAnswer, 4th attempt', 'noAnswer', null, 3, { problem: null, callbackAt: '2026-11-28T12:00:00.000Z', commentTemplate: '' }],
    ['cancel', 'cancel', null, 0, { problem: null, callbackAt: null, commentTemplate: '' }],
    ['foreign feedback', 'cancel', 'feedbackForeign', 0, { problem: 'other', callbackAt: null, commentTemplate: 'Обратная связь, чужой клиент: ' }],
    ['wrong number', 'invalid', 'wrongNumber', 0, { problem: 'invalid_number', callbackAt: null, commentTemplate: 'Неверный номер телефона' }],
    ['feedback ours', 'invalid', 'feedbackOurs', 0, { problem: 'invalid_number', callbackAt: null, commentTemplate: 'Обратная связь' }],
    ['spam', 'invalid', 'spam', 0, { problem: 'spam', callbackAt: null, commentTemplate: 'Спам' }],
  ])('%s', (_name, result, variant, failedAttempts, expected) => {
    expect(resultDefaults(result, variant, { ...ctx, failedAttempts })).toEqual(expected);
  });
});

describe('callsSinceTaken', () => {
  const at = (startedAt: string) => ({ callId: startedAt, orderId: 1, startedAt, answeredAt: startedAt, endedAt: startedAt, outcome: 'answered' as const });
  test.each([
    [null, 2],
    ['2026-11-28T09:00:00.000Z', 1],
    ['2026-11-28T10:00:00.000Z', 0],
  ])('taken at %s → %i counted calls', (takenAt, n) => {
    expect(callsSinceTaken([at('2026-11-27T12:00:00.000Z'), at('2026-11-28T09:00:00.000Z')], takenAt)).toHaveLength(n);
  });
});

describe('the center context of the rules', () => {
  test('the callback bound is 90 days and the message says so in Russian', () => {
    expect(CALLBACK_MAX_DAYS).toBe(90);
    const [v] = validateResult({ ...base, ...VALID.callback!.args, callbackAt: at('9999-12-31T09:00:00Z') }, ctxOf());
    expect(v).toEqual({ code: 'callbackAtTooFar', field: 'callbackAt', message: 'Перезвон можно назначить не дальше чем на 90 дней вперёд.' });
  });

  test('centerContextOf: stored zone and hours; an unknown zone falls back to the configured one, malformed hours count as unset', () => {
    expect(centerContextOf({ timeZone: 'Asia/Yekaterinburg', workingHours: { start: '09:00', end: '21:00' } }, 'Europe/Moscow'))
      .toEqual({ timeZone: 'Asia/Yekaterinburg', workingHours: { start: '09:00', end: '21:00' }, callingWindow: { start: '09:00', end: '21:00' }, limits: { callbackMaxDays: 90 } });
    expect(centerContextOf({ timeZone: 'Mars/Olympus', workingHours: { start: '9', end: 21 } }, 'Asia/Omsk'))
      .toEqual({ timeZone: 'Asia/Omsk', workingHours: null, callingWindow: { start: '09:00', end: '21:00' }, limits: { callbackMaxDays: 90 } });
    expect(centerContextOf({}, 'Nowhere/Land').timeZone).toBe('Europe/Moscow');
    expect(CenterContext.safeParse(centerContextOf({ timeZone: 'Asia/Omsk' })).success).toBe(true);
  });

  test('resultContextFor carries zone, working hours and the callback bound into the rules', () => {
    const center = { timeZone: 'Asia/Vladivostok', workingHours: { start: '09:00', end: '18:00' }, callingWindow: { start: '09:00', end: '21:00' }, limits: { callbackMaxDays: 30 } };
    const ctx = resultContextFor(center, { calls: ANSWERED, now: NOW, failedAttempts: 0, reasons: DEFAULT_REASONS });
    expect(ctx).toMatchObject({ timeZone: 'Asia/Vladivostok', workingHours: center.workingHours, callbackMaxDays: 30 });
    // 09:00 UTC is 19:00 in Vladivostok (after 18:00) though only 12:00 in Moscow: the context's zone decides
    const args = { ...base, ...VALID.callback!.args, callbackAt: at('2026-11-29T09:00:00Z') };
    expect(validateResult(args, ctx).map((x) => x.code)).toEqual(['callbackAtOutsideHours']);
    expect(validateResult({ ...args, callbackAt: at('2027-01-05T01:00:00Z') }, ctx).map((x) => x.code)).toEqual(['callbackAtTooFar']);
  });
});
