/**
 * Node-side handle on the customer test page: a second SIP.js user agent in Chromium that
 * auto-answers, rejects with 486, never answers, or calls the operator.
 */
import type { Browser, Page } from 'playwright-core';
import type { SipPages } from './sip-pages';
import type { CustomerMode } from './customer-page';

export type { CustomerMode };

export interface CustomerUa {
  page: Page;
  setMode(mode: CustomerMode): Promise<void>;
  /** Answer the customer's in-dialog re-INVITEs with `code` (null: accept them again). */
  rejectReinviteWith(code: number | null): Promise<void>;
  /** Calls a SIP user (e.g. the operator's login). */
  call(target: string): Promise<void>;
  hangup(): Promise<void>;
  reconnect(): Promise<void>;
  state(): Promise<{ mode: CustomerMode; invites: number; cancels: number; infos: string[]; sessionState: string | null; lastFinalStatus: number | null; rejectReinviteWith: number | null; reinvitesRejected: number; referredTo: string[] }>;
  audioBytes(): Promise<{ sent: number; received: number }>;
  audioDirection(): Promise<string | null>;
  close(): Promise<void>;
}

/** Opens the customer page and registers it as `user` (an E.164 number as the PBX sees it). */
export async function openCustomer(browser: Browser, pages: SipPages, opts: { wsUrl: string; domain: string; user: string; mode: CustomerMode }): Promise<CustomerUa> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pages.customerUrl);
  await page.evaluate((o) => window.customer.start(o), opts);
  return {
    page,
    setMode: (mode) => page.evaluate((m) => window.customer.setMode(m), mode),
    rejectReinviteWith: (code) => page.evaluate((c) => window.customer.rejectReinviteWith(c), code),
    call: (target) => page.evaluate(([d, t]) => window.customer.call(d, t), [opts.domain, target] as const),
    hangup: () => page.evaluate(() => window.customer.hangup()),
    reconnect: () => page.evaluate(() => window.customer.reconnect()),
    state: () => page.evaluate(() => window.customer.state()),
    audioBytes: () => page.evaluate(() => window.__audioBytes()),
    audioDirection: () => page.evaluate(() => window.__audioDirection()),
    close: () => context.close(),
  };
}
