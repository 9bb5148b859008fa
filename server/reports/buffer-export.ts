/**
 * The buffer export: orders confirmed in a period (в буфер), one row per order, in the shape of
 * a courier service's bulk upload form (recipient, phone, postal code and address split into
 * fields and in one line, goods, declared value, COD sum, delivery method) — docs/integrations.md
 * "Buffer export". CSV (UTF-8 BOM, `;`, decimal comma) and XLSX share the columns.
 */
import ExcelJS from 'exceljs';
import { addressLine } from '../../shared/domain/address-line';
import { lineTotalKop, orderTotals } from '../../shared/domain/money';
import { dayWindow, localDayKeyOf, parseDayKey } from '../../shared/domain/reports';
import { emptyAddress, type Address, type DeliveryOption, type OrderLine } from '../../shared/domain/schemas';
import type { Sql } from '../db/db';
import { toIso } from '../live/time';
import { csvQuote, safeText } from './export-csv';

/** Who and what the export covers (already scoped by role). */
export type BufferScope = { teamId: number | null; userId: number | null; offerSku: string | null };

/** One confirmed order of the buffer. */
export type BufferOrder = {
  id: number; externalId: string | null; confirmedAt: string; name: string; phone: string; extraPhone: string | null;
  address: Address; lines: OrderLine[]; delivery: DeliveryOption | null;
};

type Kind = 'text' | 'phone' | 'int' | 'money' | 'date';
type Cell = string | number | null;

const METHOD: Record<DeliveryOption['method'], string> = { courier: 'Курьер', post: 'Почта', pickup: 'Самовывоз (ПВЗ)' };

/** The goods in one cell: `Артрогель × 2; Крем × 1 (подарок)`. */
function goodsText(lines: readonly OrderLine[]): string {
  return lines.map((l) => `${l.name} × ${l.quantity}${l.discountPct === 100 ? ' (подарок)' : ''}`).join('; ');
}

/** The export's columns: header, kind, value of an order (money in kopecks, dates as day keys of the zone). */
const COLUMNS: ReadonlyArray<{ header: string; kind: Kind; value(o: BufferOrder, timeZone: string): Cell }> = [
  { header: 'Номер заказа ИМ', kind: 'int', value: (o) => o.id },
  { header: 'Внешний номер', kind: 'text', value: (o) => o.externalId },
  { header: 'Дата подтверждения', kind: 'date', value: (o, tz) => localDayKeyOf(o.confirmedAt, tz) },
  { header: 'ФИО получателя', kind: 'text', value: (o) => o.name },
  { header: 'Телефон получателя', kind: 'phone', value: (o) => o.phone },
  { header: 'Доп. телефон', kind: 'phone', value: (o) => o.extraPhone },
  { header: 'Индекс', kind: 'text', value: (o) => o.address.postalCode },
  { header: 'Регион', kind: 'text', value: (o) => o.address.region },
  { header: 'Район', kind: 'text', value: (o) => o.address.district },
  { header: 'Населённый пункт', kind: 'text', value: (o) => o.address.city },
  { header: 'Улица', kind: 'text', value: (o) => o.address.street },
  { header: 'Дом', kind: 'text', value: (o) => o.address.house },
  { header: 'Корпус', kind: 'text', value: (o) => o.address.korpus },
  { header: 'Строение', kind: 'text', value: (o) => o.address.building },
  { header: 'Квартира', kind: 'text', value: (o) => o.address.apartment },
  { header: 'Адрес полностью', kind: 'text', value: (o) => addressLine(o.address) },
  { header: 'Товары', kind: 'text', value: (o) => goodsText(o.lines) },
  { header: 'Количество товаров', kind: 'int', value: (o) => o.lines.reduce((n, l) => n + l.quantity, 0) },
  { header: 'Объявленная ценность, ₽', kind: 'money', value: (o) => o.lines.reduce((s, l) => s + lineTotalKop(l), 0) },
  { header: 'Стоимость доставки, ₽', kind: 'money', value: (o) => o.delivery?.priceKop ?? 0 },
  { header: 'Наложенный платёж, ₽', kind: 'money', value: (o) => orderTotals(o.lines, o.delivery).totalKop },
  { header: 'Способ доставки', kind: 'text', value: (o) => (o.delivery ? METHOD[o.delivery.method] : null) },
  { header: 'Служба доставки', kind: 'text', value: (o) => o.delivery?.carrier ?? null },
];

/** Column headers of the buffer export. */
export const BUFFER_HEADERS: readonly string[] = COLUMNS.map((c) => c.header);

