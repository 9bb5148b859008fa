/** The money of a save is the catalogue's: line prices, promo discounts, and the delivery the server proposes. */
import {
  DEFAULT_REASONS, catalogueLines, deliveryChoiceViolations, formatRub, pricingViolations, validateResult,
  type DeliveryOption, type Offer, type OrderLine, type SaveResultArgs,
} from '../../shared/domain';
import { emptyAddress } from '../../shared/domain/schemas';

const OFFERS: Offer[] = [
  { sku: 'CREAM', name: 'Крем', priceKop: 199_000, promo: { text: 'Второй −50 %, третий в подарок', allowedDiscountsPct: [50, 100] }, active: true },
  { sku: 'SOAP', name: 'Мыло', priceKop: 39_000, promo: { text: '', allowedDiscountsPct: [] }, active: true },
  { sku: 'SET', name: 'Набор', priceKop: 250_000, promo: { text: 'Набор со скидкой 10 %', allowedDiscountsPct: [10], mainLineDiscount: true }, active: true },
];

const line = (offerSku: string, patch: Partial<OrderLine> = {}): OrderLine => {
  const o = OFFERS.find((x) => x.sku === offerSku);
  return { offerSku, name: o?.name ?? offerSku, quantity: 1, unitPriceKop: o?.priceKop ?? 100, discountPct: 0, main: false, ...patch };
};
const main = (offerSku: string, patch: Partial<OrderLine> = {}) => line(offerSku, { main: true, ...patch });

describe('pricingViolations — lines against the catalogue and the promo terms', () => {
  test.each<[string, OrderLine[], string[]]>([
    ['catalogue prices, no discounts', [main('CREAM'), line('SOAP')], []],
    ['extra line with a discount of the main offer\'s terms (gift)', [main('CREAM'), line('SOAP', { discountPct: 100 })], []],
    ['quantity does not change the unit price rule', [main('CREAM', { quantity: 3 })], []],
    ['main line at 1 kopeck', [main('CREAM', { unitPriceKop: 1 })], ['priceMismatch']],
    ['extra line above the catalogue (stale cache after a price cut)', [main('CREAM'), line('SOAP', { unitPriceKop: 45_000 })], ['priceMismatch']],
    ['extra line free at price 0 instead of a gift discount', [main('CREAM'), line('SOAP', { unitPriceKop: 0 })], ['priceMismatch']],
    ['percent discount on the main line', [main('CREAM', { discountPct: 50 })], ['discountNotAllowed']],
    ['gift on the main line', [main('CREAM', { discountPct: 100 })], ['discountNotAllowed']],
    ['main-line discount allowed by the offer\'s own terms', [main('SET', { discountPct: 10 })], []],
    ['main-line discount outside even those terms', [main('SET', { discountPct: 50 })], ['discountNotAllowed']],
    ['extra line discount outside every promo', [main('SOAP'), line('CREAM', { discountPct: 30 })], ['discountNotAllowed']],
    ['unknown offer', [main('CREAM'), line('NOPE')], ['offerUnknown']],
    ['wrong price and wrong discount on one line: both', [main('CREAM', { unitPriceKop: 1, discountPct: 100 })], ['priceMismatch', 'discountNotAllowed']],
  ])('%s', (_name, lines, codes) => {
    expect(pricingViolations(lines, OFFERS).map((v) => v.code)).toEqual(codes);
  });

  test('the message names the line (number and name) and both prices', () => {
    const [v] = pricingViolations([main('CREAM'), line('SOAP', { unitPriceKop: 1 })], OFFERS);
    expect(v).toEqual({
      code: 'priceMismatch', field: 'lines.1.unitPriceKop',
      message: `Строка 2 «Мыло»: цена ${formatRub(1)} не совпадает с каталогом ${formatRub(39_000)} — обновите заказ.`,
    });
  });

  test('a main-line discount is refused naming the main line', () => {
    const [v] = pricingViolations([main('CREAM', { discountPct: 50 })], OFFERS);
    expect([v?.field, v?.message]).toEqual(['lines.0.discountPct', 'Строка 1 «Крем»: скидка 50 % на основной товар не предусмотрена условиями акции.']);
  });

  test('catalogueLines puts the catalogue price on known lines and keeps the rest', () => {
    expect(catalogueLines([main('CREAM', { unitPriceKop: 1, quantity: 2 }), line('NOPE', { unitPriceKop: 7 })], OFFERS))
      .toEqual([main('CREAM', { quantity: 2 }), line('NOPE', { unitPriceKop: 7 })]);
  });
});

