/**
 * One rule context in all three tiers: the same random save (order, calls, result arguments,
 * clock) under the same random center settings (zone or none, working hours or none) gets the same
 * verdict from
 * - the server: the center settings written as the admin route writes them into PostgreSQL, the
 *   context read back by `readCenterContext` and turned into the rule context by
 *   `resultContextFor`, as the save of `saveResult.v1` does, then `applyResult`;
 * - main: the context the server sent, cached in a real SQLite cache (`setCenter`/`getCenter`),
 *   the order claimed into it, then `saveResultLocally` (refusal message or a queued mutation);
 * - the renderer: `ruleContext` of result-logic on main's order view with the session's center,
 *   then `missingFor` on the form.
 * Without the center context, main and the renderer ignored the working hours and used the
 * configured zone, and a save passing locally was refused after sync.
 */
import fc from 'fast-check';
import { openPg } from '../../server/db/pg-db';
import { PG_URL, dropSchema, uniqueSchema } from '../server/support/server-process';
import { migrate as migratePg } from '../../server/db/migrate';
import type { Db as PgDb } from '../../server/db/db';
import { readCenterContext, writeCenterSettings } from '../../server/admin/settings';
import type { ServerConfig } from '../../server/config';
import { openDb, type Db as CacheDb } from '../../main/db/open-db';
import { storeClaimed } from '../../main/repos/orders';
import { getCenter, setCenter } from '../../main/repos/settings';
import { readOrderView, saveResultLocally } from '../../main/services/order-view';
import { AppError } from '../../main/errors';
import { missingFor, ruleContext, saveArgs } from '../../renderer/order/result-logic';
import {
  CenterContext, DEFAULT_REASONS, ResultRejectedError, applyResult, emptyAddress, resultContextFor,
  type CallAttempt, type Offer, type Order, type ResultKind, type SaveResultArgs,
} from '../../shared/domain';
import type { Draft } from '../../shared/ipc/contract';

jest.setTimeout(180_000);

const CONFIG_ZONE = 'Europe/Moscow';
const config = { timeZone: CONFIG_ZONE } as ServerConfig;
const OFFERS: Offer[] = [
  { sku: 'CREAM-1', name: 'Крем', priceKop: 199_000, promo: { text: 'Второй −50 %, третий в подарок', allowedDiscountsPct: [50, 100] }, active: true },
  { sku: 'SOAP-2', name: 'Мыло', priceKop: 39_000, promo: { text: '', allowedDiscountsPct: [] }, active: true },
];
const LINES: Order['lines'] = [
  { offerSku: 'CREAM-1', name: 'Крем', quantity: 1, unitPriceKop: 199_000, discountPct: 0, main: true },
  { offerSku: 'SOAP-2', name: 'Мыло', quantity: 1, unitPriceKop: 39_000, discountPct: 0, main: false },
];
const DELIVERY: NonNullable<Order['delivery']> = { id: 'cdek-courier', method: 'courier', carrier: 'СДЭК', priceKop: 35_000, daysMin: 2, daysMax: 4 };
const ADDRESS = { ...emptyAddress(), postalCode: '101000', region: 'Москва', city: 'Москва', street: 'Тверская', house: '7', apartment: '12' };

let pg: PgDb;
let cache: CacheDb;
const schema = uniqueSchema();
beforeAll(async () => {
  pg = await openPg(PG_URL, schema);
  await migratePg(pg);
  cache = openDb(':memory:');
});
afterAll(async () => {
  cache?.close();
  await pg?.close();
  await dropSchema(schema);
});

const MIN = 60_000;
const DAY = 86_400_000;
const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 30, 59)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

