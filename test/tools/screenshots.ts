/**
 * `npm run screenshots` — PNGs at 1280×720, 1366×768 and 1920×1080 (`<screen>-<w>x<h>.png`) into
 * resources/screenshots/ for review; each screen is shot at the three sizes in turn.
 * Without PROZVON_URL (needs a prior `npm run build`): starts `node dist/host/start-web.js` on a
 * fresh temporary data folder (demo server included), shoots the operator's desk (login, queues,
 * a filled order form top and bottom, the form with «Невалид» chosen, the script panel scrolled to its
 * last step with an objection open, the F1 help), fills the live board
 * with 20 operators (board-seed.ts), starts a second host on the same server for the lead (board,
 * report with charts) and the admin (users), then stops everything and deletes the folder.
 * With PROZVON_URL=http://127.0.0.1:PORT/?t=TOKEN of a running host: the operator's screens only
 * (PROZVON_LOGIN, PROZVON_PASSWORD; the order taken is returned to the queue, no result is saved).
 * PROZVON_SHOTS_DIR overrides the output folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { seedBoard } from './board-seed';
import { builtHost, startShotsHost, type ShotsHost } from './shots-host';

const ROOT = path.resolve(__dirname, '..', '..');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Types into a suggestion field and picks the first suggestion when one appears. */
async function pickSuggestion(page: Page, label: string, text: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.fill('');
  await input.pressSequentially(text, { delay: 40 });
  try {
    // Past the debounce, then this field's own list (answers to shorter prefixes are dropped).
    await page.waitForTimeout(700);
    await page.locator(`[id="${await input.getAttribute('aria-controls')}"] [role=option]`).first().waitFor({ timeout: 5_000 });
    await input.press('Enter');
  } catch {
    console.warn(`screenshots: no suggestion for ${label} «${text}», kept the typed text`);
  }
}

/** Fills the open order like an operator would (name, gender, address, a gift, courier delivery). */
async function fillOrder(page: Page): Promise<void> {
  await page.getByLabel('ФИО', { exact: true }).fill('Смирнова Ольга Петровна');
  await page.getByLabel('Женский').check();
  await pickSuggestion(page, 'Город', 'Екатер');
  await pickSuggestion(page, 'Улица', 'Мал');
  await pickSuggestion(page, 'Дом', '1');
  await page.getByLabel('Квартира', { exact: true }).fill('17');
  await page.getByRole('button', { name: /Добавить второстепенный товар/ }).click();
  const add = page.getByRole('group', { name: 'Второстепенный товар' });
  const discount = add.getByLabel('Скидка');
  const gift = discount.locator('option', { hasText: 'Подарок' });
  if (await gift.count()) await discount.selectOption({ label: (await gift.first().textContent()) ?? '' });
  await add.getByRole('button', { name: 'Сохранить' }).click();
  await page.getByRole('button', { name: /Найти варианты доставки/ }).click();
  const options = page.getByRole('radiogroup', { name: 'Варианты доставки' });
  try {
    await options.getByRole('radio').first().waitFor({ timeout: 10_000 });
    const courier = options.locator('label', { hasText: 'Курьер' }).getByRole('radio');
    await (await courier.count() ? courier.first() : options.getByRole('radio').first()).check();
  } catch {
    console.warn('screenshots: no delivery options for this address');
  }
}

/** The screen sizes every screen is shot at. */
const SIZES = [{ width: 1280, height: 720 }, { width: 1366, height: 768 }, { width: 1920, height: 1080 }] as const;

/** Shoots the page at each size; `prepare` runs after each resize (e.g. to scroll to the bottom again). */
type Shot = (page: Page, name: string, prepare?: () => Promise<void>) => Promise<void>;

/** A 1366×768 Russian page in the center's zone that reports its script errors. */
async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  return page;
}

/** Opens the host page and logs in (logging out first when a session was restored). */
async function logIn(page: Page, url: string, login: string, password: string, beforeSubmit?: () => Promise<void>): Promise<void> {
  await page.goto(url);
  const loginField = page.getByLabel('Логин', { exact: true });
  const logout = page.getByRole('button', { name: 'Выйти' });
  await Promise.race([loginField.waitFor({ timeout: 30_000 }), logout.waitFor({ timeout: 30_000 })]);
  if (!(await loginField.isVisible())) {
    await logout.click();
    await loginField.waitFor({ timeout: 10_000 });
  }
  await loginField.fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  if (beforeSubmit) await beforeSubmit();
  await page.getByRole('button', { name: 'Войти' }).click();
  await logout.waitFor({ timeout: 30_000 });
}

/**
 * The operator's screens: login, queues, filled form (top, then delivery and closing), script with an
 * objection, F1 help. `returnOrder`: give the order back at the end (a shared host), else keep it held.
 */
