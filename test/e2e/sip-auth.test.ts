/**
 * Registration against the dev PBX with digest auth on (`-A WITH_AUTH`, demo accounts from
 * resources/dev-pbx/kamailio.cfg): the right password registers, a wrong one ends in "failed"
 * with the PBX's status instead of retrying forever (SIP.js trap: onReject).
 */
import { openOperator } from './support/operator-ua';
import { operatorConfig, useSipRig } from './support/sip-rig';

jest.setTimeout(60_000);

const rig = useSipRig({ auth: true });
const config = (user: string, password: string) => operatorConfig(rig.kam.wsUrl, user, { password });

test('a demo account with its SIP password registers', async () => {
  const op = await openOperator(rig.browser, rig.pages, config('operator5', 'operator'));
  const s = await op.waitFor((st) => st.registration === 'registered');
  expect(s.registration).toBe('registered');
  await op.close();
});

test('a wrong password ends in "failed" with the status code as the reason', async () => {
  const op = await openOperator(rig.browser, rig.pages, config('operator5', 'wrong'));
  const s = await op.waitFor((st) => st.registration === 'failed');
  expect(s).toMatchObject({ registration: 'failed', registrationReason: '401' });
  expect((await op.record()).agentStates.at(-1)).toBe('offline');
  await op.close();
});
