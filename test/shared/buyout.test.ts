/** The delivery-outcome rules: latest event, buyout figures, the «не выкупает» flag, blacklisted orders. */
import {
  blacklistedOrder, buyerRecord, buyoutFigures, buyoutOfResults, latestShipmentEvent, type ShipmentEventFact,
} from '../../shared/domain/buyout';

const ev = (status: ShipmentEventFact['status'], occurredAt: string, seq: number, amountKop: number | null = null): ShipmentEventFact =>
  ({ status, occurredAt, seq, amountKop });

describe('latestShipmentEvent', () => {
  it('is the latest by time, ties broken by arrival; null without events', () => {
    expect(latestShipmentEvent([])).toBeNull();
    const shipped = ev('shipped', '2026-12-01T10:00:00Z', 1);
    const returned = ev('returned', '2026-12-03T10:00:00Z', 2);
    const delivered = ev('delivered', '2026-12-02T10:00:00Z', 3, 100);
    expect(latestShipmentEvent([shipped, returned, delivered])).toBe(returned);
    const tieA = ev('lost', '2026-12-04T10:00:00.000+03:00', 4);
    const tieB = ev('delivered', '2026-12-04T07:00:00Z', 5, 100);
    expect(latestShipmentEvent([tieB, tieA, shipped])).toBe(tieB);
  });
});

describe('buyoutFigures', () => {
  it('counts shipped = any event, rates delivered ÷ shipped, sums collected of delivered only', () => {
    const f = buyoutFigures([
      { status: 'delivered', amountKop: 249_000 }, { status: 'delivered', amountKop: 100_050 }, { status: 'returned', amountKop: null },
      { status: 'lost', amountKop: null }, { status: 'shipped', amountKop: null }, null, null,
    ]);
    expect(f).toEqual({ shipped: 5, delivered: 2, returned: 1, lost: 1, buyoutRate: 2 / 5, collectedKop: 349_050 });
    expect(buyoutFigures([null]).buyoutRate).toBeNull();
  });

  it('buyoutOfResults counts each confirmed order once and ignores other results', () => {
    const latest = new Map([[1, { status: 'delivered' as const, amountKop: 500 }], [2, { status: 'returned' as const, amountKop: null }], [4, { status: 'delivered' as const, amountKop: 7 }]]);
    const f = buyoutOfResults([
      { orderId: 1, result: 'confirm' }, { orderId: 1, result: 'confirm' }, { orderId: 2, result: 'confirm' },
      { orderId: 3, result: 'confirm' }, { orderId: 4, result: 'cancel' },
    ], latest);
    expect(f).toEqual({ shipped: 2, delivered: 1, returned: 1, lost: 0, buyoutRate: 0.5, collectedKop: 500 });
  });
});

describe('buyerRecord («не выкупает»)', () => {
  it('flags at returns ≥ threshold, not below', () => {
    expect(buyerRecord(['returned', 'delivered'], 2)).toEqual({ delivered: 1, returned: 1, threshold: 2, nonBuyer: false });
    expect(buyerRecord(['returned', 'returned', 'shipped'], 2)).toEqual({ delivered: 0, returned: 2, threshold: 2, nonBuyer: true });
    expect(buyerRecord(['returned', 'returned'], 3).nonBuyer).toBe(false);
  });
  it('treats a threshold below 1 as 1 (a customer without returns is never flagged)', () => {
    expect(buyerRecord([], 0)).toEqual({ delivered: 0, returned: 0, threshold: 1, nonBuyer: false });
    expect(buyerRecord(['returned'], 0).nonBuyer).toBe(true);
  });
});

describe('blacklistedOrder', () => {
  it('holds or closes as Невалид, the comment keeping the reason', () => {
    expect(blacklistedOrder('hold', 'Хамит')).toEqual({ status: 'held', comment: 'Номер в чёрном списке: Хамит' });
    expect(blacklistedOrder('invalid', 'Хамит')).toEqual({ status: 'invalid', comment: 'Номер в чёрном списке: Хамит' });
  });
});