/**
 * Orders confirmed (last confirm result) within the local days [fromDay, toDay] of `timeZone`
 * and still confirmed, by confirmation time; the scope narrows by the confirming operator's
 * team / the operator / the offer.
 */
export async function bufferOrders(sql: Sql, scope: BufferScope, fromDay: string, toDay: string, timeZone: string): Promise<BufferOrder[]> {
  const from = new Date(dayWindow(fromDay, timeZone).from).toISOString();
  const to = new Date(dayWindow(toDay, timeZone).to).toISOString();
  const { rows } = await sql.query<{
    id: number; external_id: string | null; confirmed_at: unknown; customer_name: string; phone: string; extra_phone: string | null;
    address: Address | null; lines: OrderLine[] | null; delivery: DeliveryOption | null;
  }>(
    `SELECT * FROM (
       SELECT DISTINCT ON (o.id) o.id, o.external_id, r.at AS confirmed_at, o.customer_name, o.phone, o.extra_phone, o.address, o.lines, o.delivery
         FROM order_results r JOIN orders o ON o.id = r.order_id JOIN users u ON u.id = r.user_id
        WHERE r.result = 'confirm' AND o.status = 'confirmed' AND r.at >= $1 AND r.at < $2
          AND ($3::int IS NULL OR u.team_id = $3::int) AND ($4::int IS NULL OR r.user_id = $4::int) AND ($5::text IS NULL OR o.offer_sku = $5::text)
        ORDER BY o.id, r.at DESC) b
     ORDER BY b.confirmed_at, b.id`,
    [from, to, scope.teamId, scope.userId, scope.offerSku],
  );
  return rows.map((r) => ({
    id: r.id, externalId: r.external_id, confirmedAt: toIso(r.confirmed_at), name: r.customer_name, phone: r.phone,
    extraPhone: r.extra_phone, address: { ...emptyAddress(), ...(r.address ?? {}) }, lines: r.lines ?? [], delivery: r.delivery,
  }));
}

function ruDate(dayKey: string): string {
  const d = parseDayKey(dayKey);
  return d ? `${String(d.d).padStart(2, '0')}.${String(d.m).padStart(2, '0')}.${d.y}` : dayKey;
}

/** A text cell safe against formula injection; an E.164 phone (`+` and digits only, never a formula) stays as it is. */
function safeCell(v: string, kind: Kind): string {
  return kind === 'phone' && /^\+\d{1,15}$/.test(v) ? v : safeText(v);
}

function csvCell(v: Cell, kind: Kind): string {
  if (v === null) return '';
  if (kind === 'money' && typeof v === 'number') return (v / 100).toFixed(2).replace('.', ',');
  if (kind === 'date' && typeof v === 'string') return ruDate(v);
  return csvQuote(safeCell(String(v), kind));
}

/** The buffer as CSV: UTF-8 with BOM, `;` separators, CRLF lines, decimal comma, injection-safe text. */
export function bufferCsv(orders: readonly BufferOrder[], timeZone: string): string {
  const head = COLUMNS.map((c) => csvQuote(safeText(c.header))).join(';');
  const body = orders.map((o) => COLUMNS.map((c) => csvCell(c.value(o, timeZone), c.kind)).join(';'));
  return `\uFEFF${[head, ...body].join('\r\n')}\r\n`;
}

const NUM_FMT: Record<Exclude<Kind, 'text' | 'phone'>, string> = { int: '0', money: '#,##0.00', date: 'dd.mm.yyyy' };

/** The buffer as an XLSX workbook: one header row, dates as dates, money as roubles, phones and postal codes as text. */
export async function bufferXlsx(orders: readonly BufferOrder[], timeZone: string, now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Prozvon';
  wb.created = now;
  const ws = wb.addWorksheet('Заказы');
  ws.addRow([...BUFFER_HEADERS]).font = { bold: true };
  for (const o of orders) {
    const row = ws.addRow(COLUMNS.map((c) => {
      const v = c.value(o, timeZone);
      if (v === null) return null;
      if (c.kind === 'money' && typeof v === 'number') return v / 100;
      if (c.kind === 'date' && typeof v === 'string') {
        const d = parseDayKey(v);
        // A wall-clock date: exceljs stores the UTC fields, which are the local date.
        return d ? new Date(Date.UTC(d.y, d.m - 1, d.d)) : v;
      }
      return typeof v === 'string' ? safeCell(v, c.kind) : v;
    }));
    COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.numFmt = c.kind === 'text' || c.kind === 'phone' ? '@' : NUM_FMT[c.kind];
    });
  }
  ws.columns.forEach((c, i) => { c.width = COLUMNS[i]?.header === 'Адрес полностью' || COLUMNS[i]?.header === 'Товары' ? 48 : 16; });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
