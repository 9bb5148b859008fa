/**
 * Real SIP end to end: Kamailio on loopback, the operator's SoftphoneService and a customer
 * SIP.js UA in Chromium with fake media. Register, answered call with audio both ways, DTMF,
 * hold/resume by SDP direction, hangup, busy (486), no answer (timeout → CANCEL), refusals.
 */
import { openOperator, type OperatorUa } from './support/operator-ua';
import { operatorConfig, useSipCallRig } from './support/sip-rig';
import { poll } from './support/poll';

jest.setTimeout(60_000);

const CUSTOMER = '+79123456789';
/** operator1's softphone settings (short no-answer timeout and quality interval for the tests) */
const OPERATOR = { displayName: 'Оператор 1', noAnswerTimeoutMs: 4000, qualityIntervalMs: 500 } as const;

const rig = useSipCallRig({ customer: CUSTOMER, operator: 'operator1', config: OPERATOR });

/** The customer answers a call `op` places for `orderId`; resolves once the call is established. */
async function establish(orderId: number, op: OperatorUa = rig.op): Promise<void> {
  await rig.customer.setMode('answer');
  expect((await op.call(CUSTOMER, { orderId, tab: 'new' })).ok).toBe(true);
  await op.waitFor((st) => st.call.phase === 'established');
}

/** The operator hangs up an answered call: it ends as `answered`. */
async function hangUpAnswered(): Promise<void> {
  await rig.op.invoke('hangup');
  expect((await rig.op.waitFor((st) => st.call.phase === 'ended')).call.lastOutcome).toBe('answered');
}

afterEach(async () => {
  // wrap-up ends when the result is saved
  await rig.op.invoke('resultSaved');
});

test('registers with the PBX (a real 200 OK)', async () => {
  const s = await rig.op.waitFor((st) => st.registration === 'registered');
  expect(s.registration).toBe('registered');
  expect((await rig.op.record()).agentStates).toContain('ready');
});

test('refuses invalid numbers, the not-called tab and a second call, with a reason code', async () => {
  expect(await rig.op.call('12345', { orderId: 1 })).toMatchObject({ ok: false, code: 'invalidNumber' });
  expect(await rig.op.call(CUSTOMER, { orderId: 1, tab: 'noAnswerOlder' })).toMatchObject({ ok: false, code: 'notCalledTab' });
  await rig.customer.setMode('noAnswer');
  const first = await rig.op.call(CUSTOMER, { orderId: 1, tab: 'new' });
  expect(first.ok).toBe(true);
  expect(await rig.op.call('+79123456780', { orderId: 2, tab: 'new' })).toMatchObject({ ok: false, code: 'callInProgress' });
  await rig.op.invoke('hangup');
  const s = await rig.op.waitFor((st) => st.call.phase === 'ended');
  expect(s.call.lastOutcome).toBe('cancelled');
  const rec = await rig.op.record();
  expect(rec.logged.at(-1)).toMatchObject({ orderId: 1, outcome: 'cancelled', answeredAt: null });
});

test('answered call: audio both ways, DTMF, hold/resume by SDP direction, hangup, logged as answered', async () => {
  await rig.customer.setMode('answer');
  const before = (await rig.op.record()).logged.length;
  const res = await rig.op.call('8 (912) 345-67-89', { orderId: 10234, tab: 'new' });
  expect(res.ok).toBe(true);
  const est = await rig.op.waitFor((st) => st.call.phase === 'established');
  expect(est.call.phase).toBe('established');
  expect(est.call.remoteNumber).toBe(CUSTOMER);
  expect(est.call.timerStartedAt).not.toBeNull();

  // audio bytes flowing both ways, on both ends
  const opBytes = await poll(() => rig.op.page.evaluate(() => window.__audioBytes()), (b) => b.sent > 0 && b.received > 0);
  const cuBytes = await poll(() => rig.customer.audioBytes(), (b) => b.sent > 0 && b.received > 0);
  expect(opBytes.sent).toBeGreaterThan(0);
  expect(opBytes.received).toBeGreaterThan(0);
  expect(cuBytes.sent).toBeGreaterThan(0);
  expect(cuBytes.received).toBeGreaterThan(0);

  // DTMF (RFC 4733): observed on the sender's tonechange
  expect(await rig.op.invoke('sendDtmf', '15#')).toBe(true);
  const tones = await poll(() => rig.op.page.evaluate(() => window.__dtmfTones), (t) => t.length >= 3);
  expect(tones.join('')).toBe('15#');

  // hold: the UI follows the negotiated SDP direction on both ends
  expect(await rig.op.invoke('setHeld', true)).toBe(true);
  let s = await rig.op.store();
  expect(s.call).toMatchObject({ phase: 'held', held: true, holdPending: false });
  expect(await rig.op.page.evaluate(() => window.__audioDirection())).toBe('sendonly');
  expect(await rig.customer.audioDirection()).toBe('recvonly');
  expect(await rig.op.invoke('setHeld', false)).toBe(false);
  s = await rig.op.store();
  expect(s.call).toMatchObject({ phase: 'established', held: false });
  expect(await rig.op.page.evaluate(() => window.__audioDirection())).toBe('sendrecv');
  expect(await rig.customer.audioDirection()).toBe('sendrecv');

  // quality samples (getStats) reach the onQuality port
  const quality = await poll(() => rig.op.record().then((r) => r.quality), (q) => q.length > 0);
  expect(quality[0]).toEqual({ rttMs: expect.any(Number), jitterMs: expect.any(Number), lossPct: expect.any(Number) });

  // mute keeps the call up
  await rig.op.invoke('setMuted', true);
  expect((await rig.op.store()).call.muted).toBe(true);
  await rig.op.invoke('setMuted', false);

  await rig.op.invoke('hangup');
  s = await rig.op.waitFor((st) => st.call.phase === 'ended');
  expect(s.call.lastOutcome).toBe('answered');
  const rec = await rig.op.record();
  expect(rec.logged.length).toBe(before + 1);
  const attempt = rec.logged.at(-1)!;
  expect(attempt).toMatchObject({ orderId: 10234, outcome: 'answered' });
  expect(attempt.answeredAt).not.toBeNull();
  expect(Date.parse(attempt.endedAt)).toBeGreaterThanOrEqual(Date.parse(attempt.answeredAt!));
  expect(Date.parse(attempt.answeredAt!)).toBeGreaterThanOrEqual(Date.parse(attempt.startedAt));
  expect(rec.agentStates).toEqual(expect.arrayContaining(['dialing', 'talking', 'hold', 'wrapUp']));
  expect(rec.agentStates.at(-1)).toBe('wrapUp');
  await poll(() => rig.customer.state(), (c) => c.sessionState === 'Terminated');
  expect((await rig.customer.state()).sessionState).toBe('Terminated');
});

