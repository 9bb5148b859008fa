/**
 * Renderer benchmark (run: `npx tsx bench/renderer-desk.ts [rows]`): the built renderer
 * (dist/renderer, built when missing) in Debian Chromium at 1366×768, served from a loopback static
 * server with an in-page Api of canned data (so the numbers are the renderer's, not the network's):
 * - time from «Войти» to an interactive queue (first «Открыть» button);
 * - tab switch with a 10k-row tab (click → first row painted), median and p95;
 * - keystroke-to-paint while typing in the form (beforeinput → next frame), p50 and p95;
 * - JS heap after the run;
 * - operator actions (clicks and hotkeys, not typed customer data) from Next order to a confirmed save,
 *   by hand and with progressive dialing + auto-next on (the order after a save comes and dials by itself).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist', 'renderer');
const ROWS = Number(process.argv[2] ?? 10_000);

/** The in-page Api (runs in the browser before the app): canned queues, one order, suggestions, delivery. */
function installFakeApi(rows: number, progressive: boolean): void {
  const tabs = ['new', 'quickRecall', 'inWork', 'noAnswerToday', 'noAnswerYesterday', 'noAnswer2Days', 'noAnswerOlder'];
  const totals: Record<string, number> = { new: rows, quickRecall: 14, inWork: 6, noAnswerToday: 31, noAnswerYesterday: rows, noAnswer2Days: 22, noAnswerOlder: 90 };
  const now = Date.now();
  const offer = { sku: 'KREM-X', name: 'Крем «Артро-Х»', priceKop: 199000, promo: { text: '', allowedDiscountsPct: [50, 100] }, active: true };
  const reasons = [['no_pickup', 'noAnswer', 'Не берёт трубку'], ['other', 'cancel', 'Другое'], ['need_callback', 'callback', 'Нужно перезвонить'], ['invalid_number', 'invalid', 'Невалидный номер'], ['spam', 'invalid', 'Спам']]
    .map(([code, group, label]) => ({ code, group, label, active: true }));
  const order = {
    id: 1, externalId: null, status: 'new', createdAt: new Date(now - 60000).toISOString(), updatedAt: new Date(now).toISOString(), failedAttempts: 0,
    callbackAt: null, lastAttemptAt: null, assigneeId: 7, assigneeName: 'Оператор', leaseUntil: null, offerSku: 'KREM-X',
    customer: { name: 'Ольга', phone: '+79123456789', extraPhone: null, gender: null },
    address: { postalCode: null, region: '', district: '', city: '', cityId: null, street: '', house: '', building: '', korpus: '', apartment: '' },
    lines: [{ offerSku: 'KREM-X', name: 'Крем «Артро-Х»', quantity: 1, unitPriceKop: 199000, discountPct: 0, main: true }],
    delivery: null, problem: null, comment: '', version: 1, customerZone: { zone: 'Europe/Moscow', source: 'address' },
    // The call is simulated (the softphone is another issue): one answered attempt.
    calls: [{ callId: 'c1', orderId: 1, startedAt: new Date(now - 50000).toISOString(), answeredAt: new Date(now - 45000).toISOString(), endedAt: new Date(now - 1000).toISOString(), outcome: 'answered' }],
  };
  const sugg = (id: string, value: string) => ({ id, label: value, value, postalCode: '620014', region: 'Свердловская область', district: 'Екатеринбург', city: 'Екатеринбург' });
  const row = (tab: string, i: number) => ({ id: i + 1, tab, due: i % 3 === 0, status: 'new', createdAt: new Date(now - i * 60000).toISOString(), assigneeId: null, assigneeName: null,
    failedAttempts: i % 4, callbackAt: null, offerSku: 'KREM-X', offerName: 'Крем «Артро-Х»', customerName: `Клиент ${i}`, phoneMasked: '8 (912) ***-**-89' });
  let logged = false;
  const saves: unknown[] = [];
  const ok = (value: unknown) => Promise.resolve({ ok: true, value });
  const h: Record<string, (r: Record<string, unknown>) => Promise<unknown>> = {
    'auth.session': () => ok(logged ? { serverUrl: 'http://127.0.0.1:1', user: { id: 7, login: 'operator1', name: 'Оператор', role: 'operator', ...(progressive ? { dialing: { previewSeconds: 1, wrapUpSeconds: 1 } } : {}) }, sip: null, timeZone: 'Europe/Moscow', center: { timeZone: 'Europe/Moscow', workingHours: null, callingWindow: { start: '00:00', end: '23:59' }, limits: { callbackMaxDays: 90 } } } : null),
    'auth.login': () => { logged = true; return h['auth.session']!({}); },
    'settings.lastServer': () => ok('http://127.0.0.1:1'),
    'queue.counts': () => ok({ cached: false, tabs: Object.fromEntries(tabs.map((t) => [t, { total: totals[t], due: 1 }])) }),
    'queue.list': (r) => {
      const tab = String(r.tab); const offset = Number(r.offset); const limit = Number(r.limit);
      return ok({ tab, total: totals[tab], cached: false, rows: Array.from({ length: Math.max(0, Math.min(limit, (totals[tab] ?? 0) - offset)) }, (_, i) => row(tab, offset + i)) });
    },
    'queue.next': () => ok({ order, pending: [], draft: null, rejection: null, takenAt: null }),
    'order.held': () => ok([]),
    'customer.history': (r) => ok({ phone: r.phone, orders: [] }),
    'reasons.list': () => ok(reasons),
    'offers.list': () => ok([offer]),
    'script.get': () => ok({ offerSku: 'KREM-X', sections: [{ key: 'greeting', title: 'Приветствие', body: 'Здравствуйте, {{customerName}}!' }], objections: [] }),
    'address.suggest': (r) => ok(r.level === 'city' ? [sugg('c1', 'Екатеринбург')] : r.level === 'street' ? [sugg('s1', 'улица Малышева')] : [sugg('h1', '51')]),
    'delivery.options': () => ok([{ id: 'c', method: 'courier', carrier: 'СДЭК', priceKop: 35000, daysMin: 2, daysMax: 4 }, { id: 'p', method: 'post', carrier: 'Почта России', priceKop: 25000, daysMin: 6, daysMax: 12 }]),
    'order.saveResult': (r) => { saves.push(r); return ok({ mutationId: saves.length, queued: false }); },
    'sync.status': () => ok({ online: true, pending: 0, lastSyncAt: null, syncing: false, progress: null, lastError: null }),
  };
  (window as unknown as { __saves: unknown[] }).__saves = saves;
  (window as unknown as { api: unknown }).api = new Proxy({ on: () => () => undefined }, {
    get: (t: Record<string, unknown>, p: string) => (p in t ? t[p] : (req: Record<string, unknown>) => (h[p] ? h[p](req) : ok(null))),
  });
  const lat: number[] = [];
  (window as unknown as { __lat: number[] }).__lat = lat;
  // beforeinput fires for every typed character (Playwright types Cyrillic as text input, no keydown).
  document.addEventListener('beforeinput', (e) => {
    if ((e.target as HTMLElement | null)?.tagName !== 'INPUT') return;
    const t0 = performance.now();
    requestAnimationFrame(() => setTimeout(() => lat.push(performance.now() - t0), 0));
  }, true);
}

