/**
 * Inbound call through Kamailio: the caller's number is looked up (screen pop) before the call
 * is offered for answering; ringtone plays; answer → talk → the customer hangs up → logged on
 * the order found by the lookup.
 */
import { useSipCallRig } from './support/sip-rig';

jest.setTimeout(60_000);

const CUSTOMER = '+79031112233';

const rig = useSipCallRig({
  customer: CUSTOMER, operator: 'operator4', config: { displayName: 'Оператор 4', dialFormat: { style: 'eight', prefix: '' } }, lookupOrderId: 555,
});

test('inbound call: lookupCaller gets the E.164 before answering, ringtone, answer, logged on the found order', async () => {
  await rig.customer.call('operator4');
  const incoming = await rig.op.waitFor((s) => s.call.phase === 'incoming');
  expect(incoming.call).toMatchObject({ phase: 'incoming', direction: 'inbound', remoteNumber: CUSTOMER, orderId: 555 });
  const rec = await rig.op.record();
  expect(rec.lookups).toEqual([{ e164: CUSTOMER, phaseAtLookup: expect.not.stringMatching(/incoming|established/) }]);
  expect(rec.agentStates.at(-1)).toBe('ringing');
  expect(rec.broughtToFront).toBe(1);
  expect(await rig.op.page.evaluate(() => window.op.ringing)).toBe(true);

  await rig.op.invoke('answer');
  const est = await rig.op.waitFor((s) => s.call.phase === 'established');
  expect(est.call.phase).toBe('established');
  expect(await rig.op.page.evaluate(() => window.op.ringing)).toBe(false);

  await rig.customer.hangup();
  const ended = await rig.op.waitFor((s) => s.call.phase === 'ended');
  expect(ended.call.lastOutcome).toBe('answered');
  expect((await rig.op.record()).logged.at(-1)).toMatchObject({ orderId: 555, outcome: 'answered' });
});

test('a caller hanging up before answer is logged as noAnswer', async () => {
  await rig.op.invoke('resultSaved');
  await rig.customer.call('operator4');
  await rig.op.waitFor((s) => s.call.phase === 'incoming');
  await rig.customer.hangup();
  const ended = await rig.op.waitFor((s) => s.call.phase === 'ended');
  expect(ended.call.lastOutcome).toBe('noAnswer');
  expect((await rig.op.record()).logged.at(-1)).toMatchObject({ orderId: 555, outcome: 'noAnswer', answeredAt: null });
});
