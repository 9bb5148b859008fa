/**
 * The operator's desk end to end: the real CRM server (PGlite, demo data), the browser-mode host
 * (main services + the built renderer), a real Kamailio and Debian Chromium with fake media
 * (desk-rig.ts). operator1 logs in, takes the next order, fills it from suggestions, adds a gift,
 * gets courier delivery proposed; the draft survives a reload. An order with the fake number
 * 70000000000 is proposed as Невалид, saved without a call. Calls are real softphone calls to a
 * customer SIP.js UA: Подтвердить after an answered call; Недозвон ×4 after calls the customer
 * rejects as busy, with the callback time of the 4th. The server shows every result.
 */
import type { Page } from 'playwright-core';
import { INGEST_KEY, type ServerProcess } from '../server/support/server-process';
import { autoCallbackAt } from '../../shared/domain';
import { toZonedInput } from '../../renderer/app/format';
import { e164FromDisplay, startDeskRig, type DeskRig } from './support/desk-rig';
import type { CustomerMode } from './support/customer-ua';

jest.setTimeout(240_000);

let rig: DeskRig;
let server: ServerProcess;
let page: Page;

type ServerOrder = { status: string; problem: string | null; comment: string; failedAttempts: number; callbackAt: string | null };

async function serverApi<T>(method: string, p: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: T }> {
  const res = await fetch(`${server.url}/api/v1${p}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as T };
}

/** Types into a suggestion field and picks the first suggestion with Enter. */
async function pick(label: string, text: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.fill('');
  await input.pressSequentially(text, { delay: 30 });
  await page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 10_000 });
  await input.press('Enter');
}

const orderRegion = () => page.getByRole('region', { name: /^Заказ № / });

beforeAll(async () => {
  rig = await startDeskRig('desk-flow');
  server = rig.server;
  page = rig.page;
  await rig.login('operator1', 'operator');
  await rig.sipLight('registered');
});

afterAll(async () => {
  await rig?.close();
});

test('Next order, the form from suggestions, a gift and courier delivery; the draft survives a reload', async () => {
  await page.keyboard.press('F2');
  await orderRegion().waitFor({ timeout: 15_000 });
  await page.getByLabel('ФИО', { exact: true }).fill('Смирнова Ольга Петровна');
  await page.getByLabel('Женский').check();
  await pick('Город', 'Екатер');
  expect(await page.getByLabel('Индекс', { exact: true }).inputValue()).toMatch(/^\d{6}$/);
  expect(await page.getByLabel('Регион', { exact: true }).inputValue()).toBe('Свердловская область');
  await pick('Улица', 'Малыш');
  await pick('Дом', '1');
  await page.getByLabel('Квартира', { exact: true }).fill('17');

  await page.getByRole('button', { name: /Добавить второстепенный товар/ }).click();
  const add = page.getByRole('group', { name: 'Второстепенный товар' });
  const before = await page.getByTestId('total-goods').innerText();
  await add.getByLabel('Скидка').selectOption({ label: 'Подарок (100 %)' });
  await add.getByRole('button', { name: 'Сохранить' }).click();
  await page.locator('tr.gift').waitFor();
  expect(await page.getByTestId('total-goods').innerText()).toBe(before);

  const chosen = page.getByRole('radiogroup', { name: 'Варианты доставки' }).locator('label.option.chosen');
  await chosen.waitFor({ timeout: 15_000 });
  expect(await chosen.innerText()).toMatch(/Курьер/);
  expect(await page.getByRole('radiogroup', { name: 'Варианты доставки' }).innerText()).not.toMatch(/Почта России/);
  expect(await page.getByTestId('total-delivery').innerText()).toMatch(/₽/);
  expect(await page.locator('.say-aloud').innerText()).toMatch(/обязательно забрать и оплатить/);

  await page.getByText(/черновик сохранён/).waitFor({ timeout: 5_000 });
  // The draft is saved ≤ 300 ms after the last edit; leave that window before reloading.
  await page.waitForTimeout(1_000);
  await page.reload();
  await orderRegion().waitFor({ timeout: 30_000 });
  expect(await page.getByLabel('ФИО', { exact: true }).inputValue()).toBe('Смирнова Ольга Петровна');
  expect(await page.getByRole('combobox', { name: 'Город', exact: true }).inputValue()).toBe('Екатеринбург');
  await page.locator('tr.gift').waitFor();

  await orderRegion().getByRole('button', { name: 'Вернуть в очередь' }).click();
  await orderRegion().waitFor({ state: 'detached' });
});

test('70000000000 is proposed as Невалид, saved without a call, and the server shows it', async () => {
  const ingest = await serverApi<{ id: number }>('POST', '/orders', {
    externalId: `e2e-desk-fake-${Date.now()}`, customerName: 'Тест Фейков', phone: '70000000000', offerSku: 'ARTRO-GEL',
    createdAt: new Date(Date.now() - 30 * 86_400_000).toISOString(),
  }, { 'x-api-key': INGEST_KEY });
  expect([200, 201]).toContain(ingest.status);
  const id = ingest.json.id;
  if (await orderRegion().count()) {
    await orderRegion().getByRole('button', { name: 'Вернуть в очередь' }).click();
    await orderRegion().waitFor({ state: 'detached' });
  }

  await page.getByRole('tab', { name: /Недозвон за сегодня/ }).click();
  await page.getByRole('tab', { name: /^Новый/ }).click();
  await page.getByRole('button', { name: `Открыть заказ ${id}` }).click({ timeout: 15_000 }).catch(async (e: unknown) => { await page.screenshot({ path: '/tmp/visual/e2e-fail.png' }); throw e; });
  await orderRegion().waitFor({ timeout: 15_000 });
  await page.getByText(/предлагаем «Невалид: неверный номер»/).waitFor();
  expect(await page.getByRole('button', { name: /Позвонить/ }).isDisabled()).toBe(true);
  await page.keyboard.press('F9');
  expect(await page.getByLabel('Неверный номер').isChecked()).toBe(true);
  await page.getByText(/Всё заполнено/).waitFor();
  await page.keyboard.press('F9');
  await page.getByText(new RegExp(`Заказ № ${id} сохранён: Невалид`)).waitFor({ timeout: 15_000 });

  const order = await serverOrder(id, (o) => o.status === 'invalid');
  expect(order).toMatchObject({ status: 'invalid', problem: 'invalid_number' });
  expect(order?.comment).toMatch(/^\d{2}\.\d{2}\.\d{4} Неверный номер телефона/);
});

/**
 * Calls the open order's customer from the phone field with the real softphone; the customer's SIP
 * UA answers (and hangs up after a moment) or rejects as busy. Resolves once the call is over.
 */
async function realCall(mode: Extract<CustomerMode, 'answer' | 'busy'>): Promise<void> {
  const region = page.getByRole('region', { name: /^Заказ № / });
  const e164 = e164FromDisplay(await region.locator('.phone-field input').inputValue());
  const customer = await rig.customer(e164, mode);
  try {
    await region.getByRole('button', { name: /Позвонить/ }).click();
    if (mode === 'answer') {
      await rig.waitCall((s) => s.call.phase === 'established');
      await page.keyboard.press('F4');
    }
    await rig.waitCall((s) => s.call.phase === 'ended');
  } finally {
    await customer.close();
  }
}

/** The server's copy of an order (admin), polled until `ok` holds. */
async function serverOrder(id: number, ok: (o: ServerOrder) => boolean): Promise<ServerOrder | null> {
  const admin = await server.login('admin', 'admin');
  let last: ServerOrder | null = null;
  for (let i = 0; i < 60; i += 1) {
    const r = await serverApi<{ order?: ServerOrder } | ServerOrder | null>('GET', `/orders/${id}`, undefined, { authorization: `Bearer ${admin}` });
    last = r.json && 'order' in r.json ? r.json.order ?? null : (r.json as ServerOrder | null);
    if (last && ok(last)) return last;
    await new Promise((res) => setTimeout(res, 500));
  }
  return last;
}

/** Opens an order from a tab's list (scrolls the virtual list to the bottom when needed). */
async function openFromTab(tab: RegExp, id: number): Promise<void> {
  await page.getByRole('tab', { name: tab }).click();
  const button = page.getByRole('button', { name: `Открыть заказ ${id}` });
  await page.locator('.qrow').first().waitFor({ timeout: 15_000 });
  if (!(await button.count())) await page.locator('.qlist-scroll').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await button.click({ timeout: 15_000 });
  await page.getByRole('region', { name: `Заказ № ${id}` }).waitFor({ timeout: 15_000 });
}

test('after an answered softphone call Подтвердить saves; the server shows it', async () => {
  await page.keyboard.press('F2');
  await orderRegion().waitFor({ timeout: 15_000 });
  const id = Number((await orderRegion().getAttribute('aria-label'))?.replace(/\D/g, ''));
  await realCall('answer');
  await page.getByText(/разговор был/).waitFor({ timeout: 10_000 });
  await page.getByLabel('ФИО', { exact: true }).fill('Смирнова Ольга Петровна');
  await page.getByLabel('Женский').check();
  await pick('Город', 'Екатер');
  await pick('Улица', 'Малыш');
  await pick('Дом', '1');
  await page.getByRole('radiogroup', { name: 'Варианты доставки' }).locator('label.option.chosen').waitFor({ timeout: 15_000 });
  await page.keyboard.press('F5');
  await page.getByText(/Всё заполнено/).waitFor();
  await page.keyboard.press('F5');
  await page.getByText(new RegExp(`Заказ № ${id} сохранён: Подтвердить`)).waitFor({ timeout: 15_000 });
  expect(await serverOrder(id, (o) => o.status === 'confirmed')).toMatchObject({ status: 'confirmed', problem: null, callbackAt: null });
});

test('Недозвон ×4: the 4th fills a callback today +1 h; the server keeps it', async () => {
  const ingest = await serverApi<{ id: number }>('POST', '/orders', {
    externalId: `e2e-desk-noanswer-${Date.now()}`, customerName: 'Недозвонов Пётр', phone: '+79123450017', offerSku: 'ARTRO-GEL',
    createdAt: new Date(Date.now() - 60_000).toISOString(),
  }, { 'x-api-key': INGEST_KEY });
  expect([200, 201]).toContain(ingest.status);
  const id = ingest.json.id;
  for (let round = 1; round <= 4; round += 1) {
    await openFromTab(round === 1 ? /^Новый/ : /Быстрый перезвон/, id);
    await realCall('busy');
    await page.getByText(/без ответа/).waitFor({ timeout: 10_000 });
    const before = new Date();
    await page.keyboard.press('F7');
    const after = new Date();
    await page.getByLabel('Проблема').selectOption({ label: 'Не берёт трубку' });
    await page.getByLabel('Комментарий').pressSequentially('не берёт трубку');
    const callback = page.getByLabel('Дата, когда перезвонить');
    if (round < 4) {
      expect(await callback.count()).toBe(0);
    } else {
      const expected = [before, after].map((t) => toZonedInput(autoCallbackAt(t, 'Europe/Moscow'), 'Europe/Moscow'));
      expect(expected).toContain(await callback.inputValue());
    }
    await page.getByText(/Всё заполнено/).waitFor();
    await page.keyboard.press('F7');
    await page.getByText(new RegExp(`Заказ № ${id} сохранён: Недозвон`)).waitFor({ timeout: 15_000 });
    const saved = await serverOrder(id, (o) => o.failedAttempts === round);
    expect(saved).toMatchObject({ status: 'no_answer', failedAttempts: round, problem: 'no_pickup' });
    if (round === 4) expect(saved?.callbackAt).not.toBeNull();
    else expect(saved?.callbackAt ?? null).toBeNull();
  }
});
