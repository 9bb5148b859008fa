/**
 * The buffer export (GET reports/buffer.csv and .xlsx) in-process on PostgreSQL with the live
 * fixture: orders confirmed in the period by the center's local days, one row per order in the
 * courier upload shape; the files are read back (CSV parsed, XLSX loaded with exceljs); a lead
 * sees only its team's orders; a bad period is refused in Russian.
 */
import ExcelJS from 'exceljs';
import { BUFFER_HEADERS } from '../../server/reports/buffer-export';
import { appOn, fixtureSchema, tokenOf, type InProcessApp } from './support/in-process-app';
import { PASSWORD, type Fixture } from './support/live-fixture-seed';
import { client } from './support/server-process';

jest.setTimeout(120_000);

let fx: Awaited<ReturnType<typeof fixtureSchema>>;
let f: Fixture;
let srv: InProcessApp;
const tokens: Record<string, string> = {};
let teamBOrder = 0;

const ADDRESS = { postalCode: '125009', region: 'Москва', district: '', city: 'Москва', cityId: null, street: 'Тверская улица', house: '7', building: '2', korpus: '1', apartment: '12' };
const LINES = [
  { offerSku: 'CREAM', name: 'Крем для суставов', quantity: 2, unitPriceKop: 150_000, discountPct: 10, main: true },
  { offerSku: 'CREAM', name: 'Крем; мини', quantity: 1, unitPriceKop: 50_000, discountPct: 100, main: false },
];
const DELIVERY = { id: 'СДЭК:door', method: 'courier', carrier: 'СДЭК', priceKop: 39_000, daysMin: 1, daysMax: 2 };

beforeAll(async () => {
  fx = await fixtureSchema();
  f = fx.fx;
  srv = await appOn(fx.schema);
  await srv.db.query('UPDATE orders SET customer_name = $2, address = $3, lines = $4, delivery = $5, extra_phone = $6 WHERE id = $1',
    [f.orders.o1, '=Иванов Иван', JSON.stringify(ADDRESS), JSON.stringify(LINES), JSON.stringify(DELIVERY), '+79035550101']);
  const { rows } = await srv.db.query<{ id: number }>(
    `INSERT INTO orders (status, created_at, updated_at, offer_sku, customer_name, phone, address, lines)
     VALUES ('confirmed', now(), now(), 'CREAM', 'Команда Б', '+79160000000', $1, '[]') RETURNING id`, [JSON.stringify(ADDRESS)]);
  teamBOrder = rows[0]?.id as number;
  await srv.db.query("INSERT INTO order_results (order_id, user_id, result, status, at) VALUES ($1, $2, 'confirm', 'confirmed', '2026-11-27T12:00:00Z')", [teamBOrder, f.op3]);
  for (const login of ['admin', 'leada']) tokens[login] = await tokenOf(srv.url, login, PASSWORD);
});
afterAll(async () => {
  await srv?.close();
  await fx?.drop();
});

const download = async (login: string, path: string) => {
  const r = await fetch(`${srv.url}/api/v1${path}`, { headers: { authorization: `Bearer ${tokens[login]}` } });
  expect(r.status).toBe(200);
  return r;
};

/** A `;` CSV with quoted fields (as the export writes it) → rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') { row.push(cell); cell = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += ch;
  }
  return rows;
}

describe('buffer export', () => {
  it('CSV: the orders confirmed on the center\'s local days, courier-form columns, COD sum, injection-safe', async () => {
    const r = await download('leada', '/reports/buffer.csv?from=2026-11-27&to=2026-11-27');
    expect(r.headers.get('content-type')).toMatch(/text\/csv/);
    expect(r.headers.get('content-disposition')).toContain('buffer_2026-11-27_2026-11-27.csv');
    const bytes = Buffer.from(await r.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...BUFFER_HEADERS]);
    // o3 was confirmed at 22:25 UTC = 01:25 on the 28th in Moscow: not in the 27th; the other team's order is not the lead's.
    expect(rows.slice(1).map((x) => Number(x[0]))).toEqual([f.orders.o1]);
    const row = Object.fromEntries(BUFFER_HEADERS.map((h, i) => [h, rows[1]?.[i]]));
    expect(row).toMatchObject({
      'Дата подтверждения': '27.11.2026', 'ФИО получателя': "'=Иванов Иван", 'Телефон получателя': '+79161234567', 'Доп. телефон': '+79035550101',
      'Индекс': '125009', 'Регион': 'Москва', 'Улица': 'Тверская улица', 'Дом': '7', 'Корпус': '1', 'Строение': '2', 'Квартира': '12',
      'Адрес полностью': '125009, Москва, Москва, Тверская улица, д. 7, корп. 1, стр. 2, кв. 12',
      'Товары': 'Крем для суставов × 2; Крем; мини × 1 (подарок)', 'Количество товаров': '3',
      'Объявленная ценность, ₽': '2700,00', 'Стоимость доставки, ₽': '390,00', 'Наложенный платёж, ₽': '3090,00',
      'Способ доставки': 'Курьер', 'Служба доставки': 'СДЭК',
    });
    const two = parseCsv(await (await download('leada', '/reports/buffer.csv?from=2026-11-27&to=2026-11-28')).text());
    expect(two.slice(1).map((x) => Number(x[0]))).toEqual([f.orders.o1, f.orders.o3]);
  });

  it('XLSX: the same rows with real dates, money as numbers, phones and postal codes as text; admin sees every team', async () => {
    const r = await download('admin', '/reports/buffer.xlsx?from=2026-11-27&to=2026-11-27');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    const ws = wb.getWorksheet('Заказы');
    expect(ws).toBeDefined();
    const header = (ws?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...BUFFER_HEADERS]);
    const col = (name: string) => BUFFER_HEADERS.indexOf(name) + 1;
    const ids = [2, 3].map((n) => ws?.getRow(n).getCell(1).value);
    expect(ids).toEqual([teamBOrder, f.orders.o1]);
    const row = ws?.getRow(3);
    expect(row?.getCell(col('Дата подтверждения')).value).toEqual(new Date(Date.UTC(2026, 10, 27)));
    expect(row?.getCell(col('Наложенный платёж, ₽')).value).toBe(3090);
    expect(row?.getCell(col('Индекс')).value).toBe('125009');
    expect(row?.getCell(col('Телефон получателя')).value).toBe('+79161234567');
    expect(row?.getCell(col('ФИО получателя')).value).toBe("'=Иванов Иван");
    expect(ws?.rowCount).toBe(3);
  });

  it('refuses a period ending before it starts and another team for a lead', async () => {
    const lead = client(srv.url, tokens.leada);
    const bad = await lead.get('/reports/buffer.csv?from=2026-11-28&to=2026-11-27');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/[а-я]/);
    expect((await lead.get(`/reports/buffer.xlsx?from=2026-11-27&to=2026-11-27&teamId=${f.teamB}`)).status).toBe(403);
  });
});
