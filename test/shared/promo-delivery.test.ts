/** One rule, one place: allowed discounts of a line (promo terms) and the pre-chosen delivery option. */
import {
  allowedDiscountsFor, defaultDeliveryOption, validateResult, DEFAULT_REASONS,
  type DeliveryOption, type Offer, type SaveResultArgs,
} from '../../shared/domain';
import { emptyAddress } from '../../shared/domain/schemas';

const offer = (sku: string, allowedDiscountsPct: number[]): Offer => ({ sku, name: sku, priceKop: 100_000, promo: { text: '', allowedDiscountsPct }, active: true });
const OFFERS = [offer('KREM', [50, 100]), offer('BALM', []), offer('GEL', [10, 50]), { ...offer('SET', [20]), promo: { text: '', allowedDiscountsPct: [20], mainLineDiscount: true } }];

describe('allowedDiscountsFor — 0 plus the promo discounts of the line offer and of the main offer', () => {
  test.each<[string, string, string | null, number[]]>([
    ['main line: no promo discount, the terms are for extra items', 'KREM', null, [0]],
    ['main line whose terms allow a main-line discount: its own terms', 'SET', null, [0, 20]],
    ['extra line of an offer with mainLineDiscount: its terms as usual', 'SET', 'BALM', [0, 20]],
    ['extra line without terms gets the main offer terms', 'BALM', 'KREM', [0, 50, 100]],
    ['both terms merged, ascending, no repeats', 'GEL', 'KREM', [0, 10, 50, 100]],
    ['no terms anywhere: only 0', 'BALM', 'BALM', [0]],
    ['unknown line offer: the main offer terms', 'NOPE', 'GEL', [0, 10, 50]],
    ['unknown main offer adds nothing', 'GEL', 'NOPE', [0, 10, 50]],
    ['nothing known: only 0', 'NOPE', null, [0]],
  ])('%s', (_name, line, main, expected) => {
    expect(allowedDiscountsFor(line, main, OFFERS)).toEqual(expected);
  });

  test('validateResult accepts exactly the discounts the function allows', () => {
    const base: SaveResultArgs = {
      orderId: 1, result: 'confirm', variant: null, problem: null, callbackAt: null, comment: '',
      customer: { name: 'Иванова Анна', phone: '+79123456789', extraPhone: null, gender: 'female' },
      address: { ...emptyAddress(), city: 'Пермь', street: 'Ленина', house: '1' },
      lines: [], delivery: { id: 'c', method: 'courier', carrier: 'СДЭК', priceKop: 35_000, daysMin: 1, daysMax: 2 },
    };
    const ctx = {
      calls: [{ callId: 'c1', orderId: 1, startedAt: '2026-11-28T09:00:00.000Z', answeredAt: '2026-11-28T09:00:05.000Z', endedAt: '2026-11-28T09:02:00.000Z', outcome: 'answered' as const }],
      now: new Date('2026-11-28T10:00:00.000Z'), timeZone: 'Europe/Moscow', failedAttempts: 0, reasons: DEFAULT_REASONS, offers: OFFERS,
    };
    const line = (sku: string, discountPct: number, main: boolean) => ({ offerSku: sku, name: sku, quantity: 1, unitPriceKop: 100_000, discountPct, main });
    for (const [sku, mainSku] of [['KREM', 'KREM'], ['SET', 'SET'], ['BALM', 'KREM'], ['GEL', 'BALM'], ['GEL', 'KREM']] as const) {
      for (const d of [0, 10, 20, 25, 50, 100]) {
        const lines = sku === mainSku ? [line(sku, d, true)] : [line(mainSku, 0, true), line(sku, d, false)];
        const refused = validateResult({ ...base, lines }, ctx).some((x) => x.code === 'discountNotAllowed');
        expect([sku, mainSku, d, refused]).toEqual([sku, mainSku, d, !allowedDiscountsFor(sku, sku === mainSku ? null : mainSku, OFFERS).includes(d)]);
      }
    }
  });
});

const opt = (id: string, method: DeliveryOption['method'], priceKop: number, daysMax = 3): DeliveryOption => ({ id, method, carrier: id, priceKop, daysMin: 1, daysMax });

describe('defaultDeliveryOption — the cheapest courier after proposeDeliveryOptions', () => {
  test.each<[string, DeliveryOption[], string | null]>([
    ['no options', [], null],
    ['cheapest courier, though post is cheaper', [opt('post', 'post', 10_000), opt('c2', 'courier', 40_000), opt('c1', 'courier', 30_000)], 'c1'],
    ['equal price: the faster courier', [opt('slow', 'courier', 30_000, 7), opt('fast', 'courier', 30_000, 2)], 'fast'],
    ['a cheaper pickup does not win over courier', [opt('pick', 'pickup', 5_000), opt('c', 'courier', 35_000)], 'c'],
    ['no courier: the cheapest proposed option', [opt('p2', 'post', 30_000), opt('p1', 'post', 25_000)], 'p1'],
  ])('%s', (_name, options, expected) => {
    expect(defaultDeliveryOption(options)?.id ?? null).toBe(expected);
  });
});
