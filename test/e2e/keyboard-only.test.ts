/**
 * A whole order with the keyboard only, in real Chromium through the browser-mode host with the
 * real softphone (desk-rig.ts: Kamailio, the demo server, a SIP.js customer who answers):
 * login → «Следующий заказ» → «Позвонить» → the form field by field (each F5 puts focus on the
 * next field Подтвердить still needs) → the delivery option → save → «Следующий заказ» → the next
 * order. After every step the test asserts where focus is (document.activeElement); no mouse
 * event is sent to the desk.
 */
import type { Locator } from 'playwright-core';
import { client } from '../server/support/server-process';
import { e164FromDisplay, startDeskRig, type DeskRig } from './support/desk-rig';
import { poll } from './support/poll';

jest.setTimeout(240_000);

let rig: DeskRig;

beforeAll(async () => {
  rig = await startDeskRig('keyboard-only');
  // the widest calling window: every demo order is inside except in the minute 23:59 of some Russian zone (…:59 UTC)
  const admin = client(rig.server.url, await rig.server.login('admin', 'admin'));
  expect((await admin.call('PUT', '/admin/settings', { callingWindow: { start: '00:00', end: '23:59' } })).status).toBe(200);
});

afterAll(async () => {
  await rig?.close();
});

const page = () => rig.page;
const orderRegion = () => page().getByRole('region', { name: /^Заказ № / });
const nextButton = () => page().getByRole('button', { name: /Следующий заказ/ });
const callButton = () => orderRegion().getByRole('button', { name: /Позвонить/ });

/** Waits until `target` has focus; fails with what has it instead. */
async function expectFocus(target: Locator, timeoutMs = 10_000): Promise<void> {
  const focused = await poll(() => target.evaluate((el) => el === document.activeElement), (v) => v, timeoutMs);
  if (!focused) {
    const active = await page().evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
    throw new Error(`focus is not on ${String(target)} but on ${active}`);
  }
  expect(focused).toBe(true);
}

/** The rule field (`data-field`) of the focused element, or its tag when it has none. */
const focusedField = () => page().evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  return el?.dataset.field ?? el?.tagName.toLowerCase() ?? 'none';
});

/** Replaces the focused suggestion field's text and picks the first suggestion with Enter. */
async function pickFocused(text: string): Promise<void> {
  await page().keyboard.press('Control+a');
  await page().keyboard.type(text, { delay: 30 });
  await page().getByRole('listbox').getByRole('option').first().waitFor({ timeout: 10_000 });
  await page().keyboard.press('Enter');
}

