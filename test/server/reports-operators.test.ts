/**
 * Reports against a real server process, on PGlite and on the machine's PostgreSQL: figures
 * checked against the hand-computed fixture (an evening shift crossing midnight in
 * Europe/Moscow), month buckets, hourly chart data, CSV and XLSX read back with the same numbers,
 * and the role/team refusals.
 */
import ExcelJS from 'exceljs';
import { BACKENDS, client, type ServerProcess } from './support/server-process';
import { PASSWORD, startWithFixture, type Fixture } from './support/live-fixture';

jest.setTimeout(180_000);

const D1 = { time: { loggedIn: 10_800, ready: 8_100, talking: 600, break: 1_800, wrapUp: 300 }, calls: 3, answered: 1,
  byResult: { confirm: 1, callback: 0, noAnswer: 0, cancel: 1, invalid: 0 }, processed: 2, confirmed: 1, approvalRate: 0.5,
  averageOrderValueKop: 250_000, upsellRate: 1, revenueKop: 250_000, plan: { targetConfirmed: 2, targetCalls: 10 }, planConfirmedRatio: 0.5 };
const D2 = { time: { loggedIn: 5_400, ready: 2_700, talking: 1_200, break: 900, wrapUp: 600 }, calls: 1, answered: 1,
  byResult: { confirm: 1, callback: 0, noAnswer: 1, cancel: 0, invalid: 0 }, processed: 2, confirmed: 1, approvalRate: 0.5,
  averageOrderValueKop: 150_000, upsellRate: 0, revenueKop: 150_000, plan: { targetConfirmed: 4, targetCalls: 20 }, planConfirmedRatio: 0.25 };
const TOTAL = { time: { loggedIn: 16_200, ready: 10_800, talking: 1_800, break: 2_700, wrapUp: 900 }, calls: 4, answered: 2,
  byResult: { confirm: 2, callback: 0, noAnswer: 1, cancel: 1, invalid: 0 }, processed: 4, confirmed: 2, approvalRate: 0.5,
  averageOrderValueKop: 200_000, upsellRate: 0.5, revenueKop: 400_000, plan: { targetConfirmed: 6, targetCalls: 30 }, planConfirmedRatio: 2 / 6 };

