/**
 * Address suggestions behind one interface: the local provider (85 regions + seed cities and
 * streets) and a DaData provider (suggestions API) used when a DaData key is configured
 * (env DADATA_API_KEY or center setting `dadataApiKey`).
 */
import type { AddressSuggestion } from '../../shared/api/http';
import { REGIONS, regionByCode } from './russia-regions';
import { SEED_CITIES } from './address-seed';

export type AddressLevel = 'city' | 'street' | 'house';
export type SuggestRequest = { q: string; level: AddressLevel; parent?: string | undefined; limit?: number };

/** Anything that suggests cities, streets of a city, houses of a street. */
export interface AddressProvider {
  readonly name: string;
  suggest(req: SuggestRequest): Promise<AddressSuggestion[]>;
}

const norm = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

function matches(text: string, q: string): boolean {
  const t = norm(text);
  const words = norm(q).split(' ').filter(Boolean);
  return words.every((w) => t.includes(w));
}

/** Houses 1…HOUSES_PER_STREET are offered for every seed street (with korpus variants for q like "12к"). */
const HOUSES_PER_STREET = 150;

/** The local provider: no network, real regions, cities, streets and postal codes. */
export class LocalAddressProvider implements AddressProvider {
  readonly name = 'local';

  async suggest({ q, level, parent, limit = 10 }: SuggestRequest): Promise<AddressSuggestion[]> {
    if (level === 'city') {
      return SEED_CITIES.flatMap((c, i) => {
        const region = regionByCode(c.regionCode)?.name ?? '';
        if (q.trim() !== '' && !matches(c.name, q) && !matches(`${c.name} ${region}`, q)) return [];
        return [{ id: `c:${i}`, label: region && region !== c.name ? `г ${c.name}, ${region}` : `г ${c.name}`, value: c.name, postalCode: c.postalCode, region, district: c.district, city: c.name }];
      }).slice(0, limit);
    }
    if (level === 'street') {
      const ci = /^c:(\d+)$/.exec(parent ?? '');
      const city = ci ? SEED_CITIES[Number(ci[1])] : undefined;
      if (!city) return [];
      const region = regionByCode(city.regionCode)?.name ?? '';
      return city.streets.flatMap(([street, postal], si) => (q.trim() === '' || matches(street, q)
        ? [{ id: `s:${ci?.[1]}:${si}`, label: `${street}, г ${city.name}`, value: street, postalCode: postal, region, district: city.district, city: city.name }]
        : [])).slice(0, limit);
    }
    const si = /^s:(\d+):(\d+)$/.exec(parent ?? '');
    const city = si ? SEED_CITIES[Number(si[1])] : undefined;
    const street = si && city ? city.streets[Number(si[2])] : undefined;
    if (!si || !city || !street) return [];
    const region = regionByCode(city.regionCode)?.name ?? '';
    const typed = norm(q).replace(/\s/g, '');
    const out: AddressSuggestion[] = [];
    for (let n = 1; n <= HOUSES_PER_STREET && out.length < limit; n++) {
      for (const house of [String(n), `${n}к1`, `${n}к2`]) {
        if (house !== String(n) && !typed.includes('к')) continue;
        if (typed !== '' && !house.startsWith(typed)) continue;
        out.push({ id: `h:${si[1]}:${si[2]}:${house}`, label: `${street[0]}, д ${house}`, value: house, postalCode: street[1], region, district: city.district, city: city.name });
      }
    }
    return out.slice(0, limit);
  }
}

type DadataSuggestion = { value: string; data: Record<string, string | null> };

/**
 * DaData suggestions (https://dadata.ru/api/suggest/address/): `parent` is the FIAS id of the
 * city (for streets) or of the street (for houses).
 */
export class DadataAddressProvider implements AddressProvider {
  readonly name = 'dadata';

  constructor(private readonly apiKey: string, private readonly endpoint = 'https://suggestions.dadata.ru/suggestions/api/4_1/rs/suggest/address') {}

  async suggest({ q, level, parent, limit = 10 }: SuggestRequest): Promise<AddressSuggestion[]> {
    const bound = level === 'city' ? 'city' : level === 'street' ? 'street' : 'house';
    const body: Record<string, unknown> = { query: q, count: limit, from_bound: { value: bound }, to_bound: { value: bound }, restrict_value: true };
    if (parent && level === 'street') body.locations = [{ city_fias_id: parent }];
    if (parent && level === 'house') body.locations = [{ street_fias_id: parent }];
    const res = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Token ${this.apiKey}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(3000),
    });
    if (!res.ok) throw new Error(`DaData answered ${res.status}`);
    const json = (await res.json()) as { suggestions?: DadataSuggestion[] };
    return (json.suggestions ?? []).map((s) => {
      const d = s.data;
      const id = (level === 'city' ? d.city_fias_id ?? d.settlement_fias_id : level === 'street' ? d.street_fias_id : d.house_fias_id) ?? s.value;
      const value = (level === 'city' ? d.city ?? d.settlement : level === 'street' ? d.street_with_type : d.house) ?? s.value;
      return {
        id, label: s.value, value, postalCode: d.postal_code && /^\d{6}$/.test(d.postal_code) ? d.postal_code : null,
        region: d.region_with_type ?? '', district: d.area_with_type ?? '', city: d.city ?? d.settlement ?? '',
      };
    });
  }
}

/** The region names (for admin tariff forms and tests). */
export const REGION_NAMES: readonly string[] = REGIONS.map((r) => r.name);