test('login → Next order → call → form → save → next, with the keyboard only and focus asserted at each step', async () => {
  // login: focus starts on «Логин»; the server address is one Shift+Tab back
  const loginField = page().getByLabel('Логин', { exact: true });
  await expectFocus(loginField);
  await page().keyboard.press('Shift+Tab');
  await expectFocus(page().getByLabel('Адрес сервера'));
  await page().keyboard.press('Control+a');
  await page().keyboard.type(rig.server.url);
  await page().keyboard.press('Tab');
  await expectFocus(loginField);
  await page().keyboard.type('operator1');
  await page().keyboard.press('Tab');
  await expectFocus(page().getByLabel('Пароль', { exact: true }));
  await page().keyboard.type('operator');
  await page().keyboard.press('Enter');

  // the desk: «Следующий заказ» has focus; Enter takes the order and focus moves to «Позвонить»
  await nextButton().waitFor({ timeout: 30_000 });
  await expectFocus(nextButton());
  await rig.sipLight('registered');
  await poll(async () => new Date().getUTCMinutes(), (m) => m < 58, 130_000);
  await expectFocus(nextButton());
  await page().keyboard.press('Enter');
  await orderRegion().waitFor({ timeout: 15_000 });
  await expectFocus(callButton());
  const id = Number((await orderRegion().getAttribute('aria-label'))?.replace(/\D/g, ''));

  // the call: Enter on «Позвонить» (a call outside the customer's hours asks first: Enter confirms)
  const customer = await rig.customer(e164FromDisplay(await orderRegion().locator('[data-field="customer.phone"]').inputValue()), 'answer');
  await page().keyboard.press('Enter');
  const ask = page().getByRole('alertdialog');
  const started = await poll(async () => (await ask.count()) > 0 || ((await rig.callState()).call?.phase ?? 'idle') !== 'idle', (v) => v, 15_000);
  expect(started).toBe(true);
  if (await ask.count()) {
    await expectFocus(ask.getByRole('button', { name: /Позвонить/ }));
    await page().keyboard.press('Enter');
  }
  await rig.waitCall((s) => s.call.phase === 'established');
  await page().keyboard.press('F4');
  await orderRegion().getByText(/разговор был/).waitFor({ timeout: 10_000 });
  await expectFocus(callButton());

  // the form: each F5 puts focus on the next field Подтвердить needs (which ones depends on the
  // demo order Next gives at this hour); fill it and press F5 again
  const filled: string[] = [];
  const ready = page().getByText(/Всё заполнено/);
  for (let step = 0; step < 8; step++) {
    // armed and complete, F5 would save: the delivery step below comes first
    if (step > 0 && await ready.count()) break;
    await page().keyboard.press('F5');
    // focus leaves «Позвонить» (the call is made) for the field F5 asks for
    const field = await poll(focusedField, (f) => f !== 'body' && f !== 'callMade' && !filled.includes(f), 5_000);
    filled.push(field);
    if (field === 'customer.name') {
      await page().keyboard.press('Control+a');
      await page().keyboard.type('Смирнова Ольга Петровна');
    } else if (field === 'customer.gender') {
      await expectFocus(page().getByLabel('Женский'));
      await page().keyboard.press('Space');
    } else if (field === 'address.city') {
      await expectFocus(page().getByRole('combobox', { name: 'Город', exact: true }));
      await pickFocused('Екатер');
    } else if (field === 'address.street') {
      await expectFocus(page().getByRole('combobox', { name: 'Улица', exact: true }));
      await pickFocused('Малыш');
    } else if (field === 'address.house') {
      await expectFocus(page().getByRole('combobox', { name: 'Дом', exact: true }));
      await pickFocused('1');
      break;
    } else if (field === 'save') {
      // a form that needs nothing more (a callback order): F5 put focus on its save button
      await expectFocus(page().getByRole('button', { name: /Сохранить «Подтвердить»/ }));
      break;
    } else if (field === 'delivery') {
      break;
    } else {
      throw new Error(`F5 put focus on an unexpected field: ${field}`);
    }
  }

  // Ctrl+D: the options are looked up and focus lands on the proposed one
  await page().keyboard.press('Control+d');
  const options = page().getByRole('radiogroup', { name: 'Варианты доставки' });
  await options.locator('label.option.chosen').waitFor({ timeout: 15_000 });
  await expectFocus(options.locator('label.option.chosen input'));
  await page().getByText(/Всё заполнено/).waitFor({ timeout: 10_000 });

  // save: F5 (armed, complete) saves; focus goes to «Следующий заказ»
  await page().keyboard.press('F5');
  await page().getByText(new RegExp(`Заказ № ${id} сохранён: Подтвердить`)).waitFor({ timeout: 15_000 });
  await expectFocus(nextButton());

  // next: Enter takes the next order and focus is on its «Позвонить» again
  await poll(async () => new Date().getUTCMinutes(), (m) => m < 58, 130_000);
  await page().keyboard.press('Enter');
  await orderRegion().waitFor({ timeout: 15_000 });
  expect(Number((await orderRegion().getAttribute('aria-label'))?.replace(/\D/g, ''))).not.toBe(id);
  await expectFocus(callButton());
  await customer.close();
});
