/** The customer's zone: the 85-region table, the order of trust and the phone's area codes. */
import {
  REGIONS, REGION_ZONES, RUSSIAN_ZONES, CustomerZone, UNKNOWN_CUSTOMER_ZONE, isKnownTimeZone, regionOfName,
  resolveCustomerZone, zoneAfterSave, zoneOfCity, zoneOfPhone, Order,
} from '../../shared/domain';
import { ABC_REGIONS, PHONE_REGIONS_DATE } from '../../shared/domain/phone-regions';
import { localParts } from '../../shared/domain/tabs';

const MOBILE = '+79123456789';

describe('REGION_ZONES', () => {
  test('maps all 85 regions to zones Intl knows, each used in Russia', () => {
    expect(Object.keys(REGION_ZONES)).toHaveLength(85);
    for (const zone of Object.values(REGION_ZONES)) {
      expect(isKnownTimeZone(zone)).toBe(true);
      expect(RUSSIAN_ZONES).toContain(zone);
    }
  });

  test('every Russian zone is between UTC+2 and UTC+12 with no DST (winter and summer alike)', () => {
    for (const zone of RUSSIAN_ZONES) {
      const offsets = ['2026-01-15T00:00:00Z', '2026-07-15T00:00:00Z'].map((iso) => {
        const p = localParts(new Date(iso), zone);
        return ((Date.UTC(p.y, p.m - 1, p.d, p.hh, p.mm) - Date.parse(iso)) / 3_600_000 + 24) % 24;
      });
      expect({ zone, offsets }).toEqual({ zone, offsets: [offsets[0], offsets[0]] });
      expect(offsets[0]).toBeGreaterThanOrEqual(2);
      expect(offsets[0]).toBeLessThanOrEqual(12);
    }
  });

  test.each([
    ['39', 'Europe/Kaliningrad'], ['77', 'Europe/Moscow'], ['41', 'Asia/Kamchatka'], ['25', 'Asia/Vladivostok'],
    ['54', 'Asia/Novosibirsk'], ['66', 'Asia/Yekaterinburg'], ['63', 'Europe/Samara'], ['87', 'Asia/Anadyr'], ['92', 'Europe/Simferopol'],
  ])('region %s → %s', (code, zone) => {
    expect(REGION_ZONES[code]).toBe(zone);
  });
});

describe('regionOfName', () => {
  test('finds every region by its table name and its code', () => {
    for (const r of REGIONS) {
      expect(regionOfName(r.name)?.code).toBe(r.code);
      expect(regionOfName(r.code)?.code).toBe(r.code);
    }
  });

  test.each([
    ['г Москва', '77'], ['Московская обл', '50'], ['Респ Татарстан', '16'], ['Респ Саха /Якутия/', '14'],
    ['Ханты-Мансийский Автономный округ - Югра', '86'], ['Чувашская Республика - Чувашия', '21'], ['Кемеровская область - Кузбасс', '42'],
    ['Алтайский край', '22'], ['Респ Алтай', '04'], ['Калининградская обл.', '39'], ['9', '09'], ['99', undefined], ['Бавария', undefined], ['', undefined],
  ])('postal spelling «%s» → %s', (name, code) => {
    expect(regionOfName(name)?.code).toBe(code);
  });
});

describe('zoneOfPhone (generated ABC table)', () => {
  test('the table is dated and names only known regions', () => {
    expect(PHONE_REGIONS_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const region of Object.values(ABC_REGIONS)) expect(REGION_ZONES[region]).toBeDefined();
  });

  test.each([
    ['+74012123456', 'Europe/Kaliningrad'], ['+74152123456', 'Asia/Kamchatka'], ['+74232123456', 'Asia/Vladivostok'],
    ['+74951234567', 'Europe/Moscow'], ['+73432123456', 'Asia/Yekaterinburg'], ['+78462123456', 'Europe/Samara'],
    [MOBILE, null], ['+77012345678', null], ['+375291234567', null],
  ])('%s → %s', (phone, zone) => {
    expect(zoneOfPhone(phone)).toBe(zone);
  });
});

