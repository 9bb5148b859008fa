/**
 * The delivery address as one line, the way courier forms and labels print it:
 * `123456, Московская обл., Химки, ул. Ленина, д. 5, корп. 1, стр. 2, кв. 7` (empty parts left out).
 */
import type { Address } from './schemas';

/** The address in one line; the postal code first when known. */
export function addressLine(a: Address): string {
  const parts = [
    a.postalCode ?? '', a.region, a.district, a.city, a.street,
    a.house ? `д. ${a.house}` : '', a.korpus ? `корп. ${a.korpus}` : '', a.building ? `стр. ${a.building}` : '',
    a.apartment ? `кв. ${a.apartment}` : '',
  ];
  return parts.map((p) => p.trim()).filter((p) => p !== '').join(', ');
}