describe('validateResult runs the pricing rule on a confirm (renderer, main and server alike)', () => {
  const args: SaveResultArgs = {
    orderId: 1, result: 'confirm', variant: null, problem: null, callbackAt: null, comment: '',
    customer: { name: 'Иванова Анна', phone: '+79123456789', extraPhone: null, gender: 'female' },
    address: { ...emptyAddress(), city: 'Пермь', street: 'Ленина', house: '1' },
    lines: [main('CREAM')], delivery: { id: 'c', method: 'courier', carrier: 'СДЭК', priceKop: 35_000, daysMin: 1, daysMax: 2 },
  };
  const ctx = {
    calls: [{ callId: 'c1', orderId: 1, startedAt: '2026-11-28T09:00:00.000Z', answeredAt: '2026-11-28T09:00:05.000Z', endedAt: '2026-11-28T09:02:00.000Z', outcome: 'answered' as const }],
    now: new Date('2026-11-28T10:00:00.000Z'), timeZone: 'Europe/Moscow', failedAttempts: 0, reasons: DEFAULT_REASONS, offers: OFFERS,
  };

  test.each<[string, OrderLine[], string[]]>([
    ['catalogue prices', [main('CREAM'), line('SOAP', { discountPct: 100 })], []],
    ['a stale price from the client cache', [main('CREAM', { unitPriceKop: 179_000 })], ['priceMismatch']],
    ['a discount on the main line', [main('CREAM', { discountPct: 50 })], ['discountNotAllowed']],
  ])('%s', (_name, lines, codes) => {
    expect(validateResult({ ...args, lines }, ctx).map((v) => v.code)).toEqual(codes);
  });
});

const opt = (id: string, method: DeliveryOption['method'], priceKop: number, patch: Partial<DeliveryOption> = {}): DeliveryOption =>
  ({ id, method, carrier: method === 'post' ? 'Почта России' : 'СДЭК', priceKop, daysMin: 1, daysMax: 3, ...patch });

describe('deliveryChoiceViolations — only an option the center proposes, courier-only when courier exists', () => {
  const moscow = [opt('post-1', 'post', 29_000), opt('door-3', 'courier', 39_000), opt('pvz-4', 'pickup', 25_000)];
  const village = [opt('post-1', 'post', 38_000)];
  test.each<[string, DeliveryOption | null, DeliveryOption[], string[]]>([
    ['the proposed courier', opt('door-3', 'courier', 39_000), moscow, []],
    ['the proposed pickup', opt('pvz-4', 'pickup', 25_000), moscow, []],
    ['post where no courier is quoted', opt('post-1', 'post', 38_000), village, []],
    ['no delivery chosen (the results rule asks for one)', null, moscow, []],
    ['post while a courier is proposed', opt('post-1', 'post', 29_000), moscow, ['deliveryCourierOnly']],
    ['forged price on the proposed id', opt('door-3', 'courier', 1), moscow, ['deliveryNotOffered']],
    ['forged id', opt('door-999', 'courier', 39_000), moscow, ['deliveryNotOffered']],
    ['forged carrier', opt('door-3', 'courier', 39_000, { carrier: 'Boxberry' }), moscow, ['deliveryNotOffered']],
    ['forged term', opt('door-3', 'courier', 39_000, { daysMax: 1 }), moscow, ['deliveryNotOffered']],
    ['forged method on the proposed id', opt('door-3', 'pickup', 39_000), moscow, ['deliveryNotOffered']],
    ['anything when nothing is quoted', opt('door-3', 'courier', 39_000), [], ['deliveryNotOffered']],
  ])('%s', (_name, chosen, quoted, codes) => {
    expect(deliveryChoiceViolations(chosen, quoted).map((v) => v.code)).toEqual(codes);
  });

  test('the refusal is in Russian and names the carrier and the price', () => {
    const [v] = deliveryChoiceViolations(opt('door-3', 'courier', 1), moscow);
    expect([v?.field, v?.message]).toEqual(['delivery', `Доставка «СДЭК» за ${formatRub(1)} не совпадает с вариантами, которые сервер рассчитал для этого адреса — обновите варианты доставки.`]);
  });
});
