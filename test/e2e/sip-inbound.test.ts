/**
 * Inbound call through Kamailio: the caller's number is looked up (screen pop) before the call
 * is offered for answering; ringtone plays; answer → talk → the customer hangs up → logged on
 * the order found by the lookup.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { startKamailio, type Kamailio } from './support/kamailio';
import { startSipPages, type SipPages } from './support/sip-pages';
import { openCustomer, type CustomerUa } from './support/customer-ua';
import { openOperator, type OperatorUa } from './support/operator-ua';

jest.setTimeout(60_000);

const DOMAIN = '127.0.0.1';
const CUSTOMER = '+79031112233';

let kam: Kamailio;
let browser: Browser;
let pages: SipPages;
let op: OperatorUa;
let customer: CustomerUa;

beforeAll(async () => {
  [kam, pages, browser] = await Promise.all([startKamailio(), startSipPages(), launchChromium({ media: true })]);
  customer = await openCustomer(browser, pages, { wsUrl: kam.wsUrl, domain: DOMAIN, user: CUSTOMER, mode: 'answer' });
  op = await openOperator(browser, pages, {
    wsUrl: kam.wsUrl, domain: DOMAIN, user: 'operator4', password: '', displayName: 'Оператор 4',
    dialFormat: { style: 'eight', prefix: '' }, dtmfMethod: 'rfc4733',
  }, { lookupOrderId: 555 });
  await op.waitFor((s) => s.registration === 'registered');
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await pages?.close();
  await kam?.stop();
});

test('inbound call: lookupCaller gets the E.164 before answering, ringtone, answer, logged on the found order', async () => {
  await customer.call('operator4');
  const incoming = await op.waitFor((s) => s.call.phase === 'incoming');
  expect(incoming.call).toMatchObject({ phase: 'incoming', direction: 'inbound', remoteNumber: CUSTOMER, orderId: 555 });
  const rec = await op.record();
  expect(rec.lookups).toEqual([{ e164: CUSTOMER, phaseAtLookup: expect.not.stringMatching(/incoming|established/) }]);
  expect(rec.agentStates.at(-1)).toBe('ringing');
  expect(rec.broughtToFront).toBe(1);
  expect(await op.page.evaluate(() => window.op.ringing)).toBe(true);

  await op.invoke('answer');
  const est = await op.waitFor((s) => s.call.phase === 'established');
  expect(est.call.phase).toBe('established');
  expect(await op.page.evaluate(() => window.op.ringing)).toBe(false);

  await customer.hangup();
  const ended = await op.waitFor((s) => s.call.phase === 'ended');
  expect(ended.call.lastOutcome).toBe('answered');
  expect((await op.record()).logged.at(-1)).toMatchObject({ orderId: 555, outcome: 'answered' });
});

test('a caller hanging up before answer is logged as noAnswer', async () => {
  await op.invoke('resultSaved');
  await customer.call('operator4');
  await op.waitFor((s) => s.call.phase === 'incoming');
  await customer.hangup();
  const ended = await op.waitFor((s) => s.call.phase === 'ended');
  expect(ended.call.lastOutcome).toBe('noAnswer');
  expect((await op.record()).logged.at(-1)).toMatchObject({ orderId: 555, outcome: 'noAnswer', answeredAt: null });
});
