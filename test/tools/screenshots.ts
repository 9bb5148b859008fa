/**
 * `npm run screenshots` — PNGs of the operator's desk at 1366×768 for review: login, queues, a filled
 * order form and the script panel with an objection open. Needs a running browser-mode host:
 *   PROZVON_URL=http://127.0.0.1:PORT/?t=TOKEN npm run screenshots
 * Optional: PROZVON_LOGIN (operator1), PROZVON_PASSWORD (operator), PROZVON_SHOTS_DIR (screenshots).
 * The order it takes is returned to the queue at the end (no result is saved).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Types into a suggestion field and picks the first suggestion when one appears. */
async function pickSuggestion(page: Page, label: string, text: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.fill('');
  await input.pressSequentially(text, { delay: 40 });
  const option = page.getByRole('listbox').getByRole('option').first();
  try {
    await option.waitFor({ timeout: 5_000 });
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
  const firstOption = page.getByRole('radiogroup', { name: 'Варианты доставки' }).getByRole('radio').first();
  try {
    await firstOption.waitFor({ timeout: 10_000 });
    await firstOption.check();
  } catch {
    console.warn('screenshots: no delivery options for this address');
  }
}

async function main(): Promise<void> {
  const url = process.env.PROZVON_URL;
  if (!url) throw new Error('Set PROZVON_URL to the browser-mode address printed by `npm run start:web` (http://127.0.0.1:PORT/?t=TOKEN).');
  const login = process.env.PROZVON_LOGIN ?? 'operator1';
  const password = process.env.PROZVON_PASSWORD ?? 'operator';
  const outDir = path.resolve(process.env.PROZVON_SHOTS_DIR ?? 'screenshots');
  fs.mkdirSync(outDir, { recursive: true });
  const shot = async (page: Page, name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(outDir, `${name}.png`) });
    console.log(`screenshots: ${path.join(outDir, `${name}.png`)}`);
  };

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(url);

    const loginField = page.getByLabel('Логин', { exact: true });
    const next = page.getByRole('button', { name: /Следующий заказ/ });
    const orderRegion = page.getByRole('region', { name: /^Заказ № / });
    const release = orderRegion.getByRole('button', { name: 'Вернуть в очередь' });
    await Promise.race([loginField.waitFor({ timeout: 20_000 }), next.waitFor({ timeout: 20_000 })]);
    if (!(await loginField.isVisible())) {
      await page.getByRole('button', { name: 'Выйти' }).click();
      await loginField.waitFor({ timeout: 10_000 });
    }
    await loginField.fill(login);
    await shot(page, 'login');
    await page.getByLabel('Пароль', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await next.waitFor({ timeout: 30_000 });
    // An order held from an earlier session reopens by itself: return it first.
    await orderRegion.waitFor({ timeout: 2_000 }).then(() => release.click()).catch(() => undefined);
    await page.getByRole('button', { name: /^Открыть заказ/ }).first().waitFor({ timeout: 15_000 }).catch(() => undefined);
    await shot(page, 'queues');

    await page.keyboard.press('F2');
    await orderRegion.waitFor({ timeout: 15_000 });
    await fillOrder(page);
    await orderRegion.locator('.order-scroll').evaluate((el) => el.scrollTo(0, 0));
    await shot(page, 'form');

    await page.keyboard.press('Control+k');
    await page.keyboard.type('дорого');
    await page.keyboard.press('Alt+1');
    await shot(page, 'script');

    await release.click();
    await orderRegion.waitFor({ state: 'detached' });
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
