/**
 * Lead board end to end: the real CRM server (PGlite, demo data), two browser-mode hosts (the
 * main services + the built renderer), Debian Chromium. The operator (browser 1) logs in, goes
 * on a break, back to ready, takes an order; the lead (browser 2) sees each state change on the
 * live board; the operator calls the customer with the real softphone (Kamailio on loopback, the
 * customer a SIP.js UA with fake media) — once unanswered while it rings, once answered — and
 * confirms the order; the day report counts it, in the lead's table and in the CSV / XLSX exports.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { startKamailio, type Kamailio } from './support/kamailio';
import { startSipPages, type SipPages } from './support/sip-pages';
import { openCustomer, type CustomerUa } from './support/customer-ua';
import pg from 'pg';
import { INGEST_KEY, PG_URL, startServerProcess, type ServerProcess } from '../server/support/server-process';
import { MainServices } from '../../main/services/main-services';
import { FileTokenStore } from '../../main/sync/token-store';
import { createHandlers } from '../../main/ipc/handlers';
import { startSocketHost, type SocketHost } from '../../main/browser-host/socket-host';
import type { Handlers } from '../../main/ipc/ipc-core';
import { OperatorReport } from '../../shared/api/lead';
import { localDayKeyOf } from '../../shared/domain/reports';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '../..');
const RENDERER = path.join(ROOT, 'dist', 'renderer');
const PHONE = '+79123456789';

interface Host { host: SocketHost; services: MainServices; handlers: Handlers; requests: string[] }

let tmp: string;
let kam: Kamailio;
let pages: SipPages;
let customer: CustomerUa;
let server: ServerProcess;
let browser: Browser;
let opHost: Host;
let leadHost: Host;
let opPage: Page;
let leadPage: Page;
let leadToken: string;
let operatorId: number;
let orderId: number;

/** Builds the renderer once when dist/renderer is missing (npm test builds it before jest). */
function ensureRenderer(): void {
  if (fs.existsSync(path.join(RENDERER, 'index.html'))) return;
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', 'renderer/vite.config.mts'], { cwd: ROOT, stdio: 'ignore' });
}

async function startHost(name: string): Promise<Host> {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  let host: SocketHost | null = null;
  const services = new MainServices({
    dataDir: path.join(dir, 'client'),
    tokenStore: new FileTokenStore(path.join(dir, 'session.json')),
    emit: (event, payload) => host?.broadcast(event, payload),
  });
  const handlers = createHandlers(services);
  const requests: string[] = [];
  const passthrough = handlers['lead.board'];
  handlers['lead.board'] = (req) => { requests.push('lead.board'); return passthrough(req); };
  host = await startSocketHost({ handlers, rendererDir: RENDERER, port: 0, csp: { serverUrl: server.url, pbxUrls: [kam.wsUrl] } });
  return { host, services, handlers, requests };
}

