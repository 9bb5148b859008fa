/**
 * The real-SIP rig of the softphone e2e tests: Kamailio on free loopback ports, the SIP test pages
 * and Chromium with fake media; for call tests also a customer SIP.js UA and a registered operator
 * softphone. The `use…` helpers start the rig before a test file's tests and stop it after them.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { startKamailio, type Kamailio, type KamailioOptions } from './kamailio';
import { startSipPages, type SipPages } from './sip-pages';
import { openCustomer, type CustomerUa } from './customer-ua';
import { openOperator, type OperatorUa } from './operator-ua';
import type { SoftphoneConfig } from '../../../renderer/softphone/softphone-service';

export const SIP_DOMAIN = '127.0.0.1';

export interface SipRig {
  kam: Kamailio;
  browser: Browser;
  pages: SipPages;
  /** Closes Chromium and the pages and stops Kamailio (each step even when one before failed). */
  close(): Promise<void>;
}

export interface SipCallRig extends SipRig {
  op: OperatorUa;
  customer: CustomerUa;
}

/** A softphone config for `user` on the rig's PBX (`wsUrl`): no password, +7 dialing, RFC 4733 DTMF; `over` on top. */
export function operatorConfig(wsUrl: string, user: string, over: Partial<SoftphoneConfig> = {}): SoftphoneConfig {
  return {
    wsUrl, domain: SIP_DOMAIN, user, password: '', displayName: user,
    dialFormat: { style: 'plus7', prefix: '' }, dtmfMethod: 'rfc4733', ...over,
  };
}

/** Starts Kamailio, the SIP test pages and Chromium (fake media) together. */
export async function startSipRig(kamailio: KamailioOptions = {}): Promise<SipRig> {
  const [kam, pages, browser] = await Promise.all([startKamailio(kamailio), startSipPages(), launchChromium({ media: true })]);
  return {
    kam, pages, browser,
    close: async () => {
      await browser.close().catch(() => undefined);
      await pages.close().catch(() => undefined);
      await kam.stop();
    },
  };
}

/** The SIP rig around a test file: started in beforeAll, closed in afterAll; its fields are set once beforeAll ran. */
export function useSipRig(kamailio: KamailioOptions = {}): SipRig {
  const rig = {} as SipRig;
  beforeAll(async () => { Object.assign(rig, await startSipRig(kamailio)); });
  afterAll(async () => { await rig.close?.(); });
  return rig;
}

export interface SipCallRigOptions {
  /** the customer's SIP user (an E.164 number); the UA starts in `answer` mode */
  customer: string;
  /** the operator's SIP user and the softphone config on top of `operatorConfig` */
  operator: string;
  config?: Partial<SoftphoneConfig>;
  /** the order the operator's caller lookup (screen pop) finds */
  lookupOrderId?: number;
}

/**
 * The SIP rig with a customer UA and a registered operator around a test file: beforeAll starts
 * it and waits for the operator's registration, afterAll closes the operator and the rig.
 */
export function useSipCallRig(opts: SipCallRigOptions): SipCallRig {
  const rig = {} as SipCallRig;
  beforeAll(async () => {
    Object.assign(rig, await startSipRig());
    rig.customer = await openCustomer(rig.browser, rig.pages, { wsUrl: rig.kam.wsUrl, domain: SIP_DOMAIN, user: opts.customer, mode: 'answer' });
    rig.op = await openOperator(rig.browser, rig.pages, operatorConfig(rig.kam.wsUrl, opts.operator, opts.config), { lookupOrderId: opts.lookupOrderId ?? null });
    await rig.op.waitFor((s) => s.registration === 'registered');
  });
  afterAll(async () => {
    await rig.op?.close().catch(() => undefined);
    await rig.close?.();
  });
  return rig;
}
