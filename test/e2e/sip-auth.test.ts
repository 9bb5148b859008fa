/**
 * Registration against the dev PBX with digest auth on (`-A WITH_AUTH`, demo accounts from
 * resources/dev-pbx/kamailio.cfg): the right password registers, a wrong one ends in "failed"
 * with the PBX's status instead of retrying forever (SIP.js trap: onReject).
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { startKamailio, type Kamailio } from './support/kamailio';
import { startSipPages, type SipPages } from './support/sip-pages';
import { openOperator } from './support/operator-ua';
import type { SoftphoneConfig } from '../../renderer/softphone/softphone-service';

jest.setTimeout(60_000);

let kam: Kamailio;
let browser: Browser;
let pages: SipPages;

const config = (user: string, password: string): SoftphoneConfig => ({
  wsUrl: kam.wsUrl, domain: '127.0.0.1', user, password, displayName: user,
  dialFormat: { style: 'plus7', prefix: '' }, dtmfMethod: 'rfc4733',
});

beforeAll(async () => {
  [kam, pages, browser] = await Promise.all([startKamailio({ auth: true }), startSipPages(), launchChromium({ media: true })]);
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await pages?.close();
  await kam?.stop();
});

test('a demo account with its SIP password registers', async () => {
  const op = await openOperator(browser, pages, config('operator5', 'operator'));
  const s = await op.waitFor((st) => st.registration === 'registered');
  expect(s.registration).toBe('registered');
  await op.close();
});

test('a wrong password ends in "failed" with the status code as the reason', async () => {
  const op = await openOperator(browser, pages, config('operator5', 'wrong'));
  const s = await op.waitFor((st) => st.registration === 'failed');
  expect(s).toMatchObject({ registration: 'failed', registrationReason: '401' });
  expect((await op.record()).agentStates.at(-1)).toBe('offline');
  await op.close();
});