async function api<T>(method: string, p: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: T; res: Response }> {
  const res = await fetch(`${server.url}/api/v1${p}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = res.headers.get('content-type')?.includes('json') ? await res.text() : '';
  return { status: res.status, json: (text ? JSON.parse(text) : null) as T, res };
}

async function login(page: Page, host: Host, user: string, password: string): Promise<void> {
  await page.goto(host.host.url);
  await page.getByLabel('Адрес сервера').fill(server.url);
  await page.getByLabel('Логин').fill(user);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

/** Types into a suggestion field of the operator's form and picks the first suggestion with Enter. */
async function pick(label: string, text: string): Promise<void> {
  const input = opPage.getByRole('combobox', { name: label, exact: true });
  await input.fill('');
  await input.pressSequentially(text, { delay: 30 });
  await opPage.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 10_000 });
  await input.press('Enter');
}

/** The lead's board row of the operator. */
const boardRow = () => leadPage.locator(`.lead-table tr[data-user="${operatorId}"]`);

/** Waits until the lead's board shows the operator in `state`. */
async function seeState(state: string, label: RegExp): Promise<void> {
  await leadPage.locator(`.lead-table tr[data-user="${operatorId}"][data-state="${state}"]`).waitFor({ timeout: 15_000 });
  await expectText(boardRow().locator('.lead-state'), label);
}

async function expectText(loc: ReturnType<Page['locator']>, re: RegExp): Promise<void> {
  expect(await loc.innerText()).toMatch(re);
}

const today = () => localDayKeyOf(new Date(), 'Europe/Moscow');

async function dayReport(): Promise<OperatorReport> {
  const r = await api<unknown>('GET', `/reports/operators?from=${today()}&to=${today()}&userId=${operatorId}`, undefined, { authorization: `Bearer ${leadToken}` });
  expect(r.status).toBe(200);
  return OperatorReport.parse(r.json);
}

beforeAll(async () => {
  ensureRenderer();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'prozvon-lead-e2e-'));
  [kam, pages] = await Promise.all([startKamailio(), startSipPages()]);
  server = await startServerProcess({ demo: true, pg: true, env: { SIP_WS_URL: kam.wsUrl, SIP_DOMAIN: '127.0.0.1' } });
  // Empty the callable queues of the demo so "Next order" takes the order this test ingests.
  const db = new pg.Client({ connectionString: PG_URL });
  await db.connect();
  await db.query(`SET search_path TO ${server.schema ?? 'public'}`);
  await db.query("UPDATE orders SET status = 'cancelled' WHERE status IN ('new', 'callback', 'no_answer')");
  const op = await db.query<{ id: number }>("SELECT id FROM users WHERE login = 'operator1'");
  operatorId = Number(op.rows[0]?.id);
  await db.end();
  const ingest = await api<{ id: number }>('POST', '/orders', { externalId: 'e2e-lead-1', customerName: 'Иван Петров', phone: PHONE, offerSku: 'ARTRO-GEL' }, { 'x-api-key': INGEST_KEY });
  expect([200, 201]).toContain(ingest.status);
  orderId = ingest.json.id;
  leadToken = await server.login('lead', 'lead');
  [opHost, leadHost, browser] = await Promise.all([startHost('operator'), startHost('lead'), launchChromium({ media: true })]);
  customer = await openCustomer(browser, pages, { wsUrl: kam.wsUrl, domain: '127.0.0.1', user: PHONE, mode: 'noAnswer' });
  opPage = await (await browser.newContext({ locale: 'ru-RU' })).newPage();
  leadPage = await (await browser.newContext({ locale: 'ru-RU', viewport: { width: 1600, height: 900 } })).newPage();
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  for (const h of [opHost, leadHost]) {
    await h?.host.close().catch(() => undefined);
    await h?.services.close().catch(() => undefined);
  }
  await server?.stop().catch(() => undefined);
  await pages?.close().catch(() => undefined);
  await kam?.stop().catch(() => undefined);
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('the lead sees each state change of the operator live; reports and exports agree', async () => {
  await login(leadPage, leadHost, 'lead', 'lead');
  await boardRow().waitFor({ timeout: 30_000 });
  await expectText(boardRow().locator('th'), /Алина Смирнова/);
  const boardGets = () => leadHost.requests.filter((r) => r === 'lead.board').length;

  await login(opPage, opHost, 'operator1', 'operator');
  await seeState('ready', /Готов/);
  const before = boardGets();
  expect(before).toBeGreaterThanOrEqual(1);

  await opPage.getByRole('button', { name: /^Статус оператора: / }).click();
  await opPage.getByRole('menuitem', { name: 'Обед' }).click();
  await seeState('break', /Перерыв · обед/);

  await opPage.getByRole('button', { name: /^Статус оператора: / }).click();
  await opPage.getByRole('menuitem', { name: 'Готов' }).click();
  await seeState('ready', /Готов/);

  const baseline = (await dayReport()).rows.find((r) => r.userId === operatorId);
  await opPage.keyboard.press('F2');
  await seeState('wrapUp', /Оформление/);
  await expectText(boardRow().locator('td').nth(2), new RegExp(`#${orderId}`));

  // The calls, with the real softphone from the phone field: first it rings unanswered and the
  // operator hangs up, then the customer answers; the board follows the softphone's agent states.
  await opPage.locator('header .sip-light[data-registration="registered"]').waitFor({ timeout: 15_000 });
  const callButton = opPage.getByRole('button', { name: /Позвонить/ });
  await callButton.click();
  await seeState('ringing', /Вызов/);
  await opPage.keyboard.press('F4');
  await seeState('wrapUp', /Оформление/);
  await opPage.getByText(/без ответа/).waitFor({ timeout: 15_000 });
  await customer.setMode('answer');
  await callButton.click();
  await seeState('talking', /Разговор/);
  await leadPage.locator(`.lead-table tr[data-user="${operatorId}"] [class*="lead-quality-"]`).waitFor({ timeout: 15_000 });
  expect(await boardRow().locator('td').nth(3).innerText()).toMatch(/^\d+:\d\d$/);
  await opPage.keyboard.press('F4');
  await seeState('wrapUp', /Оформление/);

  // the operator fills the form and confirms (F5 selects, F5 again saves)
  await opPage.getByLabel('ФИО', { exact: true }).fill('Петров Иван Сергеевич');
  await opPage.getByLabel('Мужской').check();
  await pick('Город', 'Екатер');
  await pick('Улица', 'Малыш');
  await pick('Дом', '1');
  await opPage.getByLabel('Квартира', { exact: true }).fill('5');
  await opPage.getByRole('radiogroup', { name: 'Варианты доставки' }).getByRole('radio', { name: /Курьер/ }).first().waitFor({ timeout: 15_000 });
  await opPage.getByText(/разговор был/).waitFor({ timeout: 15_000 });
  await opPage.keyboard.press('F5');
  await opPage.getByText('Всё заполнено — нажмите ещё раз, чтобы сохранить.').waitFor({ timeout: 10_000 });
  await opPage.keyboard.press('F5');
  await opPage.getByText(`Заказ № ${orderId} сохранён: Подтвердить.`).waitFor({ timeout: 15_000 });
  await seeState('ready', /Готов/);
  await leadPage.locator(`.lead-table tr[data-user="${operatorId}"] td:nth-child(9)`).filter({ hasText: String((baseline?.byResult.confirm ?? 0) + 1) }).waitFor({ timeout: 15_000 });

  // live updates only: the board was not fetched again while the states changed
  expect(boardGets()).toBe(before);

  // the day report as JSON, in the lead's table, and as CSV / XLSX: the same numbers
  const report = await dayReport();
  const row = report.rows.find((r) => r.userId === operatorId);
  expect(row?.calls).toBe((baseline?.calls ?? 0) + 2);
  expect(row?.answered).toBe((baseline?.answered ?? 0) + 1);
  expect(row?.byResult.confirm).toBe((baseline?.byResult.confirm ?? 0) + 1);
  await leadPage.getByRole('tab', { name: 'Отчёты' }).click();
  const uiRow = leadPage.locator(`table[aria-label="Показатели операторов"] tr[data-user="${operatorId}"]`);
  await uiRow.waitFor({ timeout: 15_000 });
  expect((await uiRow.locator('[data-col="calls"]').innerText()).replace(/\s/g, '')).toBe(String(row?.calls));
  expect((await uiRow.locator('[data-col="confirm"]').innerText()).replace(/\s/g, '')).toBe(String(row?.byResult.confirm));

  const q = `from=${today()}&to=${today()}&userId=${operatorId}`;
  const csvRes = await fetch(`${server.url}/api/v1/reports/operators.csv?${q}`, { headers: { authorization: `Bearer ${leadToken}` } });
  const csv = Buffer.from(await csvRes.arrayBuffer());
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString('utf8').slice(1).split('\r\n').map((l) => l.split(';'));
  const head = lines[0] ?? [];
  const csvRow = lines.find((l) => l[1] === 'operator1') ?? [];
  expect(csvRow[head.indexOf('Звонки')]).toBe(String(row?.calls));
  expect(csvRow[head.indexOf('Подтверждено')]).toBe(String(row?.byResult.confirm));

  const xlsxRes = await fetch(`${server.url}/api/v1/reports/operators.xlsx?${q}`, { headers: { authorization: `Bearer ${leadToken}` } });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await xlsxRes.arrayBuffer()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const headerRow = ws?.getRow(2).values as unknown[];
  let xlsxRow: unknown[] = [];
  ws?.eachRow((r) => { if ((r.values as unknown[])[2] === 'operator1') xlsxRow = r.values as unknown[]; });
  expect(xlsxRow[headerRow.indexOf('Звонки')]).toBe(row?.calls);
  expect(xlsxRow[headerRow.indexOf('Подтверждено')]).toBe(row?.byResult.confirm);
});

