/** Rouble amounts typed by an admin (`1 990,50`, `1990.5`, `1990`) ↔ integer kopecks. */
import { MAX_KOP } from '../../../shared/domain/schemas';

/** Kopecks of a typed rouble amount, or null when it is not a non-negative amount with ≤ 2 decimals. */
export function parseRublesToKop(text: string): number | null {
  const s = text.replace(/[\s\u00a0\u202f₽]/g, '').replace(',', '.');
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const kop = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return kop <= MAX_KOP ? kop : null;
}

/** The input text of an amount: `1990,50`, `1990` (no grouping, so it re-parses as typed). */
export function kopToRublesInput(kop: number): string {
  const rub = Math.floor(kop / 100);
  const rest = kop % 100;
  return rest === 0 ? String(rub) : `${rub},${String(rest).padStart(2, '0')}`;
}