test('DTMF by SIP INFO when set: the customer receives application/dtmf-relay', async () => {
  const opInfo = await openOperator(rig.browser, rig.pages, operatorConfig(rig.kam.wsUrl, 'operator2', { ...OPERATOR, dtmfMethod: 'info' }));
  try {
    await opInfo.waitFor((st) => st.registration === 'registered');
    await establish(7, opInfo);
    const infosBefore = (await rig.customer.state()).infos.length;
    expect(await opInfo.invoke('sendDtmf', '7')).toBe(true);
    const infos = (await rig.customer.state()).infos.slice(infosBefore);
    expect(infos).toEqual([expect.stringContaining('Signal=7')]);
    await opInfo.invoke('hangup');
    await opInfo.waitFor((st) => st.call.phase === 'ended');
  } finally {
    await opInfo.close();
  }
});

test('busy (486) is logged as busy', async () => {
  await rig.customer.setMode('busy');
  expect((await rig.op.call(CUSTOMER, { orderId: 5, tab: 'new' })).ok).toBe(true);
  const s = await rig.op.waitFor((st) => st.call.phase === 'ended');
  expect(s.call.lastOutcome).toBe('busy');
  expect((await rig.op.record()).logged.at(-1)).toMatchObject({ orderId: 5, outcome: 'busy', answeredAt: null });
});

test('480 from the customer is logged as noAnswer; a number nobody answers for (404) as failed', async () => {
  await rig.customer.setMode('unavailable');
  expect((await rig.op.call(CUSTOMER, { orderId: 12, tab: 'new' })).ok).toBe(true);
  let s = await rig.op.waitFor((st) => st.call.phase === 'ended');
  expect(s.call.lastOutcome).toBe('noAnswer');
  await rig.op.invoke('resultSaved');
  expect((await rig.op.call('+79991234560', { orderId: 13, tab: 'new' })).ok).toBe(true);
  s = await rig.op.waitFor((st) => st.call.phase === 'ended');
  expect(s.call.lastOutcome).toBe('failed');
  const logged = (await rig.op.record()).logged.slice(-2);
  expect(logged).toMatchObject([{ orderId: 12, outcome: 'noAnswer' }, { orderId: 13, outcome: 'failed', answeredAt: null }]);
});

test('no answer: cancelled after the timeout (CANCEL reaches the customer), logged as noAnswer', async () => {
  await rig.customer.setMode('noAnswer');
  const cancelsBefore = (await rig.customer.state()).cancels;
  expect((await rig.op.call(CUSTOMER, { orderId: 6, tab: 'new' })).ok).toBe(true);
  const ringing = await rig.op.waitFor((st) => st.call.phase === 'ringing');
  expect(ringing.call.phase).toBe('ringing');
  const s = await rig.op.waitFor((st) => st.call.phase === 'ended', 15_000);
  expect(s.call.lastOutcome).toBe('noAnswer');
  expect((await rig.op.record()).logged.at(-1)).toMatchObject({ orderId: 6, outcome: 'noAnswer', answeredAt: null });
  const c = await poll(() => rig.customer.state(), (st) => st.cancels > cancelsBefore);
  expect(c.cancels).toBe(cancelsBefore + 1);
});

