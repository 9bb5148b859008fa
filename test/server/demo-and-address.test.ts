/** Demo data covers the Невалид paths and repeat customers; the local address provider is complete. */
import { demoOrders } from '../../server/demo/demo-orders';
import { DEMO_OFFERS, demoScript } from '../../server/demo/demo-offers';
import { LocalAddressProvider, REGION_NAMES } from '../../server/lookups/address-provider';
import { REGIONS } from '../../server/lookups/russia-regions';
import { SEED_CITIES } from '../../server/lookups/address-seed';
import { looksObscene } from '../../shared/domain/spam';
import { parsePhone } from '../../shared/domain/phone';
import { scriptVariables } from '../../shared/domain/script-vars';
import { Script } from '../../shared/api/http';

describe('demo data', () => {
  const now = new Date('2026-11-28T12:00:00.000Z');
  const orders = demoOrders(now, 'Europe/Moscow', DEMO_OFFERS, [3, 4, 5, 6, 7]);

  it('has ~300 orders in every status with repeat customers, fake phones and an obscene name', () => {
    expect(orders.length).toBeGreaterThanOrEqual(280);
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['new', 'callback', 'no_answer', 'confirmed', 'cancelled', 'invalid']));
    const perPhone = new Map<string, number>();
    for (const o of orders) perPhone.set(o.phone, (perPhone.get(o.phone) ?? 0) + 1);
    expect([...perPhone.values()].filter((n) => n > 1).length).toBeGreaterThanOrEqual(5);
    const fresh = orders.filter((o) => o.status === 'new');
    expect(fresh.filter((o) => !parsePhone(o.phone).ok).length).toBeGreaterThanOrEqual(2);
    expect(fresh.filter((o) => looksObscene(o.customerName))).toHaveLength(1);
    expect(orders.filter((o) => o.phoneValid).every((o) => parsePhone(o.phone).ok)).toBe(true);
    expect(new Set(orders.map((o) => o.externalId)).size).toBe(orders.length);
  });

  it('has six active offers with promo terms and scripts using the form variables', () => {
    expect(DEMO_OFFERS.filter((o) => o.active).length).toBeGreaterThanOrEqual(6);
    for (const offer of DEMO_OFFERS) {
      const script = Script.parse(demoScript(offer));
      const vars = script.sections.flatMap((s) => scriptVariables(s.body));
      expect(vars).toEqual(expect.arrayContaining(['customerName', 'operatorName', 'price', 'subtotal', 'delivery', 'total']));
    }
  });
});

describe('local address provider', () => {
  it('knows the 85 regions and every seed city belongs to one', () => {
    expect(REGIONS).toHaveLength(85);
    expect(new Set(REGION_NAMES).size).toBe(85);
    for (const c of SEED_CITIES) expect(REGIONS.some((r) => r.code === c.regionCode)).toBe(true);
    for (const c of SEED_CITIES) for (const [, postal] of c.streets) expect(postal).toMatch(/^\d{6}$/);
  });

  it('suggests by prefix, ignoring case and ё, and walks city → street → house', async () => {
    const p = new LocalAddressProvider();
    const [city] = await p.suggest({ q: 'ХАБАР', level: 'city' });
    expect(city).toMatchObject({ value: 'Хабаровск', region: 'Хабаровский край' });
    const [street] = await p.suggest({ q: 'муравьев', level: 'street', parent: city?.id });
    expect(street?.value).toBe('улица Муравьёва-Амурского');
    const houses = await p.suggest({ q: '3к', level: 'house', parent: street?.id });
    expect(houses.map((h) => h.value).slice(0, 2)).toEqual(['3к1', '3к2']);
    expect(await p.suggest({ q: '', level: 'street', parent: 'c:99999' })).toEqual([]);
  });
});
