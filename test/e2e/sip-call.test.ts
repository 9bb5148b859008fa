/**
 * Real SIP end to end: Kamailio on loopback, the operator's SoftphoneService and a customer
 * SIP.js UA in Chromium with fake media. Register, answered call with audio both ways, DTMF,
 * hold/resume by SDP direction, hangup, busy (486), no answer (timeout → CANCEL), refusals.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { startKamailio, type Kamailio } from './support/kamailio';
import { startSipPages, type SipPages } from './support/sip-pages';
import { openCustomer, type CustomerUa } from './support/customer-ua';
import { openOperator, type OperatorUa } from './support/operator-ua';
import type { SoftphoneConfig } from '../../renderer/softphone/softphone-service';

jest.setTimeout(60_000);

const DOMAIN = '127.0.0.1';
const CUSTOMER = '+79123456789';

let kam: Kamailio;
let browser: Browser;
let pages: SipPages;
let op: OperatorUa;
let customer: CustomerUa;

const config = (over: Partial<SoftphoneConfig> = {}): SoftphoneConfig => ({
  wsUrl: kam.wsUrl, domain: DOMAIN, user: 'operator1', password: '', displayName: 'Оператор 1',
  dialFormat: { style: 'plus7', prefix: '' }, dtmfMethod: 'rfc4733', noAnswerTimeoutMs: 4000, qualityIntervalMs: 500, ...over,
});

async function poll<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let v = await fn();
  while (!ok(v) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    v = await fn();
  }
  return v;
}

beforeAll(async () => {
  [kam, pages, browser] = await Promise.all([startKamailio(), startSipPages(), launchChromium({ media: true })]);
  customer = await openCustomer(browser, pages, { wsUrl: kam.wsUrl, domain: DOMAIN, user: CUSTOMER, mode: 'answer' });
  op = await openOperator(browser, pages, config());
  await op.waitFor((st) => st.registration === 'registered');
});

afterAll(async () => {
  await op?.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await pages?.close();
  await kam?.stop();
});

afterEach(async () => {
  // wrap-up ends when the result is saved
  await op.invoke('resultSaved');
});

test('registers with the PBX (a real 200 OK)', async () => {
  const s = await op.waitFor((st) => st.registration === 'registered');
  expect(s.registration).toBe('registered');
  expect((await op.record()).agentStates).toContain('ready');
});

test('refuses invalid numbers, the not-called tab and a second call, with a reason code', async () => {
  expect(await op.call('12345', { orderId: 1 })).toMatchObject({ ok: false, code: 'invalidNumber' });
  expect(await op.call(CUSTOMER, { orderId: 1, tab: 'noAnswerOlder' })).toMatchObject({ ok: false, code: 'notCalledTab' });
  await customer.setMode('noAnswer');
  const first = await op.call(CUSTOMER, { orderId: 1, tab: 'new' });
  expect(first.ok).toBe(true);
  expect(await op.call('+79123456780', { orderId: 2, tab: 'new' })).toMatchObject({ ok: false, code: 'callInProgress' });
  await op.invoke('hangup');
  const s = await op.waitFor((st) => st.call.phase === 'ended');
  expect(s.call.lastOutcome).toBe('cancelled');
  const rec = await op.record();
  expect(rec.logged.at(-1)).toMatchObject({ orderId: 1, outcome: 'cancelled', answeredAt: null });
});

test('answered call: audio both ways, DTMF, hold/resume by SDP direction, hangup, logged as answered', async () => {
  await customer.setMode('answer');
  const before = (await op.record()).logged.length;
  const res = await op.call('8 (912) 345-67-89', { orderId: 10234, tab: 'new' });
  expect(res.ok).toBe(true);
  const est = await op.waitFor((st) => st.call.phase === 'established');
  expect(est.call.phase).toBe('established');
  expect(est.call.remoteNumber).toBe(CUSTOMER);
  expect(est.call.timerStartedAt).not.toBeNull();

  // audio bytes flowing both ways, on both ends
  const opBytes = await poll(() => op.page.evaluate(() => window.__audioBytes()), (b) => b.sent > 0 && b.received > 0);
  const cuBytes = await poll(() => customer.audioBytes(), (b) => b.sent > 0 && b.received > 0);
  expect(opBytes.sent).toBeGreaterThan(0);
  expect(opBytes.received).toBeGreaterThan(0);
  expect(cuBytes.sent).toBeGreaterThan(0);
  expect(cuBytes.received).toBeGreaterThan(0);

  // DTMF (RFC 4733): observed on the sender's tonechange
  expect(await op.invoke('sendDtmf', '15#')).toBe(true);
  const tones = await poll(() => op.page.evaluate(() => window.__dtmfTones), (t) => t.length >= 3);
  expect(tones.join('')).toBe('15#');

  // hold: the UI follows the negotiated SDP direction on both ends
  expect(await op.invoke('setHeld', true)).toBe(true);
  let s = await op.store();
  expect(s.call).toMatchObject({ phase: 'held', held: true, holdPending: false });
  expect(await op.page.evaluate(() => window.__audioDirection())).toBe('sendonly');
  expect(await customer.audioDirection()).toBe('recvonly');
  expect(await op.invoke('setHeld', false)).toBe(false);
  s = await op.store();
  expect(s.call).toMatchObject({ phase: 'established', held: false });
  expect(await op.page.evaluate(() => window.__audioDirection())).toBe('sendrecv');
  expect(await customer.audioDirection()).toBe('sendrecv');

  // quality samples (getStats) reach the onQuality port
  const quality = await poll(() => op.record().then((r) => r.quality), (q) => q.length > 0);
  expect(quality[0]).toEqual({ rttMs: expect.any(Number), jitterMs: expect.any(Number), lossPct: expect.any(Number) });

  // mute keeps the call up
  await op.invoke('setMuted', true);
  expect((await op.store()).call.muted).toBe(true);
  await op.invoke('setMuted', false);

  await op.invoke('hangup');
  s = await op.waitFor((st) => st.call.phase === 'ended');
  expect(s.call.lastOutcome).toBe('answered');
  const rec = await op.record();
  expect(rec.logged.length).toBe(before + 1);
  const attempt = rec.logged.at(-1)!;
  expect(attempt).toMatchObject({ orderId: 10234, outcome: 'answered' });
  expect(attempt.answeredAt).not.toBeNull();
  expect(Date.parse(attempt.endedAt)).toBeGreaterThanOrEqual(Date.parse(attempt.answeredAt!));
  expect(Date.parse(attempt.answeredAt!)).toBeGreaterThanOrEqual(Date.parse(attempt.startedAt));
  expect(rec.agentStates).toEqual(expect.arrayContaining(['dialing', 'talking', 'hold', 'wrapUp']));
  expect(rec.agentStates.at(-1)).toBe('wrapUp');
  await poll(() => customer.state(), (c) => c.sessionState === 'Terminated');
  expect((await customer.state()).sessionState).toBe('Terminated');
});

test('DTMF by SIP INFO when set: the customer receives application/dtmf-relay', async () => {
  const opInfo = await openOperator(browser, pages, config({ user: 'operator2', dtmfMethod: 'info' }));
  try {
    await opInfo.waitFor((st) => st.registration === 'registered');
    await customer.setMode('answer');
    expect((await opInfo.call(CUSTOMER, { orderId: 7, tab: 'new' })).ok).toBe(true);
    await opInfo.waitFor((st) => st.call.phase === 'established');
    const infosBefore = (await customer.state()).infos.length;
    expect(await opInfo.invoke('sendDtmf', '7')).toBe(true);
    const infos = (await customer.state()).infos.slice(infosBefore);
    expect(infos).toEqual([expect.stringContaining('Signal=7')]);
    await opInfo.invoke('hangup');
    await opInfo.waitFor((st) => st.call.phase === 'ended');
  } finally {
    await opInfo.close();
  }
});

test('busy (486) is logged as busy', async () => {
  await customer.setMode('busy');
  expect((await op.call(CUSTOMER, { orderId: 5, tab: 'new' })).ok).toBe(true);
  const s = await op.waitFor((st) => st.call.phase === 'ended');
  expect(s.call.lastOutcome).toBe('busy');
  expect((await op.record()).logged.at(-1)).toMatchObject({ orderId: 5, outcome: 'busy', answeredAt: null });
});

test('480 from the customer is logged as noAnswer; a number nobody answers for (404) as failed', async () => {
  await customer.setMode('unavailable');
  expect((await op.call(CUSTOMER, { orderId: 12, tab: 'new' })).ok).toBe(true);
  let s = await op.waitFor((st) => st.call.phase === 'ended');
  expect(s.call.lastOutcome).toBe('noAnswer');
  await op.invoke('resultSaved');
  expect((await op.call('+79991234560', { orderId: 13, tab: 'new' })).ok).toBe(true);
  s = await op.waitFor((st) => st.call.phase === 'ended');
  expect(s.call.lastOutcome).toBe('failed');
  const logged = (await op.record()).logged.slice(-2);
  expect(logged).toMatchObject([{ orderId: 12, outcome: 'noAnswer' }, { orderId: 13, outcome: 'failed', answeredAt: null }]);
});

test('no answer: cancelled after the timeout (CANCEL reaches the customer), logged as noAnswer', async () => {
  await customer.setMode('noAnswer');
  const cancelsBefore = (await customer.state()).cancels;
  expect((await op.call(CUSTOMER, { orderId: 6, tab: 'new' })).ok).toBe(true);
  const ringing = await op.waitFor((st) => st.call.phase === 'ringing');
  expect(ringing.call.phase).toBe('ringing');
  const s = await op.waitFor((st) => st.call.phase === 'ended', 15_000);
  expect(s.call.lastOutcome).toBe('noAnswer');
  expect((await op.record()).logged.at(-1)).toMatchObject({ orderId: 6, outcome: 'noAnswer', answeredAt: null });
  const c = await poll(() => customer.state(), (st) => st.cancels > cancelsBefore);
  expect(c.cancels).toBe(cancelsBefore + 1);
});

test('a hold re-INVITE answered 491 does not leave the UI "held"; a later hold works', async () => {
  await customer.setMode('answer');
  expect((await op.call(CUSTOMER, { orderId: 8, tab: 'new' })).ok).toBe(true);
  await op.waitFor((st) => st.call.phase === 'established');
  await customer.rejectReinviteWith(491);
  expect(await op.invoke('setHeld', true)).toBe(false);
  const s = await op.store();
  expect(s.call).toMatchObject({ phase: 'established', held: false, holdPending: false });
  expect(s.notice).toEqual({ key: 'holdFailed' });
  expect((await customer.state()).reinvitesRejected).toBe(1);
  expect(await op.page.evaluate(() => window.__audioDirection())).toBe('sendrecv');

  await customer.rejectReinviteWith(null);
  expect(await op.invoke('setHeld', true)).toBe(true);
  expect(await op.page.evaluate(() => window.__audioDirection())).toBe('sendonly');
  expect(await op.invoke('setHeld', false)).toBe(false);
  expect((await op.store()).call.phase).toBe('established');
  await op.invoke('hangup');
  expect((await op.waitFor((st) => st.call.phase === 'ended')).call.lastOutcome).toBe('answered');
});

test('switching microphone and speaker mid-call, and a devicechange, keep the call and the audio', async () => {
  await customer.setMode('answer');
  expect((await op.call(CUSTOMER, { orderId: 9, tab: 'new' })).ok).toBe(true);
  await op.waitFor((st) => st.call.phase === 'established');
  await op.invoke('refreshDevices', false);
  const { devices } = await op.store();
  expect(devices.inputs.length).toBeGreaterThan(0);
  const mic = devices.inputs.at(-1)!.deviceId;
  const trackBefore = await op.page.evaluate(() => window.__pcs.at(-1)!.getSenders()[0]!.track!.id);
  await op.invoke('setInputDevice', mic);
  const trackAfter = await op.page.evaluate(() => window.__pcs.at(-1)!.getSenders()[0]!.track!.id);
  expect(trackAfter).not.toBe(trackBefore);
  await op.invoke('setOutputDevice', devices.outputs[0]?.deviceId ?? null);
  await op.page.evaluate(() => navigator.mediaDevices.dispatchEvent(new Event('devicechange')));

  const sentBefore = (await op.page.evaluate(() => window.__audioBytes())).sent;
  const receivedByCustomer = (await customer.audioBytes()).received;
  const after = await poll(() => op.page.evaluate(() => window.__audioBytes()), (b) => b.sent > sentBefore + 1000);
  expect(after.sent).toBeGreaterThan(sentBefore + 1000);
  const cu = await poll(() => customer.audioBytes(), (b) => b.received > receivedByCustomer + 1000);
  expect(cu.received).toBeGreaterThan(receivedByCustomer + 1000);
  const s = await op.store();
  expect(s.call.phase).toBe('established');
  expect(s.devices.inputId).toBe(mic);
  expect((await op.record()).settings['softphone.inputDeviceId']).toBe(mic);
  await op.invoke('hangup');
  expect((await op.waitFor((st) => st.call.phase === 'ended')).call.lastOutcome).toBe('answered');
});

test('blind transfer (REFER) to the lead: the customer gets the Refer-To, our leg ends', async () => {
  await customer.setMode('answer');
  expect((await op.call(CUSTOMER, { orderId: 11, tab: 'new' })).ok).toBe(true);
  await op.waitFor((st) => st.call.phase === 'established');
  expect(await op.invoke('transfer', 'lead')).toBe(true);
  const c = await poll(() => customer.state(), (st) => st.referredTo.length > 0);
  expect(c.referredTo).toEqual(['sip:lead@127.0.0.1']);
  const s = await op.waitFor((st) => st.call.phase === 'ended');
  expect(s.call.lastOutcome).toBe('answered');
  expect((await op.record()).logged.at(-1)).toMatchObject({ orderId: 11, outcome: 'answered' });
});

test('the call bar drives the real call: hold, resume, hang up; states shown in words', async () => {
  await op.page.evaluate(() => window.harness.mountSoftphoneUi(window.op));
  await op.page.getByText('SIP готов').waitFor();
  await customer.setMode('answer');
  expect((await op.call(CUSTOMER, { orderId: 14, tab: 'new' })).ok).toBe(true);
  await op.page.getByText('Разговор').waitFor();
  await op.page.getByText('8 (912) 345-67-89').waitFor();
  await op.page.getByRole('button', { name: 'Удержание' }).click();
  await op.page.getByText('На удержании').waitFor();
  expect((await op.store()).call.held).toBe(true);
  await op.page.getByRole('button', { name: 'Снять с удержания' }).click();
  await op.page.getByText('Разговор').waitFor();
  expect((await op.store()).call.held).toBe(false);
  await op.page.getByRole('button', { name: 'Выкл. микрофон' }).click();
  expect((await op.store()).call.muted).toBe(true);
  expect(await op.page.getByRole('combobox', { name: /^Микрофон/ }).locator('option').count()).toBeGreaterThan(1);
  await op.page.getByRole('button', { name: 'Завершить' }).click();
  await op.page.getByText('Дозвонились').waitFor();
  expect((await op.record()).logged.at(-1)).toMatchObject({ orderId: 14, outcome: 'answered' });
});
