/**
 * The customer's time zone (docs/domain.md «Customer time and calling windows»): which IANA zone an
 * order's customer lives in and where that came from. Order of trust:
 *  1. `address` — the region of the delivery address, once chosen (REGION_ZONES);
 *  2. `ingest`  — what the landing page sent: a Russian IANA zone, else a region, else a city;
 *  3. `phone`   — the geographic (ABC) area code of a Russian landline number (phone-regions.ts);
 *  4. `unknown` — nothing above matched (mobile numbers are not geographic).
 */
import { z } from 'zod';
import { REGIONS, type Region } from './russia-regions';
import { ABC_REGIONS } from './phone-regions';

/** Region code → IANA zone of all 85 regions. */
export const REGION_ZONES: Readonly<Record<string, string>> = Object.fromEntries(REGIONS.map((r) => [r.code, r.zone]));

/** Every IANA zone used inside Russia (a landing page's `timeZone` is trusted only when it is one of these). */
export const RUSSIAN_ZONES: readonly string[] = [
  'Europe/Kaliningrad', 'Europe/Moscow', 'Europe/Simferopol', 'Europe/Kirov', 'Europe/Volgograd', 'Europe/Astrakhan',
  'Europe/Saratov', 'Europe/Ulyanovsk', 'Europe/Samara', 'Asia/Yekaterinburg', 'Asia/Omsk', 'Asia/Novosibirsk',
  'Asia/Barnaul', 'Asia/Tomsk', 'Asia/Novokuznetsk', 'Asia/Krasnoyarsk', 'Asia/Irkutsk', 'Asia/Chita', 'Asia/Yakutsk',
  'Asia/Khandyga', 'Asia/Vladivostok', 'Asia/Ust-Nera', 'Asia/Magadan', 'Asia/Sakhalin', 'Asia/Srednekolymsk',
  'Asia/Kamchatka', 'Asia/Anadyr',
];

/** Where an order's zone came from. */
export const ZoneSource = z.enum(['address', 'ingest', 'phone', 'unknown']);
export type ZoneSource = z.infer<typeof ZoneSource>;

/** The customer's zone of an order: null with source `unknown` when nothing tells it. */
export const CustomerZone = z.object({
  zone: z.string().min(1).max(64).nullable(),
  source: ZoneSource,
});
export type CustomerZone = z.infer<typeof CustomerZone>;

/** The zone of an order nobody could place (also the value of old cache rows without one). */
export const UNKNOWN_CUSTOMER_ZONE: CustomerZone = { zone: null, source: 'unknown' };

/** What the landing page may send about where the customer is (all optional). */
export const IngestGeo = z.object({
  region: z.string().trim().max(200).optional(),
  city: z.string().trim().max(200).optional(),
  timeZone: z.string().trim().max(64).optional(),
});
export type IngestGeo = z.infer<typeof IngestGeo>;

/** The capital (administrative center) of each region: lets a landing page's city name place the customer. */
const CAPITALS: Readonly<Record<string, string>> = {
  '01': 'Майкоп', '02': 'Уфа', '03': 'Улан-Удэ', '04': 'Горно-Алтайск', '05': 'Махачкала', '06': 'Магас', '07': 'Нальчик',
  '08': 'Элиста', '09': 'Черкесск', '10': 'Петрозаводск', '11': 'Сыктывкар', '12': 'Йошкар-Ола', '13': 'Саранск', '14': 'Якутск',
  '15': 'Владикавказ', '16': 'Казань', '17': 'Кызыл', '18': 'Ижевск', '19': 'Абакан', '20': 'Грозный', '21': 'Чебоксары',
  '22': 'Барнаул', '23': 'Краснодар', '24': 'Красноярск', '25': 'Владивосток', '26': 'Ставрополь', '27': 'Хабаровск',
  '28': 'Благовещенск', '29': 'Архангельск', '30': 'Астрахань', '31': 'Белгород', '32': 'Брянск', '33': 'Владимир',
  '34': 'Волгоград', '35': 'Вологда', '36': 'Воронеж', '37': 'Иваново', '38': 'Иркутск', '39': 'Калининград', '40': 'Калуга',
  '41': 'Петропавловск-Камчатский', '42': 'Кемерово', '43': 'Киров', '44': 'Кострома', '45': 'Курган', '46': 'Курск',
  '47': 'Гатчина', '48': 'Липецк', '49': 'Магадан', '50': 'Красногорск', '51': 'Мурманск', '52': 'Нижний Новгород',
  '53': 'Великий Новгород', '54': 'Новосибирск', '55': 'Омск', '56': 'Оренбург', '57': 'Орёл', '58': 'Пенза', '59': 'Пермь',
  '60': 'Псков', '61': 'Ростов-на-Дону', '62': 'Рязань', '63': 'Самара', '64': 'Саратов', '65': 'Южно-Сахалинск',
  '66': 'Екатеринбург', '67': 'Смоленск', '68': 'Тамбов', '69': 'Тверь', '70': 'Томск', '71': 'Тула', '72': 'Тюмень',
  '73': 'Ульяновск', '74': 'Челябинск', '75': 'Чита', '76': 'Ярославль', '77': 'Москва', '78': 'Санкт-Петербург',
  '79': 'Биробиджан', '83': 'Нарьян-Мар', '86': 'Ханты-Мансийск', '87': 'Анадырь', '89': 'Салехард', '91': 'Симферополь',
  '92': 'Севастополь',
};

