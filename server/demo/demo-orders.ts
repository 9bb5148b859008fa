/**
 * ~300 demo orders over today, yesterday, two days ago and older, in every status and tab, with
 * their calls and results, repeat customers (same phone), invalid phones and an obscene name
 * (the Невалид paths). Deterministic (seeded PRNG) relative to `now`.
 */
import type { Address, DeliveryOption, Offer, OrderLine, OrderStatus, ResultKind } from '../../shared/domain/schemas';
import { dayStartsIn, QUICK_RECALL_MAX_ATTEMPTS } from '../../shared/domain/tabs';
import { parsePhone } from '../../shared/domain/phone';
import { orderTotals } from '../../shared/domain/money';
import { prefixComment } from '../../shared/domain/comment';
import { REASON_CODES } from '../../shared/domain/reasons';
import { SEED_CITIES } from '../lookups/address-seed';
import { regionByCode } from '../lookups/russia-regions';

/** A demo order with its history, ready to insert. */
export type DemoOrder = {
  externalId: string; status: OrderStatus; createdAt: Date; failedAttempts: number; callbackAt: Date | null; lastAttemptAt: Date | null;
  assignee: number | null; offerSku: string; customerName: string; phone: string; phoneValid: boolean; gender: 'male' | 'female' | null;
  address: Address; lines: OrderLine[]; delivery: DeliveryOption | null; problem: string | null; comment: string;
  calls: { callId: string; startedAt: Date; answeredAt: Date | null; endedAt: Date; outcome: string }[];
  result: { result: ResultKind; variant: string | null; at: Date } | null;
};

/** Mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Fio = readonly [string, string, string];
const MALE: readonly Fio[] = [['Иванов', 'Иван', 'Петрович'], ['Смирнов', 'Алексей', 'Викторович'], ['Кузнецов', 'Сергей', 'Николаевич'], ['Попов', 'Дмитрий', 'Андреевич'],
  ['Васильев', 'Михаил', 'Юрьевич'], ['Петров', 'Николай', 'Иванович'], ['Соколов', 'Андрей', 'Сергеевич'], ['Михайлов', 'Владимир', 'Олегович'],
  ['Новиков', 'Павел', 'Геннадьевич'], ['Фёдоров', 'Виктор', 'Степанович'], ['Морозов', 'Юрий', 'Борисович'], ['Волков', 'Григорий', 'Львович']];
const FEMALE: readonly Fio[] = [['Иванова', 'Мария', 'Ивановна'], ['Смирнова', 'Елена', 'Александровна'], ['Кузнецова', 'Ольга', 'Петровна'], ['Попова', 'Татьяна', 'Сергеевна'],
  ['Васильева', 'Наталья', 'Викторовна'], ['Петрова', 'Анна', 'Михайловна'], ['Соколова', 'Галина', 'Николаевна'], ['Лебедева', 'Светлана', 'Юрьевна'],
  ['Козлова', 'Людмила', 'Васильевна'], ['Новикова', 'Ирина', 'Андреевна'], ['Морозова', 'Валентина', 'Фёдоровна'], ['Волкова', 'Нина', 'Степановна']];
const MOBILE_CODES = ['903', '905', '906', '909', '910', '912', '915', '916', '917', '919', '921', '925', '926', '929', '950', '951', '960', '977', '985', '999'];

type Ctx = { rnd: () => number; now: Date; offers: Offer[]; operators: number[] };

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const int = (rnd: () => number, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));

function phone(rnd: () => number): string {
  for (;;) {
    const p = parsePhone(`+7${pick(rnd, MOBILE_CODES)}${String(int(rnd, 0, 9_999_999)).padStart(7, '0')}`);
    if (p.ok) return p.e164;
  }
}

function address(rnd: () => number): Address {
  const city = pick(rnd, SEED_CITIES);
  const [street, postal] = pick(rnd, city.streets);
  return {
    postalCode: postal, region: regionByCode(city.regionCode)?.name ?? '', district: city.district, city: city.name,
    cityId: `c:${SEED_CITIES.indexOf(city)}`, street, house: String(int(rnd, 1, 120)), building: '', korpus: rnd() < 0.1 ? '2' : '', apartment: String(int(rnd, 1, 300)),
  };
}

/** Generates the demo orders relative to `now` (center zone `timeZone`). */
export function demoOrders(now: Date, timeZone: string, offers: Offer[], operators: number[]): DemoOrder[] {
  const ctx: Ctx = { rnd: prng(20261128), now, offers: offers.filter((o) => o.active), operators };
  const { rnd } = ctx;
  const days = dayStartsIn(now, timeZone);
  const today = days.today.getTime();
  const sinceToday = Math.max(now.getTime() - today, 60_000);
  const when = (bucket: 'today' | 'yesterday' | 'twoDays' | 'older'): Date => {
    if (bucket === 'today') return new Date(today + Math.floor(rnd() * sinceToday * 0.9));
    if (bucket === 'yesterday') return new Date(days.yesterday.getTime() + Math.floor(rnd() * (today - days.yesterday.getTime())));
    if (bucket === 'twoDays') return new Date(days.twoDaysAgo.getTime() + Math.floor(rnd() * (days.yesterday.getTime() - days.twoDaysAgo.getTime())));
    return new Date(days.twoDaysAgo.getTime() - int(rnd, 1, 20) * 86_400_000 - Math.floor(rnd() * 86_400_000));
  };
  const repeatPhones = Array.from({ length: 25 }, () => phone(rnd));
  const out: DemoOrder[] = [];
  let n = 0;
  const make = (status: OrderStatus, bucket: 'today' | 'yesterday' | 'twoDays' | 'older', extra: Partial<DemoOrder> = {}): DemoOrder => {
    n++;
    const female = rnd() < 0.55;
    const [last, first, middle] = pick(rnd, female ? FEMALE : MALE);
    const offer = pick(rnd, ctx.offers);
    const createdAt = when(bucket);
    const processed = status !== 'new';
    const assignee = processed ? pick(rnd, operators) : null;
    const lines: OrderLine[] = [{ offerSku: offer.sku, name: offer.name, quantity: 1, unitPriceKop: offer.priceKop, discountPct: 0, main: true }];
    const o: DemoOrder = {
      externalId: `demo-${String(n).padStart(4, '0')}`, status, createdAt, failedAttempts: 0, callbackAt: null, lastAttemptAt: null, assignee,
      offerSku: offer.sku, customerName: processed || rnd() < 0.5 ? `${last} ${first} ${middle}` : first,
      phone: rnd() < 0.15 ? pick(rnd, repeatPhones) : phone(rnd), phoneValid: true, gender: processed ? (female ? 'female' : 'male') : null,
      address: processed ? address(rnd) : { postalCode: null, region: '', district: '', city: '', cityId: null, street: '', house: '', building: '', korpus: '', apartment: '' },
      lines, delivery: null, problem: null, comment: '', calls: [], result: null, ...extra,
    };
    return o;
  };
  const attempt = (o: DemoOrder, at: Date, answered: boolean) => {
    const talk = answered ? int(rnd, 40, 400) : 0;
    o.calls.push({
      callId: `demo-call-${o.externalId}-${o.calls.length + 1}`, startedAt: at, answeredAt: answered ? new Date(at.getTime() + 8_000) : null,
      endedAt: new Date(at.getTime() + (answered ? 8_000 + talk * 1000 : 30_000)), outcome: answered ? 'answered' : pick(rnd, ['noAnswer', 'busy', 'noAnswer']),
    });
    o.lastAttemptAt = new Date(at.getTime() + (answered ? 8_000 + talk * 1000 : 30_000));
  };
  const after = (o: DemoOrder, minMin: number, maxMin: number) =>
    new Date(Math.max(o.createdAt.getTime(), Math.min(o.createdAt.getTime() + int(rnd, minMin, maxMin) * 60_000, now.getTime() - 60_000)));
  const comment = (text: string, at: Date) => prefixComment(text, at, timeZone);
  const result = (o: DemoOrder, r: ResultKind, at: Date, variant: string | null = null) => { o.result = { result: r, variant, at }; };

  // Новый: mostly today, a few from yesterday.
  for (let i = 0; i < 55; i++) out.push(make('new', i < 48 ? 'today' : 'yesterday'));
  // Недозвон by age and attempts.
  const noAnswer = (bucket: 'today' | 'yesterday' | 'twoDays' | 'older', attempts: number) => {
    const o = make('no_answer', bucket);
    let t = after(o, 3, 30);
    for (let k = 0; k < attempts; k++) {
      attempt(o, t, false);
      t = new Date(Math.min(t.getTime() + int(rnd, 3, 40) * 60_000, now.getTime() - 30_000));
    }
    o.failedAttempts = attempts;
    o.problem = pick(rnd, [REASON_CODES.noPickup, REASON_CODES.unreachable, REASON_CODES.busy, REASON_CODES.drops]);
    o.comment = comment('Не берёт трубку', o.lastAttemptAt ?? now);
    if (attempts > QUICK_RECALL_MAX_ATTEMPTS && bucket === 'today') o.callbackAt = new Date(now.getTime() + int(rnd, -30, 90) * 60_000);
    result(o, 'noAnswer', o.lastAttemptAt ?? now);
    out.push(o);
  };
  for (let i = 0; i < 24; i++) noAnswer('today', int(rnd, 1, 3));
  for (let i = 0; i < 8; i++) noAnswer('today', int(rnd, 4, 6));
  for (let i = 0; i < 20; i++) noAnswer('yesterday', int(rnd, 1, 6));
  for (let i = 0; i < 14; i++) noAnswer('twoDays', int(rnd, 1, 6));
  for (let i = 0; i < 18; i++) noAnswer('older', int(rnd, 2, 8));
  // В работе: callbacks, some due already.
  for (let i = 0; i < 20; i++) {
    const o = make('callback', pick(rnd, ['today', 'today', 'yesterday', 'twoDays'] as const));
    attempt(o, after(o, 5, 60), true);
    o.problem = REASON_CODES.needCallback;
    o.callbackAt = new Date(now.getTime() + int(rnd, -120, 24 * 60) * 60_000);
    o.comment = comment('Просила перезвонить вечером, посоветуется с мужем', o.lastAttemptAt ?? now);
    result(o, 'callback', o.lastAttemptAt ?? now);
    out.push(o);
  }
  // Подтверждённые (some with extra items), отказы, невалид.
  for (let i = 0; i < 75; i++) {
    const o = make('confirmed', pick(rnd, ['today', 'today', 'yesterday', 'twoDays', 'older'] as const));
    attempt(o, after(o, 5, 90), true);
    const main = o.lines[0] as OrderLine;
    const offer = ctx.offers.find((f) => f.sku === main.offerSku) as Offer;
    if (rnd() < 0.4) {
      const pct = pick(rnd, offer.promo.allowedDiscountsPct.filter((d) => d > 0));
      o.lines.push({ ...main, main: false, discountPct: pct ?? 0 });
    }
    const courier = ['Москва', 'Санкт-Петербург'].includes(o.address.city);
    o.delivery = courier
      ? { id: 'СДЭК:door-demo', method: 'courier', carrier: 'СДЭК', priceKop: 39_000, daysMin: 1, daysMax: 2 }
      : { id: 'Почта России:post-demo', method: 'post', carrier: 'Почта России', priceKop: 35_000, daysMin: 5, daysMax: 14 };
    o.comment = comment('Подтвердил(а), адрес сверен', o.lastAttemptAt ?? now);
    result(o, 'confirm', o.lastAttemptAt ?? now);
    out.push(o);
  }
  for (let i = 0; i < 35; i++) {
    const o = make('cancelled', pick(rnd, ['today', 'yesterday', 'twoDays', 'older'] as const));
    attempt(o, after(o, 5, 90), true);
    o.problem = pick(rnd, [REASON_CODES.expensive, REASON_CODES.changedMind, REASON_CODES.notOrdered, REASON_CODES.boughtElsewhere, REASON_CODES.deliveryUnsuitable]);
    o.comment = comment('Отказ: передумала', o.lastAttemptAt ?? now);
    result(o, 'cancel', o.lastAttemptAt ?? now);
    out.push(o);
  }
  for (let i = 0; i < 8; i++) {
    const o = make('invalid', pick(rnd, ['today', 'yesterday', 'older'] as const), { phone: `+7${pick(rnd, MOBILE_CODES)}0000000`, phoneValid: false });
    o.problem = REASON_CODES.invalidNumber;
    o.comment = comment('Неверный номер телефона', after(o, 5, 60));
    result(o, 'invalid', after(o, 5, 60), 'wrongNumber');
    out.push(o);
  }
  // Fresh orders for the Невалид paths: fake phones and an obscene name, still Новый.
  out.push(make('new', 'today', { phone: '+70000000000', phoneValid: false, customerName: 'Тестов Тест' }));
  out.push(make('new', 'today', { phone: '+79991234567', phoneValid: false, customerName: 'Проверка Номера' }));
  out.push(make('new', 'today', { customerName: 'Хуй Пиздецов' }));
  return out;
}

/** Totals stored with a demo result (goods after discounts, delivery, total, extra items). */
export function demoTotals(o: DemoOrder): { subtotal: number; delivery: number; total: number; extra: number } {
  const t = orderTotals(o.lines, o.delivery);
  return { subtotal: t.totalKop - t.deliveryKop, delivery: t.deliveryKop, total: t.totalKop, extra: o.lines.filter((l) => !l.main).length };
}