test('the lead scores the answered call on the checklist in the Качество tab; the report shows its quality', async () => {
  await leadPage.getByRole('tab', { name: 'Качество' }).click();
  const table = leadPage.getByRole('table', { name: 'Звонки с разговором' });
  const row = table.locator('tbody tr').filter({ hasText: String(orderId) });
  await row.first().waitFor({ timeout: 15_000 });
  expect(await row.count()).toBe(1);
  await row.getByRole('button', { name: /^Оценить звонок: / }).click();
  const dialog = leadPage.getByRole('dialog', { name: new RegExp(`Оценка звонка: .*заказ ${orderId}`) });
  const boxes = dialog.getByRole('checkbox');
  const n = await boxes.count();
  expect(n).toBeGreaterThan(2);
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const total = await dialog.getByTestId('score-total').innerText();
  const m = /Итого (\d+) из (\d+)/.exec(total);
  expect(m).not.toBeNull();
  await dialog.getByLabel('Комментарий для оператора').fill('Не предложил доп. товар');
  await dialog.getByRole('button', { name: 'Сохранить оценку' }).click();
  await dialog.waitFor({ state: 'detached', timeout: 15_000 });
  await row.filter({ hasText: `${m?.[1]} / ${m?.[2]}` }).waitFor({ timeout: 15_000 });

  const report = await dayReport();
  const figures = report.rows.find((r) => r.userId === operatorId);
  expect(figures?.quality).toEqual({ scored: 1, ratio: Number(m?.[1]) / Number(m?.[2]) });
  expect(figures?.talkSeconds).toBeGreaterThan(0);
  await leadPage.getByRole('tab', { name: 'Отчёты' }).click();
  const cell = leadPage.locator(`table[aria-label="Показатели операторов"] tr[data-user="${operatorId}"] [data-col="quality"]`);
  await cell.waitFor({ timeout: 15_000 });
  expect((await cell.innerText()).replace(/\s/g, '')).toBe(`${(Math.round((Number(m?.[1]) / Number(m?.[2])) * 1000) / 10).toFixed(1).replace('.', ',')}%`);
});