/** The variant, problem and comment that fit each result (a save the rules accept when the rest fits too). */
const FITTING: Record<ResultKind, { variant: SaveResultArgs['variant']; problem: string | null; comment: string }[]> = {
  confirm: [{ variant: null, problem: null, comment: '' }],
  callback: [{ variant: null, problem: 'need_callback', comment: 'Просит перезвонить' }],
  noAnswer: [{ variant: null, problem: 'no_pickup', comment: 'Не берёт трубку' }],
  cancel: [{ variant: null, problem: 'expensive', comment: 'Дорого' }, { variant: 'feedbackForeign', problem: 'other', comment: 'Чужой магазин' }],
  invalid: [
    { variant: 'wrongNumber', problem: 'invalid_number', comment: 'Неверный номер' },
    { variant: 'spam', problem: 'spam', comment: 'Спам' },
    { variant: 'feedbackOurs', problem: 'invalid_number', comment: 'Обратная связь' },
  ],
};

/** A value that overrides the fitting one in about one case of six (undefined: keep the fitting one). */
const sometimes = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: arb, weight: 1 });

const Case = fc.record({
  zone: fc.constantFrom<string | null>(null, 'Europe/Moscow', 'Asia/Vladivostok', 'Europe/Berlin', 'America/New_York'),
  hours: fc.option(fc.tuple(hhmm, hhmm).filter(([a, b]) => a < b).map(([start, end]) => ({ start, end })), { nil: null, freq: 3 }),
  now: fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') }).map((ms) => Math.floor(ms / MIN) * MIN),
  status: fc.constantFrom<Order['status']>('new', 'callback', 'no_answer'),
  failedAttempts: fc.integer({ min: 0, max: 5 }),
  calls: sometimes(fc.array(fc.record({ minutesAgo: fc.integer({ min: 1, max: 40 }), answered: fc.boolean() }), { maxLength: 2 })),
  result: fc.constantFrom<ResultKind>('confirm', 'callback', 'noAnswer', 'cancel', 'invalid'),
  fitting: fc.nat(2),
  variant: sometimes(fc.constantFrom<SaveResultArgs['variant']>(null, 'wrongNumber', 'feedbackOurs', 'feedbackForeign', 'spam')),
  problem: sometimes(fc.constantFrom<string | null>(null, 'need_callback', 'no_pickup', 'expensive', 'other', 'spam', 'invalid_number')),
  comment: sometimes(fc.constantFrom('', 'Спам', 'Обратная связь', 'Просит перезвонить')),
  callbackIn: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 4 },
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: fc.integer({ min: -60, max: 24 * 60 }).map((m) => m * MIN), weight: 1 },
    { arbitrary: fc.integer({ min: 1, max: 200 }).map((d) => d * DAY), weight: 1 },
  ),
  /** Minutes ahead of a fitting callback: the rules still judge zone, hours and today against it. */
  fitCallbackIn: fc.integer({ min: 1, max: 36 * 60 }).map((m) => m * MIN),
  fullName: fc.nat(4).map((n) => n > 0),
});

type CaseValue = typeof Case extends fc.Arbitrary<infer T> ? T : never;

/** A fitting callback for В работе and a 4th+ Недозвон (else none), unless the case sets one. */
function callbackAtOf(c: CaseValue): string | null {
  const needs = c.result === 'callback' || (c.result === 'noAnswer' && c.failedAttempts >= 3);
  const inMs = c.callbackIn === undefined ? (needs ? c.fitCallbackIn : null) : c.callbackIn;
  return inMs === null ? null : new Date(c.now + inMs).toISOString();
}

/** Calls that fit the result (none for a wrong number or spam, an unanswered one for Недозвон, else an answered one), unless the case sets them. */
function callsOf(c: CaseValue, variant: SaveResultArgs['variant']): { minutesAgo: number; answered: boolean }[] {
  if (c.calls !== undefined) return c.calls;
  if (variant === 'wrongNumber' || variant === 'spam') return [];
  return [{ minutesAgo: 5, answered: c.result !== 'noAnswer' }];
}

/** The form the renderer holds for a case (what saveArgs turns into the pushed arguments). */
function formOf(c: CaseValue, orderId: number, variant: SaveResultArgs['variant']): Draft {
  const fit = (x: CaseValue) => { const list = FITTING[x.result]; return list[x.fitting % list.length]!; };
  return {
    orderId,
    customer: { name: c.fullName ? 'Иванова Мария' : 'Мария', phone: '+79123456789', extraPhone: null, gender: 'female' },
    address: ADDRESS, lines: LINES, delivery: DELIVERY, deliveryOptions: [DELIVERY],
    comment: c.comment ?? fit(c).comment, result: c.result, variant, problem: c.problem === undefined ? fit(c).problem : c.problem,
    callbackAt: callbackAtOf(c),
    updatedAt: new Date(c.now).toISOString(),
  };
}

