/**
 * PBX restart mid-shift: Kamailio is killed and started again on the same ports; the softphone
 * recreates its Registerer and is registered again (a real 200 OK) within 5 s, and a call that
 * was up is re-INVITEd or ended cleanly with a notice.
 */
import { useSipCallRig } from './support/sip-rig';

jest.setTimeout(60_000);

const CUSTOMER = '+79161234500';

const rig = useSipCallRig({ customer: CUSTOMER, operator: 'operator3', config: { displayName: 'Оператор 3' }, lookupOrderId: 77 });

test('Kamailio killed and restarted on the same ports → re-registered within 5 s, reachable again', async () => {
  expect((await rig.op.store()).registration).toBe('registered');
  const { wsPort, sipPort } = rig.kam;
  await rig.kam.stop(true);
  const lost = await rig.op.waitFor((s) => s.registration !== 'registered');
  expect(lost.registration).toBe('registering');
  expect(lost.registrationReason).toMatch(/transportLost|disconnected/);
  expect(await rig.op.call(CUSTOMER, { orderId: 77, tab: 'new' })).toMatchObject({ ok: false, code: 'notRegistered' });

  await rig.kam.start();
  expect([rig.kam.wsPort, rig.kam.sipPort]).toEqual([wsPort, sipPort]);
  const back = await rig.op.waitFor((s) => s.registration === 'registered', 5000);
  expect(back.registration).toBe('registered');

  // the fresh Kamailio knows the operator's binding: an inbound call reaches the operator
  await rig.customer.reconnect();
  await rig.customer.call('operator3');
  const incoming = await rig.op.waitFor((s) => s.call.phase === 'incoming');
  expect(incoming.call.phase).toBe('incoming');
  await rig.op.invoke('reject');
  await rig.op.waitFor((s) => s.call.phase === 'ended');
  await rig.op.invoke('resultSaved');
});

test('a call up during the restart is re-INVITEd or ended cleanly, and the operator is told', async () => {
  await rig.customer.setMode('answer');
  expect((await rig.op.call(CUSTOMER, { orderId: 77, tab: 'new' })).ok).toBe(true);
  await rig.op.waitFor((s) => s.call.phase === 'established');

  await rig.kam.stop(true);
  await rig.op.waitFor((s) => s.registration !== 'registered');
  await rig.kam.start();
  await rig.customer.reconnect();
  const after = await rig.op.waitFor((s) => s.notice?.key === 'callRecovered' || s.notice?.key === 'callLostOnReconnect', 15_000);
  expect(after.notice?.key).toBe('callLostOnReconnect');
  const ended = await rig.op.waitFor((s) => s.call.phase === 'ended');
  expect(ended.call.lastOutcome).toBe('answered');
  expect((await rig.op.record()).logged.at(-1)).toMatchObject({ orderId: 77, outcome: 'answered' });
  expect(ended.registration).toBe('registered');
});