async function operatorShots(browser: Browser, url: string, shot: Shot, login: string, password: string, returnOrder: boolean): Promise<void> {
  const page = await newPage(browser);
  const next = page.getByRole('button', { name: /Следующий заказ/ });
  const orderRegion = page.getByRole('region', { name: /^Заказ № / });
  const release = orderRegion.getByRole('button', { name: 'Вернуть в очередь' });
  await logIn(page, url, login, password, () => shot(page, 'login'));
  await next.waitFor({ timeout: 30_000 });
  // An order held from an earlier session reopens by itself: return it first.
  await orderRegion.waitFor({ timeout: 2_000 }).then(() => release.click()).catch(() => undefined);
  await page.getByRole('button', { name: /^Открыть заказ/ }).first().waitFor({ timeout: 15_000 }).catch(() => undefined);
  await shot(page, 'queues');

  await page.keyboard.press('F2');
  await orderRegion.waitFor({ timeout: 15_000 });
  await fillOrder(page);
  const scroller = orderRegion.locator('.order-scroll');
  const toBottom = async () => {
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForTimeout(300);
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  };
  await shot(page, 'form-delivery', toBottom);
  await shot(page, 'form', () => scroller.evaluate((el) => el.scrollTo(0, 0)));

  await page.getByRole('button', { name: /^Невалид/ }).click();
  await shot(page, 'form-invalid', () => scroller.evaluate((el) => el.scrollTo(0, 0)));
  await page.getByRole('button', { name: /^Подтвердить/ }).click();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('дорого');
  await page.keyboard.press('Alt+1');
  await shot(page, 'script', () => page.locator('.script-body').evaluate((el) => el.scrollTo(0, el.scrollHeight)));

  await page.locator('body').click({ position: { x: 683, y: 10 } });
  await page.keyboard.press('F1');
  await page.getByRole('dialog', { name: 'Горячие клавиши' }).waitFor({ timeout: 5_000 }).catch(() => undefined);
  await shot(page, 'help');
  await page.keyboard.press('Escape');

  if (returnOrder) {
    await release.click();
    await orderRegion.waitFor({ state: 'detached' });
  }
  await page.close();
}

/** The day `daysBack` days before today in Moscow as typed in the report's fields (dd.mm.yyyy). */
function moscowDay(daysBack: number): string {
  return new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(Date.now() - daysBack * 86_400_000));
}

/** The lead's board and report, then the admin's users screen (same host, logout between). */
async function leadShots(browser: Browser, url: string, shot: Shot): Promise<void> {
  const page = await newPage(browser);
  await logIn(page, url, 'lead', 'lead');
  const rows = page.getByRole('table', { name: 'Операторы команды' }).locator('tbody tr');
  await page.waitForFunction(() => document.querySelectorAll('.lead-table tbody tr').length >= 20, undefined, { timeout: 30_000 });
  await page.waitForTimeout(1_500);
  console.log(`screenshots: board with ${await rows.count()} operators`);
  await shot(page, 'board');

  await page.getByRole('tab', { name: 'Отчёты' }).click();
  const from = page.getByLabel('С', { exact: true });
  await from.waitFor();
  await from.fill(moscowDay(6));
  await page.getByLabel('По', { exact: true }).fill(moscowDay(0));
  await page.getByRole('button', { name: 'Показать' }).click();
  await page.locator('.lead-charts').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('.lead-progress'), undefined, { timeout: 30_000 });
  const reportFit = async () => {
    const fit = await page.locator('.lead-report-wrap').evaluate((el) => ({ table: el.scrollWidth, box: el.clientWidth, view: window.innerWidth }));
    console.log(`screenshots: report at ${fit.view} px wide: table ${fit.table} px in a ${fit.box} px box${fit.table > fit.box ? ' — SCROLLS SIDEWAYS' : ''}`);
  };
  await shot(page, 'report', reportFit);

  await page.getByRole('button', { name: 'Выйти' }).click();
  await logIn(page, url, 'admin', 'admin');
  await page.getByRole('tab', { name: 'Администрирование' }).click();
  await page.locator('.lead-admin .lead-table tbody tr').first().waitFor({ timeout: 15_000 });
  await shot(page, 'admin-users');
  await page.close();
}

async function main(): Promise<void> {
  const url = process.env.PROZVON_URL;
  const login = process.env.PROZVON_LOGIN ?? 'operator1';
  const password = process.env.PROZVON_PASSWORD ?? 'operator';
  const outDir = path.resolve(process.env.PROZVON_SHOTS_DIR ?? path.join(ROOT, 'resources', 'screenshots'));
  fs.mkdirSync(outDir, { recursive: true });
  const shot: Shot = async (page, name, prepare) => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(400);
      if (prepare) await prepare();
      await page.waitForTimeout(200);
      const file = path.join(outDir, `${name}-${size.width}x${size.height}.png`);
      await page.screenshot({ path: file });
      console.log(`screenshots: ${file}`);
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  };
  // Scrollbars stay visible (headless hides them by default) so the shots show what a user sees.
  const launch = () => chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, ignoreDefaultArgs: ['--hide-scrollbars'],
    env: { ...process.env, LANG: 'ru_RU.UTF-8', LANGUAGE: 'ru' },
  });

  if (url) {
    const browser = await launch();
    try {
      await operatorShots(browser, url, shot, login, password, true);
      console.log('screenshots: PROZVON_URL given — operator screens only; unset it for the lead and admin screens.');
    } finally {
      await browser.close();
    }
    return;
  }

  builtHost(ROOT);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prozvon-shots-'));
  const hosts: ShotsHost[] = [];
  let browser: Browser | null = null;
  let board: { close(): Promise<void> } | null = null;
  try {
    const desk = await startShotsHost(ROOT, path.join(dataDir, 'operator'));
    hosts.push(desk);
    browser = await launch();
    await operatorShots(browser, desk.url, shot, login, password, false);
    board = await seedBoard(desk.serverUrl);
    const lead = await startShotsHost(ROOT, path.join(dataDir, 'lead'), desk.serverUrl);
    hosts.push(lead);
    await leadShots(browser, lead.url, shot);
  } finally {
    await board?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    for (const h of hosts.reverse()) await h.stop().catch(() => undefined);
    // The demo server may still be flushing its files: retry, and never hide the real error.
    try { fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }); } catch (e) { console.warn(`screenshots: ${dataDir} left behind: ${String(e)}`); }
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