test('server, main and renderer give the same verdict on the same save and center settings', async () => {
  let orderId = 0;
  const verdicts = { accepted: 0, refused: 0 };
  await fc.assert(fc.asyncProperty(Case, async (c) => {
    orderId++;
    const now = new Date(c.now);
    const takenAt = new Date(c.now - 20 * MIN).toISOString();
    const fitting = FITTING[c.result];
    const variant = c.variant === undefined ? fitting[c.fitting % fitting.length]!.variant : c.variant;
    const calls: CallAttempt[] = callsOf(c, variant).map((x, i) => {
      const startedAt = new Date(c.now - x.minutesAgo * MIN).toISOString();
      return { callId: `c${orderId}-${i}`, orderId, startedAt, answeredAt: x.answered ? startedAt : null, endedAt: startedAt, outcome: x.answered ? 'answered' : 'noAnswer' };
    });
    const order: Order = {
      id: orderId, externalId: null, status: c.status, createdAt: new Date(c.now - DAY).toISOString(), updatedAt: takenAt,
      failedAttempts: c.failedAttempts, callbackAt: null, lastAttemptAt: null, assigneeId: 7, assigneeName: 'Оператор', leaseUntil: new Date(c.now + 10 * MIN).toISOString(),
      offerSku: 'CREAM-1', customer: { name: 'Иванова Мария', phone: '+79123456789', extraPhone: null, gender: 'female' },
      address: ADDRESS, lines: LINES, delivery: null, problem: null, comment: '', calls, version: orderId,
      customerZone: { zone: null, source: 'unknown' },
    };
    const form = formOf(c, orderId, variant);
    const args = saveArgs(form, c.result, variant, now, c.zone ?? CONFIG_ZONE);

    // server: settings as the admin route stores them, the context as the save builds it
    await pg.query('DELETE FROM center_settings');
    await writeCenterSettings(pg, { ...(c.zone ? { timeZone: c.zone } : {}), workingHours: c.hours });
    const serverCenter = await readCenterContext(pg, config);
    let server: string;
    try {
      applyResult(order, args, resultContextFor(serverCenter, { calls, now, failedAttempts: c.failedAttempts, reasons: DEFAULT_REASONS, offers: OFFERS, takenAt }));
      server = '';
    } catch (e) {
      if (!(e instanceof ResultRejectedError)) throw e;
      server = e.violations.map((x) => `${x.field}: ${x.message}`).join(' ');
    }

    // main: the context as it arrives (JSON), cached; the order claimed into the cache
    setCenter(cache, CenterContext.parse(JSON.parse(JSON.stringify(serverCenter))));
    const center = getCenter(cache);
    if (!center) throw new Error('the cached center context did not parse');
    storeClaimed(cache, order, now);
    const view = readOrderView(cache, orderId);
    if (!view) throw new Error('the claimed order is not in the cache');
    let main: string;
    try {
      saveResultLocally(cache, args, { center, reasons: DEFAULT_REASONS, offers: OFFERS, now });
      main = '';
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'rule_violation') throw e;
      main = e.message;
    }

    // renderer: the session's center and main's view of the order
    const ctx = ruleContext(view, DEFAULT_REASONS, OFFERS, center, now);
    const renderer = missingFor(form, c.result, variant, true, ctx).map((x) => `${x.field}: ${x.message}`).join(' ');

    if (server === '') verdicts.accepted++;
    else verdicts.refused++;
    expect({ main, renderer }).toEqual({ main: server, renderer: server });
  }), { numRuns: 300, seed: 1412 });
  expect(verdicts.accepted).toBeGreaterThan(50);
  expect(verdicts.refused).toBeGreaterThan(50);
});
