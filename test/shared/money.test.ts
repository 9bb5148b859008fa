import fc from 'fast-check';
import { MAX_KOP, formatRub, formatRubWhole, lineTotalKop, orderTotals } from '../../shared/domain';

const NBSP = '\u00a0';

describe('lineTotalKop — per line, round half up to whole kopecks, integer math', () => {
  test.each<[string, number, number, number, number]>([
    ['no discount', 2, 199_050, 0, 398_100],
    ['gift (100 %)', 3, 199_000, 100, 0],
    ['50 %', 1, 199_000, 50, 99_500],
    ['half a kopeck rounds up: 1 × 1 kop at 50 %', 1, 1, 50, 1],
    ['below half rounds down: 1 × 1 kop at 51 %', 1, 1, 51, 0],
    ['above half rounds up: 1 × 1 kop at 49 %', 1, 1, 49, 1],
    ['33 % of 99,99 ₽ = 6699,33 kop → 6699', 1, 9_999, 33, 6_699],
    ['15 % of 3 × 333 kop = 849,15 → 849', 3, 333, 15, 849],
    ['7 % of 150 kop = 139,5 → 140 (half up)', 1, 150, 7, 140],
    ['the line is rounded once, not per unit: 3 × 1 kop at 50 % = 1,5 → 2', 3, 1, 50, 2],
  ])('%s', (_name, quantity, unitPriceKop, discountPct, expected) => {
    expect(lineTotalKop({ quantity, unitPriceKop, discountPct })).toBe(expected);
  });
});

describe('orderTotals', () => {
  test('main line + discounted extra + gift + delivery', () => {
    const lines = [
      { quantity: 1, unitPriceKop: 199_000, discountPct: 0 },
      { quantity: 1, unitPriceKop: 199_000, discountPct: 50 },
      { quantity: 2, unitPriceKop: 39_000, discountPct: 100 },
    ];
    expect(orderTotals(lines, { priceKop: 35_000 })).toEqual({ subtotalKop: 476_000, discountKop: 177_500, deliveryKop: 35_000, totalKop: 333_500 });
  });

  test('no delivery chosen yet', () => {
    expect(orderTotals([{ quantity: 1, unitPriceKop: 150, discountPct: 7 }], null)).toEqual({ subtotalKop: 150, discountKop: 10, deliveryKop: 0, totalKop: 140 });
  });

  test('empty order', () => {
    expect(orderTotals([], null)).toEqual({ subtotalKop: 0, discountKop: 0, deliveryKop: 0, totalKop: 0 });
  });

  test('property: totals are integers, never negative, and add up', () => {
    const line = fc.record({ quantity: fc.integer({ min: 1, max: 999 }), unitPriceKop: fc.integer({ min: 0, max: 10_000_000 }), discountPct: fc.integer({ min: 0, max: 100 }) });
    fc.assert(fc.property(fc.array(line, { maxLength: 50 }), fc.option(fc.integer({ min: 0, max: MAX_KOP }), { nil: null }), (lines, delivery) => {
      const t = orderTotals(lines, delivery === null ? null : { priceKop: delivery });
      for (const v of Object.values(t)) {
        expect(Number.isSafeInteger(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
      }
      expect(t.discountKop).toBeLessThanOrEqual(t.subtotalKop);
      expect(t.totalKop).toBe(t.subtotalKop - t.discountKop + t.deliveryKop);
      expect(t.totalKop - t.deliveryKop).toBe(lines.reduce((s, l) => s + lineTotalKop(l), 0));
    }));
  });
});

describe('formatRub — kopecks only when non-zero, NBSP thousands', () => {
  test.each<[number, string]>([
    [0, `0${NBSP}₽`],
    [5, `0,05${NBSP}₽`],
    [99_00, `99${NBSP}₽`],
    [199_000, `1${NBSP}990${NBSP}₽`],
    [199_050, `1${NBSP}990,50${NBSP}₽`],
    [199_005, `1${NBSP}990,05${NBSP}₽`],
    [123_456_789_00, `123${NBSP}456${NBSP}789${NBSP}₽`],
    [-1_205, `−12,05${NBSP}₽`],
  ])('%d → %s', (kop, text) => {
    expect(formatRub(kop)).toBe(text);
  });
});

describe('formatRubWhole — report statistics in whole roubles, half up', () => {
  test.each<[number, string]>([
    [0, `0${NBSP}₽`],
    [49, `0${NBSP}₽`],
    [50, `1${NBSP}₽`],
    [325_370, `3${NBSP}254${NBSP}₽`],
    [255_000, `2${NBSP}550${NBSP}₽`],
    [14_881_849, `148${NBSP}818${NBSP}₽`],
    [-1_250, `−13${NBSP}₽`],
  ])('%d → %s', (kop, text) => {
    expect(formatRubWhole(kop)).toBe(text);
  });
});