test('a hold re-INVITE answered 491 does not leave the UI "held"; a later hold works', async () => {
  await establish(8);
  await rig.customer.rejectReinviteWith(491);
  expect(await rig.op.invoke('setHeld', true)).toBe(false);
  const s = await rig.op.store();
  expect(s.call).toMatchObject({ phase: 'established', held: false, holdPending: false });
  expect(s.notice).toEqual({ key: 'holdFailed' });
  expect((await rig.customer.state()).reinvitesRejected).toBe(1);
  expect(await rig.op.page.evaluate(() => window.__audioDirection())).toBe('sendrecv');

  await rig.customer.rejectReinviteWith(null);
  expect(await rig.op.invoke('setHeld', true)).toBe(true);
  expect(await rig.op.page.evaluate(() => window.__audioDirection())).toBe('sendonly');
  expect(await rig.op.invoke('setHeld', false)).toBe(false);
  expect((await rig.op.store()).call.phase).toBe('established');
  await hangUpAnswered();
});

test('switching microphone and speaker mid-call, and a devicechange, keep the call and the audio', async () => {
  await establish(9);
  await rig.op.invoke('refreshDevices', false);
  const { devices } = await rig.op.store();
  expect(devices.inputs.length).toBeGreaterThan(0);
  const mic = devices.inputs.at(-1)!.deviceId;
  const trackBefore = await rig.op.page.evaluate(() => window.__pcs.at(-1)!.getSenders()[0]!.track!.id);
  await rig.op.invoke('setInputDevice', mic);
  const trackAfter = await rig.op.page.evaluate(() => window.__pcs.at(-1)!.getSenders()[0]!.track!.id);
  expect(trackAfter).not.toBe(trackBefore);
  await rig.op.invoke('setOutputDevice', devices.outputs[0]?.deviceId ?? null);
  await rig.op.page.evaluate(() => navigator.mediaDevices.dispatchEvent(new Event('devicechange')));

  const sentBefore = (await rig.op.page.evaluate(() => window.__audioBytes())).sent;
  const receivedByCustomer = (await rig.customer.audioBytes()).received;
  const after = await poll(() => rig.op.page.evaluate(() => window.__audioBytes()), (b) => b.sent > sentBefore + 1000);
  expect(after.sent).toBeGreaterThan(sentBefore + 1000);
  const cu = await poll(() => rig.customer.audioBytes(), (b) => b.received > receivedByCustomer + 1000);
  expect(cu.received).toBeGreaterThan(receivedByCustomer + 1000);
  const s = await rig.op.store();
  expect(s.call.phase).toBe('established');
  expect(s.devices.inputId).toBe(mic);
  expect((await rig.op.record()).settings['softphone.inputDeviceId']).toBe(mic);
  await hangUpAnswered();
});

test('blind transfer (REFER) to the lead: the customer gets the Refer-To, our leg ends', async () => {
  await establish(11);
  expect(await rig.op.invoke('transfer', 'lead')).toBe(true);
  const c = await poll(() => rig.customer.state(), (st) => st.referredTo.length > 0);
  expect(c.referredTo).toEqual(['sip:lead@127.0.0.1']);
  const s = await rig.op.waitFor((st) => st.call.phase === 'ended');
  expect(s.call.lastOutcome).toBe('answered');
  expect((await rig.op.record()).logged.at(-1)).toMatchObject({ orderId: 11, outcome: 'answered' });
});

test('the call bar drives the real call: hold, resume, hang up; states shown in words', async () => {
  await rig.op.page.evaluate(() => window.harness.mountSoftphoneUi(window.op));
  await rig.op.page.getByText('SIP готов').waitFor();
  await rig.customer.setMode('answer');
  expect((await rig.op.call(CUSTOMER, { orderId: 14, tab: 'new' })).ok).toBe(true);
  await rig.op.page.getByText('Разговор').waitFor();
  await rig.op.page.getByText('8 (912) 345-67-89').waitFor();
  await rig.op.page.getByRole('button', { name: 'Удержание' }).click();
  await rig.op.page.getByText('На удержании').waitFor();
  expect((await rig.op.store()).call.held).toBe(true);
  await rig.op.page.getByRole('button', { name: 'Снять с удержания' }).click();
  await rig.op.page.getByText('Разговор').waitFor();
  expect((await rig.op.store()).call.held).toBe(false);
  await rig.op.page.getByRole('button', { name: 'Выкл. микрофон' }).click();
  expect((await rig.op.store()).call.muted).toBe(true);
  expect(await rig.op.page.getByRole('combobox', { name: /^Микрофон/ }).locator('option').count()).toBeGreaterThan(1);
  await rig.op.page.getByRole('button', { name: 'Завершить' }).click();
  await rig.op.page.getByText('Дозвонились').waitFor();
  expect((await rig.op.record()).logged.at(-1)).toMatchObject({ orderId: 14, outcome: 'answered' });
});
