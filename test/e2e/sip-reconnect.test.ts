/**
 * PBX restart mid-shift: Kamailio is killed and started again on the same ports; the softphone
 * recreates its Registerer and is registered again (a real 200 OK) within 5 s, and a call that
 * was up is re-INVITEd or ended cleanly with a notice.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { startKamailio, type Kamailio } from './support/kamailio';
import { startSipPages, type SipPages } from './support/sip-pages';
import { openCustomer, type CustomerUa } from './support/customer-ua';
import { openOperator, type OperatorUa } from './support/operator-ua';

jest.setTimeout(60_000);

const DOMAIN = '127.0.0.1';
const CUSTOMER = '+79161234500';

let kam: Kamailio;
let browser: Browser;
let pages: SipPages;
let op: OperatorUa;
let customer: CustomerUa;

beforeAll(async () => {
  [kam, pages, browser] = await Promise.all([startKamailio(), startSipPages(), launchChromium({ media: true })]);
  customer = await openCustomer(browser, pages, { wsUrl: kam.wsUrl, domain: DOMAIN, user: CUSTOMER, mode: 'answer' });
  op = await openOperator(browser, pages, {
    wsUrl: kam.wsUrl, domain: DOMAIN, user: 'operator3', password: '', displayName: 'Оператор 3',
    dialFormat: { style: 'plus7', prefix: '' }, dtmfMethod: 'rfc4733',
  }, { lookupOrderId: 77 });
  await op.waitFor((s) => s.registration === 'registered');
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await pages?.close();
  await kam?.stop();
});

test('Kamailio killed and restarted on the same ports → re-registered within 5 s, reachable again', async () => {
  expect((await op.store()).registration).toBe('registered');
  const { wsPort, sipPort } = kam;
  await kam.stop(true);
  const lost = await op.waitFor((s) => s.registration !== 'registered');
  expect(lost.registration).toBe('registering');
  expect(lost.registrationReason).toMatch(/transportLost|disconnected/);
  expect(await op.call(CUSTOMER, { orderId: 77, tab: 'new' })).toMatchObject({ ok: false, code: 'notRegistered' });

  await kam.start();
  expect([kam.wsPort, kam.sipPort]).toEqual([wsPort, sipPort]);
  const back = await op.waitFor((s) => s.registration === 'registered', 5000);
  expect(back.registration).toBe('registered');

  // the fresh Kamailio knows the operator's binding: an inbound call reaches the operator
  await customer.reconnect();
  await customer.call('operator3');
  const incoming = await op.waitFor((s) => s.call.phase === 'incoming');
  expect(incoming.call.phase).toBe('incoming');
  await op.invoke('reject');
  await op.waitFor((s) => s.call.phase === 'ended');
  await op.invoke('resultSaved');
});

test('a call up during the restart is re-INVITEd or ended cleanly, and the operator is told', async () => {
  await customer.setMode('answer');
  expect((await op.call(CUSTOMER, { orderId: 77, tab: 'new' })).ok).toBe(true);
  await op.waitFor((s) => s.call.phase === 'established');

  await kam.stop(true);
  await op.waitFor((s) => s.registration !== 'registered');
  await kam.start();
  await customer.reconnect();
  const after = await op.waitFor((s) => s.notice?.key === 'callRecovered' || s.notice?.key === 'callLostOnReconnect', 15_000);
  expect(after.notice?.key).toBe('callLostOnReconnect');
  const ended = await op.waitFor((s) => s.call.phase === 'ended');
  expect(ended.call.lastOutcome).toBe('answered');
  expect((await op.record()).logged.at(-1)).toMatchObject({ orderId: 77, outcome: 'answered' });
  expect(ended.registration).toBe('registered');
});
