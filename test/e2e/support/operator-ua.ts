/**
 * Node-side handle on the operator test page: the real SoftphoneService in Chromium, with its
 * ports recording what they receive (logged calls, agent states, quality, caller lookups).
 */
import type { Browser, Page } from 'playwright-core';
import type { SipPages } from './sip-pages';
import { poll } from './poll';
import type { SoftphoneConfig, CallResult } from '../../../renderer/softphone/softphone-service';
import type { CallStoreState } from '../../../renderer/softphone/call-store';
import type { CallAttempt } from '../../../shared/domain/schemas';

export interface OperatorRecord {
  logged: CallAttempt[];
  agentStates: string[];
  lookups: { e164: string; phaseAtLookup: string }[];
  quality: { rttMs: number | null; jitterMs: number | null; lossPct: number | null }[];
  /** what the service stored through its settings port */
  settings: Record<string, unknown>;
  broughtToFront: number;
}

declare global {
  interface Window {
    op: import('../../../renderer/softphone/softphone-service').SoftphoneService;
    opRecord: OperatorRecord;
  }
}

export interface OperatorUa {
  page: Page;
  store(): Promise<CallStoreState>;
  record(): Promise<OperatorRecord>;
  /** Runs `window.op.<method>(...args)` in the page. */
  call(number: string, ctx: { orderId: number | null; tab?: string | null }): Promise<CallResult>;
  invoke<T>(fn: string, ...args: unknown[]): Promise<T>;
  /** Polls the store until `pred` holds or `timeoutMs` passes; returns the last state. */
  waitFor(pred: (s: CallStoreState) => boolean, timeoutMs?: number): Promise<CallStoreState>;
  close(): Promise<void>;
}

/** Opens the operator page, creates the softphone with `config` and starts it. */
export async function openOperator(browser: Browser, pages: SipPages, config: SoftphoneConfig, opts: { lookupOrderId?: number | null } = {}): Promise<OperatorUa> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pages.operatorUrl);
  await page.evaluate(([cfg, lookupOrderId]) => {
    const rec: OperatorRecord = { logged: [], agentStates: [], lookups: [], quality: [], settings: {}, broughtToFront: 0 };
    window.opRecord = rec;
    window.op = window.harness.createSoftphone(cfg, {
      onCallLogged: (a) => rec.logged.push(a),
      onAgentState: (s) => rec.agentStates.push(s),
      onQuality: (_id, q) => rec.quality.push(q),
      bringToFront: () => { rec.broughtToFront++; },
      settings: { get: async (k) => rec.settings[k] ?? null, set: async (k, v) => { rec.settings[k] = v; } },
      lookupCaller: async (e164) => {
        rec.lookups.push({ e164, phaseAtLookup: window.harness.useCallStore.getState().call.phase });
        return { orderId: lookupOrderId };
      },
    });
    void window.op.start();
  }, [config, opts.lookupOrderId ?? null] as const);
  const store = () => page.evaluate(() => window.harness.useCallStore.getState() as CallStoreState);
  return {
    page,
    store,
    record: () => page.evaluate(() => window.opRecord),
    call: (number, ctx) => page.evaluate(([n, c]) => window.op.call(n, c as never), [number, ctx] as const),
    invoke: <T>(fn: string, ...args: unknown[]) => page.evaluate(([f, a]) => (window.op as unknown as Record<string, (...x: unknown[]) => unknown>)[f]!(...a), [fn, args] as const) as Promise<T>,
    waitFor: (pred, timeoutMs = 10_000) => poll(store, pred, timeoutMs),
    close: () => context.close(),
  };
}