describe('resolveCustomerZone: the order of trust', () => {
  const kaliningradPhone = '+74012123456';

  test('the address region wins over the landing page and the phone', () => {
    expect(resolveCustomerZone({ addressRegion: 'Камчатский край', ingest: { timeZone: 'Asia/Omsk' }, phoneE164: kaliningradPhone }))
      .toEqual({ zone: 'Asia/Kamchatka', source: 'address' });
  });

  test('the landing page: a Russian zone, else a region, else a capital city; before the phone', () => {
    expect(resolveCustomerZone({ ingest: { timeZone: 'Asia/Omsk', region: '25' }, phoneE164: kaliningradPhone })).toEqual({ zone: 'Asia/Omsk', source: 'ingest' });
    expect(resolveCustomerZone({ ingest: { timeZone: 'America/New_York', region: 'Приморский край' }, phoneE164: kaliningradPhone }))
      .toEqual({ zone: 'Asia/Vladivostok', source: 'ingest' });
    expect(resolveCustomerZone({ ingest: { city: 'г. Петропавловск-Камчатский' }, phoneE164: MOBILE })).toEqual({ zone: 'Asia/Kamchatka', source: 'ingest' });
    expect(resolveCustomerZone({ ingest: { city: 'Орел' }, phoneE164: MOBILE })).toEqual({ zone: 'Europe/Moscow', source: 'ingest' });
  });

  test('then the phone, else unknown', () => {
    expect(resolveCustomerZone({ addressRegion: '', ingest: { city: 'Нигдеград' }, phoneE164: kaliningradPhone })).toEqual({ zone: 'Europe/Kaliningrad', source: 'phone' });
    expect(resolveCustomerZone({ phoneE164: MOBILE })).toEqual(UNKNOWN_CUSTOMER_ZONE);
  });

  test('zoneAfterSave: an address region re-places; otherwise address/ingest zones stay and phone zones follow the phone', () => {
    const ingest: CustomerZone = { zone: 'Asia/Omsk', source: 'ingest' };
    expect(zoneAfterSave(ingest, 'Свердловская обл', MOBILE)).toEqual({ zone: 'Asia/Yekaterinburg', source: 'address' });
    expect(zoneAfterSave(ingest, '', MOBILE)).toEqual(ingest);
    expect(zoneAfterSave({ zone: 'Europe/Kaliningrad', source: 'phone' }, '', MOBILE)).toEqual(UNKNOWN_CUSTOMER_ZONE);
    expect(zoneAfterSave(UNKNOWN_CUSTOMER_ZONE, '', '+74152123456')).toEqual({ zone: 'Asia/Kamchatka', source: 'phone' });
  });
});

test('Order: a cached copy without customerZone parses with the unknown zone', () => {
  const order = {
    id: 1, externalId: null, status: 'new', createdAt: '2026-11-28T08:00:00.000Z', updatedAt: '2026-11-28T08:00:00.000Z', failedAttempts: 0,
    callbackAt: null, lastAttemptAt: null, assigneeId: null, assigneeName: null, leaseUntil: null, offerSku: 'X',
    customer: { name: 'А', phone: MOBILE, extraPhone: null, gender: null },
    address: { postalCode: null, region: '', district: '', city: '', cityId: null, street: '', house: '', building: '', korpus: '', apartment: '' },
    lines: [], delivery: null, problem: null, comment: '', calls: [], version: 1,
  };
  expect(Order.parse(order).customerZone).toEqual(UNKNOWN_CUSTOMER_ZONE);
  expect(Order.parse({ ...order, customerZone: { zone: 'Asia/Omsk', source: 'phone' } }).customerZone).toEqual({ zone: 'Asia/Omsk', source: 'phone' });
});

test('zoneOfCity knows the capitals only', () => {
  expect(zoneOfCity('Владивосток')).toBe('Asia/Vladivostok');
  expect(zoneOfCity('Тольятти')).toBeNull();
});
