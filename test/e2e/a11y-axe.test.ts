/**
 * Accessibility end to end: axe-core (WCAG 2.1 A/AA) in Debian Chromium over the real screens in
 * browser mode — the real CRM server (PGlite, demo data), two browser-mode hosts (main services +
 * the built renderer): login, the desk (queue, a read-only tab, an open order, F1, F10) for
 * operator1 and the board, reports and plans for the lead. Each screen must have no critical and
 * no serious finding (colour contrast is measured by axe in the page); the findings are printed
 * when it fails. The desk's text is also measured: nothing readable under 12 px. And the layouts
 * the operator and lead work in: at 1280×720 the reasons under the result buttons wrap instead of
 * being cut, the script pane scrolls to its last step and the report fits at 1280 px, keeping its operator column
 * in view; at 1366×768 with «Невалид» chosen the form still shows «Доставка».
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { startServerProcess, type ServerProcess } from '../server/support/server-process';
import { MainServices } from '../../main/services/main-services';
import { FileTokenStore } from '../../main/sync/token-store';
import { createHandlers } from '../../main/ipc/handlers';
import { startSocketHost, type SocketHost } from '../../main/browser-host/socket-host';
import { ensureRenderer, RENDERER } from './support/desk-rig';

jest.setTimeout(300_000);

/** Waits are long: the machine running the suite may be busy with other suites. */
const WAIT = 60_000;

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG21 = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Host { host: SocketHost; services: MainServices }
interface Finding { id: string; impact: string | null; help: string; nodes: { target: string[]; summary: string }[] }

let tmp: string;
let server: ServerProcess;
let browser: Browser;
const hosts: Host[] = [];
let opHost: Host;
let leadHost: Host;

async function startHost(name: string): Promise<Host> {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  let host: SocketHost | null = null;
  const services = new MainServices({
    dataDir: path.join(dir, 'client'),
    tokenStore: new FileTokenStore(path.join(dir, 'session.json')),
    emit: (event, payload) => host?.broadcast(event, payload),
  });
  host = await startSocketHost({ handlers: createHandlers(services), rendererDir: RENDERER, port: 0, csp: { serverUrl: server.url, pbxUrls: [] } });
  const h = { host, services };
  hosts.push(h);
  return h;
}

/** A Russian page of `width`×`height` on a host, at its login screen (or the restored session's screen). */
async function openPage(h: Host, width: number, height: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  await page.goto(h.host.url);
  await Promise.race([
    page.getByLabel('Логин', { exact: true }).waitFor({ timeout: WAIT }),
    page.getByRole('button', { name: 'Выйти' }).waitFor({ timeout: WAIT }),
  ]);
  return page;
}

async function logIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('Адрес сервера').fill(server.url);
  await page.getByLabel('Логин', { exact: true }).fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('button', { name: 'Выйти' }).waitFor({ timeout: WAIT });
}

/** Runs axe (WCAG 2.1 A/AA, plus the label/visible-text rule) and returns the critical and serious findings. */
async function axeFindings(page: Page): Promise<Finding[]> {
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules: { 'label-content-name-mismatch': { enabled: true } }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String), summary: n.failureSummary ?? '' })) }));
  }, WCAG21);
  return found.filter((f) => f.impact === 'critical' || f.impact === 'serious');
}

/**
 * The critical and serious axe findings of the page as it is now, as text per screen (empty when
 * none); printed when there are some. Tests collect them over all screens and assert at the end.
 */
async function audit(page: Page, screen: string, into: Record<string, string>): Promise<void> {
  const bad = await axeFindings(page);
  const text = bad.map((f) => `[${f.impact}] ${f.id}: ${f.help}\n${f.nodes.slice(0, 8).map((n) => `   ${n.target.join(' ')} — ${n.summary.replace(/\s+/g, ' ').slice(0, 300)}`).join('\n')}`).join('\n');
  if (bad.length) console.log(`axe on ${screen}:\n${text}`);
  into[screen] = text;
}

/** `{ screen: '' }` for each screen audited: what the findings must equal. */
const clean = (found: Record<string, string>) => Object.fromEntries(Object.keys(found).map((k) => [k, '']));

/** Visible text nodes drawn under 12 px (their text and size), outside SVG charts. */
async function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim() ?? '';
      if (!el || !text || el.closest('svg, .sr-only, .lead-home .sr-only')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 12) out.push(`${text.slice(0, 40)} (${size}px)`);
    }
    return out;
  });
}

const orderRegion = (page: Page) => page.getByRole('region', { name: /^Заказ № / });