/** Deliberate actions from Next order to a confirmed save before progressive dialing (F2, F3, gender, 3 picks, F5 ×2). */
const TODAY_ACTIONS = 8;

/** Fills the form like an operator (typing is not counted, each pick and key press is) and saves Подтвердить. */
async function fillAndSave(page: Page, act: (fn: () => Promise<void>) => Promise<void>): Promise<void> {
  await page.getByLabel('ФИО', { exact: true }).fill('');
  await page.getByLabel('ФИО', { exact: true }).pressSequentially('Смирнова Ольга Петровна', { delay: 15 });
  for (const [label, text] of [['Город', 'Екат'], ['Улица', 'Малыш'], ['Дом', '51']] as const) {
    const input = page.getByRole('combobox', { name: label, exact: true });
    await input.pressSequentially(text, { delay: 15 });
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await act(() => input.press('Enter'));
  }
  await page.getByLabel('Квартира', { exact: true }).pressSequentially('17', { delay: 15 });
  await page.locator('label.option.chosen').waitFor();
  await act(() => page.keyboard.press('F5'));
  await page.getByText(/Всё заполнено/).waitFor();
  await act(() => page.keyboard.press('F5'));
  await page.getByText(/сохранён: Подтвердить/).waitFor();
}

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN; };
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', 'renderer/vite.config.mts'], { cwd: ROOT, stdio: 'inherit' });
  }
  const srv = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(DIST, rel === '/' ? 'index.html' : rel);
    if (!file.startsWith(DIST) || !fs.existsSync(file)) { res.writeHead(404).end(); return; }
    const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    // tsx may wrap functions with esbuild's `__name` helper: give the page a no-op one.
    await page.addInitScript({ content: `var __name = (f) => f; (${installFakeApi.toString()})(${ROWS}, false);` });
    await page.goto(`http://127.0.0.1:${port}/`);

    // 1. Login → interactive queue.
    await page.getByLabel('Логин', { exact: true }).fill('operator1');
    await page.getByLabel('Пароль', { exact: true }).fill('operator');
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('button', { name: /^Открыть заказ/ }).first().waitFor();
    const loginToQueue = Date.now() - t0;

    // 2. Tab switch between two 10k-row tabs.
    const switches: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const tab = i % 2 === 0 ? /Недозвон за вчера/ : /^Новый/;
      const s = Date.now();
      await page.getByRole('tab', { name: tab }).click();
      await page.locator('.qrow .c-id').first().waitFor();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      switches.push(Date.now() - s);
    }
    await page.locator('.qlist-scroll').evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
    await page.locator('.qrow .c-id').first().waitFor();

    // 3. Next order → confirmed save by hand, counting operator actions; typing latency measured meanwhile.
    let actions = 0;
    const act = async (fn: () => Promise<void>) => { actions += 1; await fn(); };
    await page.getByRole('tab', { name: /^Новый/ }).click();
    await act(() => page.keyboard.press('F2'));
    await page.getByRole('region', { name: /^Заказ № / }).waitFor();
    await act(() => page.keyboard.press('F3')); // call (simulated: the order carries an answered call)
    await fillAndSave(page, act);
    const saved = await page.evaluate(() => (window as unknown as { __saves: unknown[] }).__saves.length);
    const lat = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN);

    console.log(`renderer-desk (${ROWS} rows per big tab, Chromium 1366×768, in-page Api)`);
    console.log(`  login → interactive queue:     ${ms(loginToQueue)}`);
    console.log(`  tab switch (10k rows):         p50 ${ms(pct(switches, 50))}  p95 ${ms(pct(switches, 95))}  (${switches.length} switches)`);
    console.log(`  keystroke → paint (form):      p50 ${ms(pct(lat, 50))}  p95 ${ms(pct(lat, 95))}  (${lat.length} keystrokes)`);
    console.log(`  JS heap used:                  ${(heap / 1024 / 1024).toFixed(1)} MB`);
    console.log(`  actions Next → confirmed save: ${actions} by hand (F2, F3, city/street/house picks, F5 ×2; gender from the patronymic, delivery pre-chosen; saves: ${saved})`);

    // 4. The same with progressive dialing and auto-next on: after the first save the next order comes and dials by itself.
    const auto = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    auto.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await auto.addInitScript({ content: `var __name = (f) => f; (${installFakeApi.toString()})(${ROWS}, true);` });
    await auto.goto(`http://127.0.0.1:${port}/`);
    await auto.getByLabel('Логин', { exact: true }).fill('operator1');
    await auto.getByLabel('Пароль', { exact: true }).fill('operator');
    await auto.getByRole('button', { name: 'Войти' }).click();
    let first = 0;
    const actFirst = async (fn: () => Promise<void>) => { first += 1; await fn(); };
    await actFirst(() => auto.keyboard.press('F2'));
    await auto.getByRole('timer').waitFor({ state: 'detached' });
    await fillAndSave(auto, actFirst);
    await auto.getByRole('timer').waitFor();
    await auto.getByRole('region', { name: /^Заказ № / }).waitFor();
    let steady = 0;
    const actSteady = async (fn: () => Promise<void>) => { steady += 1; await fn(); };
    await auto.getByRole('timer').waitFor({ state: 'detached' });
    await fillAndSave(auto, actSteady);
    console.log(`  actions Next → confirmed save: ${steady} with progressive dialing + auto-next (first order of the shift ${first}; today's count: ${TODAY_ACTIONS}; goal ≤ 5)`);
  } finally {
    await browser.close();
    srv.close();
  }
}

main().catch((e: unknown) => { console.error(e); process.exitCode = 1; });