/** Words that only say what kind of region it is («обл», «Респ», «г»…), dropped before matching. */
const KIND_WORDS = new Set(['республика', 'респ', 'область', 'обл', 'край', 'автономный', 'автономная', 'округ', 'ао', 'аобл', 'г', 'город', 'федерального', 'значения']);

/** The key a region name is matched by: its first word that is not a kind word («Респ Саха /Якутия/» → «саха»). */
function regionKey(name: string): string {
  const words = name.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\d-]+/gu, ' ').split(' ')
    .filter((w) => w !== '' && w !== '-' && !KIND_WORDS.has(w.replace(/\.$/, '')));
  return words[0] ?? '';
}

const BY_KEY = new Map<string, Region>(REGIONS.map((r) => [regionKey(r.name), r]));
const BY_CAPITAL = new Map<string, string>(Object.entries(CAPITALS).map(([code, city]) => [city.toLowerCase().replace(/ё/g, 'е'), code]));

/**
 * The region a free-text region name or code means: a two-digit code, the name as in the table,
 * or the usual postal spellings («Московская обл», «г Москва», «Респ Татарстан»). Undefined when
 * nothing matches.
 */
export function regionOfName(nameOrCode: string): Region | undefined {
  const t = nameOrCode.trim();
  if (/^\d{1,2}$/.test(t)) return REGIONS.find((r) => r.code === t.padStart(2, '0'));
  const key = regionKey(t);
  return key === '' ? undefined : BY_KEY.get(key);
}

/** The zone of a city name when it is a region's capital (the landing page's `city`). */
export function zoneOfCity(city: string): string | null {
  const name = city.toLowerCase().replace(/ё/g, 'е').replace(/^(г\.?|город)\s+/u, '').trim();
  const code = BY_CAPITAL.get(name);
  return code === undefined ? null : (REGION_ZONES[code] ?? null);
}

/** The zone of a Russian geographic (ABC) landline number; null for mobile, foreign or unknown numbers. */
export function zoneOfPhone(phoneE164: string): string | null {
  const m = /^\+7(\d{3})\d{7}$/.exec(phoneE164);
  if (!m?.[1]) return null;
  const region = ABC_REGIONS[m[1]];
  return region === undefined ? null : (REGION_ZONES[region] ?? null);
}

/** The zone of a region name or code, or null. */
export function zoneOfRegion(nameOrCode: string): string | null {
  return regionOfName(nameOrCode)?.zone ?? null;
}

/** Input of resolveCustomerZone: whatever is known about the customer. */
export interface CustomerZoneFacts {
  /** The address's region (name or code), once chosen. */
  addressRegion?: string | null;
  /** What the landing page sent at ingest. */
  ingest?: IngestGeo | null;
  phoneE164: string;
}

/** The customer's zone by the order of trust of the file comment. */
export function resolveCustomerZone(facts: CustomerZoneFacts): CustomerZone {
  const fromAddress = facts.addressRegion ? zoneOfRegion(facts.addressRegion) : null;
  if (fromAddress) return { zone: fromAddress, source: 'address' };
  const ingest = facts.ingest ?? {};
  const fromIngest = (ingest.timeZone && RUSSIAN_ZONES.includes(ingest.timeZone) ? ingest.timeZone : null)
    ?? (ingest.region ? zoneOfRegion(ingest.region) : null)
    ?? (ingest.city ? zoneOfCity(ingest.city) : null);
  if (fromIngest) return { zone: fromIngest, source: 'ingest' };
  const fromPhone = zoneOfPhone(facts.phoneE164);
  if (fromPhone) return { zone: fromPhone, source: 'phone' };
  return UNKNOWN_CUSTOMER_ZONE;
}

/**
 * The zone after a save: the address region wins when it names a region; otherwise a zone from
 * the address or the landing page stays, and one from the phone (or none) follows the saved phone.
 */
export function zoneAfterSave(current: CustomerZone, addressRegion: string, phoneE164: string): CustomerZone {
  const zone = addressRegion ? zoneOfRegion(addressRegion) : null;
  if (zone) return { zone, source: 'address' };
  if (current.source === 'address' || current.source === 'ingest') return current;
  return resolveCustomerZone({ phoneE164 });
}