describe.each(BACKENDS)('operators report on %s', (backend) => {
  let srv: ServerProcess;
  let fx: Fixture;
  const t: Record<string, string> = {};
  const range = 'from=2026-11-27&to=2026-11-28';

  beforeAll(async () => {
    ({ srv, fx } = await startWithFixture(backend));
    for (const login of ['admin', 'leada', 'leadb', 'op1']) t[login] = await srv.login(login, PASSWORD);
  });
  afterAll(async () => { await srv?.stop(); });

  test('per operator per local day: the shift is split at Moscow midnight', async () => {
    const r = await client(srv.url, t.leada).get(`/reports/operators?${range}`);
    expect(r.status).toBe(200);
    expect(r.body.timeZone).toBe('Europe/Moscow');
    const rows = r.body.rows as Array<{ userId: number; period: string }>;
    expect(new Set(rows.map((x) => x.userId))).toEqual(new Set([fx.op1, fx.op2]));
    const op1 = (p: string) => rows.find((x) => x.userId === fx.op1 && x.period === p);
    expect(op1('2026-11-27')).toMatchObject(D1);
    expect(op1('2026-11-28')).toMatchObject(D2);
    expect(rows.find((x) => x.userId === fx.op2 && x.period === '2026-11-27')).toMatchObject({ calls: 0, processed: 0, approvalRate: null, plan: null });
    expect(r.body.grandTotal).toMatchObject(TOTAL);
    expect(r.body.totals.map((x: { period: string }) => x.period)).toEqual(['2026-11-27', '2026-11-28']);
  });

  test('month granularity and filters', async () => {
    const m = await client(srv.url, t.leada).get(`/reports/operators?from=2026-11-01&to=2026-11-30&granularity=month&userId=${fx.op1}`);
    expect(m.status).toBe(200);
    expect(m.body.rows).toHaveLength(1);
    expect(m.body.rows[0]).toMatchObject({ period: '2026-11', ...TOTAL });
    const other = await client(srv.url, t.leada).get(`/reports/operators?${range}&offerSku=OTHER`);
    expect(other.body.grandTotal).toMatchObject({ calls: 0, processed: 0, revenueKop: 0 });
    const admin = await client(srv.url, t.admin).get(`/reports/operators?${range}&teamId=${fx.teamB}`);
    expect(admin.body.rows.every((x: { userId: number }) => x.userId === fx.op3)).toBe(true);
  });

  test('hourly chart data and approval trend', async () => {
    const h = await client(srv.url, t.leada).get('/reports/hourly?day=2026-11-27&trendDays=2');
    expect(h.status).toBe(200);
    expect(h.body.hours[22]).toEqual({ hour: 22, calls: 2, answered: 1, confirmed: 1 });
    expect(h.body.hours[23]).toEqual({ hour: 23, calls: 1, answered: 0, confirmed: 0 });
    expect(h.body.hours.reduce((s: number, x: { calls: number }) => s + x.calls, 0)).toBe(3);
    const h2 = await client(srv.url, t.leada).get('/reports/hourly?day=2026-11-28&trendDays=2');
    expect(h2.body.hours[1]).toEqual({ hour: 1, calls: 1, answered: 1, confirmed: 1 });
    expect(h2.body.trend).toEqual([
      { day: '2026-11-27', processed: 2, confirmed: 1, approvalRate: 0.5 },
      { day: '2026-11-28', processed: 2, confirmed: 1, approvalRate: 0.5 },
    ]);
  });

  test('CSV: BOM, semicolons, decimal comma, formula-injection-safe, same numbers', async () => {
    const res = await fetch(`${srv.url}/api/v1/reports/operators.csv?${range}`, { headers: { authorization: `Bearer ${t.leada}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trim().split('\r\n');
    expect(lines[0]?.split(';').slice(0, 4)).toEqual(['Период', 'Логин', 'Оператор', 'В системе']);
    const d1 = lines.find((l) => l.startsWith('2026-11-27;op1;'))?.split(';');
    expect(d1?.slice(3, 10)).toEqual(['3:00:00', '2:15:00', '0:10:00', '0:30:00', '0:05:00', '3', '1']);
    expect(d1?.slice(15, 23)).toEqual(['2', '50,0', '2500,00', '100,0', '2500,00', '2', '10', '50,0']);
    expect(lines.some((l) => l.includes(';"\'=HYPERLINK(""http://x"")";'))).toBe(true);
    expect(lines.some((l) => /;=/.test(l))).toBe(false);
    const total = lines[lines.length - 1]?.split(';');
    expect(total?.slice(15, 20)).toEqual(['4', '50,0', '2000,00', '50,0', '4000,00']);
  });

  test('XLSX: wall-clock dates, ₽ and percent formats, same numbers', async () => {
    const res = await fetch(`${srv.url}/api/v1/reports/operators.xlsx?${range}`, { headers: { authorization: `Bearer ${t.leada}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet('Операторы');
    expect(ws).toBeDefined();
    let found: ExcelJS.Row | null = null;
    ws?.eachRow((row) => {
      const d = row.getCell(1).value;
      if (row.getCell(2).value === 'op1' && d instanceof Date && d.toISOString().startsWith('2026-11-27')) found = row;
    });
    const row = found as unknown as ExcelJS.Row;
    expect(row).not.toBeNull();
    expect(row.getCell(1).numFmt).toBe('dd.mm.yyyy');
    // A duration cell reads back as a time of the 1899-12-30 epoch: 3 h logged in.
    const loggedIn = row.getCell(4).value as Date;
    expect((loggedIn.getTime() - Date.UTC(1899, 11, 30)) / 1000).toBe(10_800);
    expect(row.getCell(4).numFmt).toBe('[h]:mm:ss');
    expect(row.getCell(9).value).toBe(3);
    expect(row.getCell(17).value).toBe(0.5);
    expect(row.getCell(17).numFmt).toBe('0.0%');
    expect(row.getCell(18).value).toBe(2500);
    expect(row.getCell(20).value).toBe(2500);
    expect(String(row.getCell(20).numFmt)).toContain('₽');
    let injected = false;
    ws?.eachRow((r) => { if (String(r.getCell(3).value).startsWith("'=HYPERLINK")) injected = true; });
    expect(injected).toBe(true);
  });

  test('refusals: operator, other team, no token, bad input', async () => {
    const op = client(srv.url, t.op1);
    for (const path of [`/reports/operators?${range}`, `/reports/operators.csv?${range}`, `/reports/operators.xlsx?${range}`, '/reports/hourly?day=2026-11-27']) {
      expect((await op.get(path)).status).toBe(403);
      expect((await client(srv.url).get(path)).status).toBe(401);
    }
    const lead = client(srv.url, t.leada);
    expect((await lead.get(`/reports/operators?${range}&teamId=${fx.teamB}`)).status).toBe(403);
    expect((await lead.get(`/reports/operators?${range}&userId=${fx.op3}`)).status).toBe(403);
    expect((await lead.get(`/reports/operators.csv?${range}&userId=${fx.op3}`)).status).toBe(403);
    expect((await lead.get(`/reports/hourly?day=2026-11-27&teamId=${fx.teamB}`)).status).toBe(403);
    const leadB = await client(srv.url, t.leadb).get(`/reports/operators?${range}`);
    expect(leadB.body.rows.every((x: { userId: number }) => x.userId === fx.op3)).toBe(true);
    const bad = await lead.get('/reports/operators?from=2026-13-01&to=2026-11-28');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('from');
    expect((await lead.get('/reports/operators?from=2026-11-28&to=2026-11-01')).status).toBe(400);
    expect((await lead.get('/reports/operators?from=2020-01-01&to=2026-11-28')).status).toBe(400);
    expect((await lead.get(`/reports/operators?${range}&granularity=week`)).status).toBe(400);
  });
});
