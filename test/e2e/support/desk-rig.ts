/**
 * The desk with its real softphone, end to end in browser mode: a real Kamailio on free loopback
 * ports, the real CRM server process (PGlite, `--demo`, SIP accounts pointed at that Kamailio),
 * the browser-mode host (main services + socket host + built renderer) and Debian Chromium with
 * fake media. Customers are SIP.js user agents on their own pages (customer-ua.ts). WebRTC probes
 * (audio bytes, DTMF tones, SDP direction) are installed in the desk page before it loads.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type { Kamailio } from './kamailio';
import type { SipPages } from './sip-pages';
import { poll } from './poll';
import { SIP_DOMAIN, startSipRig, type SipRig } from './sip-rig';
import { openCustomer, type CustomerMode, type CustomerUa } from './customer-ua';
import { startServerProcess, type ServerProcess } from '../../server/support/server-process';
import { MainServices } from '../../../main/services/main-services';
import { FileTokenStore } from '../../../main/sync/token-store';
import { createHandlers } from '../../../main/ipc/handlers';
import { startSocketHost, type SocketHost } from '../../../main/browser-host/socket-host';
import type { CallStoreState } from '../../../renderer/softphone/call-store';

export const ROOT = path.resolve(__dirname, '../../..');
export const RENDERER = path.join(ROOT, 'dist', 'renderer');

/** Builds the renderer once when dist/renderer is missing (npm test builds it before jest). */
export function ensureRenderer(): void {
  if (fs.existsSync(path.join(RENDERER, 'index.html'))) return;
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', 'renderer/vite.config.mts'], { cwd: ROOT, stdio: 'ignore' });
}

/** The WebRTC probes of webrtc-probe.ts as an init script for any page. */
async function probeScript(): Promise<string> {
  const out = await build({
    stdin: { contents: "import { installWebRtcProbes } from './webrtc-probe'; installWebRtcProbes();", resolveDir: __dirname, loader: 'ts' },
    bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'silent',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('esbuild produced no probe script');
  return file.text;
}

export interface DeskRig {
  kam: Kamailio;
  server: ServerProcess;
  services: MainServices;
  handlers: ReturnType<typeof createHandlers>;
  host: SocketHost;
  browser: Browser;
  pages: SipPages;
  page: Page;
  /** Logs in through the login screen and waits for the queue (and the SIP light when `sip`). */
  login(login: string, password: string): Promise<void>;
  /** Waits until the header's SIP light shows `registration`. */
  sipLight(registration: CallStoreState['registration'], timeoutMs?: number): Promise<void>;
  /** The softphone store of the desk page (exposed by `?softphoneTest`). */
  callState(): Promise<Pick<CallStoreState, 'registration' | 'call' | 'notice'>>;
  /** Polls the desk's softphone store until `ok` holds. */
  waitCall(ok: (s: Pick<CallStoreState, 'registration' | 'call' | 'notice'>) => boolean, timeoutMs?: number): Promise<Pick<CallStoreState, 'registration' | 'call' | 'notice'>>;
  /** A customer UA registered as `user` (the dial string the PBX routes on). */
  customer(user: string, mode: CustomerMode): Promise<CustomerUa>;
  close(): Promise<void>;
}

/** Starts everything; `close()` stops it all (call it in afterAll). */
export async function startDeskRig(name: string): Promise<DeskRig> {
  ensureRenderer();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `prozvon-${name}-`));
  const customers: CustomerUa[] = [];
  let sip: SipRig | undefined;
  let server: ServerProcess | undefined;
  let services: MainServices | undefined;
  let host: SocketHost | undefined;
  const close = async () => {
    for (const c of customers) await c.close().catch(() => undefined);
    await sip?.close().catch(() => undefined);
    await host?.close().catch(() => undefined);
    await services?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    sip = await startSipRig();
    const { kam: k, browser: b, pages: p } = sip;
    server = await startServerProcess({ demo: true, env: { SIP_WS_URL: k.wsUrl, SIP_DOMAIN } });
    let h: SocketHost | null = null;
    services = new MainServices({
      dataDir: path.join(tmp, 'client'),
      tokenStore: new FileTokenStore(path.join(tmp, 'session.json')),
      emit: (event, payload) => h?.broadcast(event, payload),
    });
    const handlers = createHandlers(services);
    h = await startSocketHost({ handlers, rendererDir: RENDERER, port: 0, csp: { serverUrl: server.url, pbxUrls: [k.wsUrl] } });
    host = h;
    const context = await b.newContext({ locale: 'ru-RU', viewport: { width: 1366, height: 768 } });
    await context.addInitScript({ content: await probeScript() });
    const page = await context.newPage();
    await page.goto(`${h.url}&softphoneTest=1`);
    const srv = server;
    const callState = () => page.evaluate(() => {
      const w = window as unknown as { __prozvonSoftphone?: { state(): CallStoreState } };
      const s = w.__prozvonSoftphone?.state();
      return s ? { registration: s.registration, call: s.call, notice: s.notice } : { registration: 'unregistered' as const, call: null as unknown as CallStoreState['call'], notice: null };
    });
    return {
      kam: k, server: srv, services, handlers, host: h, browser: b, pages: p, page,
      login: async (login, password) => {
        await page.getByLabel('Адрес сервера').fill(srv.url);
        await page.getByLabel('Логин', { exact: true }).fill(login);
        await page.getByLabel('Пароль', { exact: true }).fill(password);
        await page.getByRole('button', { name: 'Войти' }).click();
        await page.getByRole('button', { name: /Следующий заказ/ }).waitFor({ timeout: 30_000 });
      },
      sipLight: (registration, timeoutMs = 15_000) => page.locator(`header .sip-light[data-registration="${registration}"]`).waitFor({ timeout: timeoutMs }),
      callState,
      waitCall: (ok, timeoutMs = 15_000) => poll(callState, (s) => s.call !== null && ok(s), timeoutMs),
      customer: async (user, mode) => {
        const c = await openCustomer(b, p, { wsUrl: k.wsUrl, domain: SIP_DOMAIN, user, mode });
        customers.push(c);
        return c;
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/** `8 (912) 345-67-89` (the phone field) → `+79123456789`. */
export function e164FromDisplay(display: string): string {
  const digits = display.replace(/\D/g, '');
  return `+7${digits.slice(-10)}`;
}