beforeAll(async () => {
  ensureRenderer();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'prozvon-a11y-'));
  server = await startServerProcess({ demo: true });
  browser = await launchChromium();
  opHost = await startHost('operator');
  leadHost = await startHost('lead');
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  for (const h of hosts) {
    await h.host.close().catch(() => undefined);
    await h.services.close().catch(() => undefined);
  }
  await server?.stop().catch(() => undefined);
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('axe-core: no critical or serious WCAG 2.1 A/AA finding', () => {
  let page: Page;
  afterAll(async () => { await page?.close().catch(() => undefined); });

  test('operator: login, queue, a read-only tab, an open order, F1 and F10', async () => {
    const found: Record<string, string> = {};
    page = await openPage(opHost, 1366, 768);
    await audit(page, 'login', found);

    await logIn(page, 'operator1', 'operator');
    await page.getByRole('button', { name: /^Открыть заказ/ }).first().waitFor({ timeout: WAIT });
    await audit(page, 'desk: queue', found);
    const smallOnQueue = await smallText(page);

    await page.getByRole('tab', { name: /Недозвон \(раньше\)/ }).click();
    await page.getByText('Только просмотр').waitFor();
    await audit(page, 'desk: read-only tab', found);

    await page.getByRole('button', { name: /Следующий заказ/ }).click();
    await orderRegion(page).waitFor({ timeout: WAIT });
    await audit(page, 'desk: order open', found);
    const smallOnOrder = await smallText(page);

    await page.keyboard.press('F1');
    await page.getByRole('dialog', { name: 'Горячие клавиши' }).waitFor({ timeout: WAIT });
    await audit(page, 'desk: F1 help', found);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Горячие клавиши' }).waitFor({ state: 'detached', timeout: WAIT });

    await page.keyboard.press('F10');
    await page.getByRole('dialog').first().waitFor({ timeout: WAIT });
    await audit(page, 'desk: F10 settings', found);
    await page.keyboard.press('Escape');

    expect(found).toEqual(clean(found));
    expect({ queue: smallOnQueue, order: smallOnOrder }).toEqual({ queue: [], order: [] });
  });

  test('lead: board, reports (fitting 1280×720 with a sticky operator column), call quality and plans', async () => {
    const found: Record<string, string> = {};
    const lead = await openPage(leadHost, 1366, 768);
    try {
      await logIn(lead, 'lead', 'lead');
      await lead.locator('.lead-table tbody tr').first().waitFor({ timeout: WAIT });
      await audit(lead, 'lead: board', found);

      await lead.getByRole('tab', { name: 'Отчёты' }).click();
      await lead.getByRole('table', { name: 'Показатели операторов' }).waitFor({ timeout: WAIT });
      await lead.locator('.lead-charts').waitFor({ timeout: WAIT });
      await audit(lead, 'lead: reports', found);

      // At 1280×720 the whole report fits its box (no sideways scroll); the operator column stays sticky for narrower windows.
      await lead.setViewportSize({ width: 1280, height: 720 });
      const table = lead.getByRole('table', { name: 'Показатели операторов' });
      const fit = await table.evaluate((el) => ({ table: el.scrollWidth, box: (el.parentElement as HTMLElement).clientWidth }));
      expect(fit.table).toBeLessThanOrEqual(fit.box);
      expect(await table.locator('thead th').first().evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
      expect(await table.locator('thead th').first().innerText()).toBe('Оператор');
      await lead.setViewportSize({ width: 1366, height: 768 });

      await lead.getByRole('tab', { name: 'Качество' }).click();
      await lead.locator('.lead-quality .lead-day').waitFor({ timeout: WAIT });
      await lead.locator('.lead-quality .lead-table, .lead-quality p.muted:not(:has-text("Загрузка"))').first().waitFor({ timeout: WAIT });
      await audit(lead, 'lead: quality', found);

      await lead.getByRole('tab', { name: 'Планы' }).click();
      await lead.locator('.lead-plans').waitFor({ timeout: WAIT });
      await lead.locator('.lead-plans .lead-table tbody tr').first().waitFor({ timeout: WAIT }).catch(() => undefined);
      await audit(lead, 'lead: plans', found);
      expect(found).toEqual(clean(found));
    } finally {
      await lead.close();
    }
  });
});

describe('layouts an operator and a lead work in', () => {
  test('1280×720: the reasons under the result buttons wrap whole, the script pane reaches its last step', async () => {
    const page = await openPage(opHost, 1280, 720);
    try {
      // operator1's session and held order come back from the first test
      await orderRegion(page).waitFor({ timeout: WAIT });
      const reasons = await page.locator('.result-buttons .why').evaluateAll((els) => els.map((el) => {
        const r = el.getBoundingClientRect();
        return { text: el.textContent ?? '', cut: el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1, offscreen: r.bottom > window.innerHeight };
      }));
      expect(reasons).toHaveLength(5);
      expect(reasons.filter((r) => r.cut || r.offscreen)).toEqual([]);
      expect(reasons.map((r) => r.text).join(' ')).not.toMatch(/\+\d+ ·/);

      const script = page.locator('.script-body');
      await script.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      const gap = await script.evaluate((el) => {
        const last = el.querySelector('.script-section:last-of-type');
        return last ? el.getBoundingClientRect().bottom - last.getBoundingClientRect().bottom : -1;
      });
      expect(gap).toBeGreaterThanOrEqual(-1);
    } finally {
      await page.close();
    }
  });

  test('1366×768 with «Невалид» chosen: the form keeps room and «Доставка» shows whole', async () => {
    const page = await openPage(opHost, 1366, 768);
    try {
      await orderRegion(page).waitFor({ timeout: WAIT });
      await page.keyboard.press('F9');
      await page.locator('.result-detail').waitFor({ timeout: WAIT });
      const scroller = page.locator('.order-scroll');
      const height = await scroller.evaluate((el) => el.clientHeight);
      expect(height).toBeGreaterThanOrEqual(300);
      const delivery = page.locator('.order-scroll .step', { has: page.locator('#step4') });
      await delivery.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      const seen = await delivery.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const area = (el.closest('.order-scroll') as HTMLElement).getBoundingClientRect();
        const whole = box.top >= area.top - 1 && box.bottom <= area.bottom + 1;
        const visiblePx = Math.min(box.bottom, area.bottom) - Math.max(box.top, area.top);
        return { titleVisible: box.top >= area.top - 1 && box.top + 40 <= area.bottom, wholeOrMostly: whole || visiblePx >= 280 };
      });
      expect(seen).toEqual({ titleVisible: true, wholeOrMostly: true });
      await page.keyboard.press('Escape');
    } finally {
      await page.close();
    }
  });
});
