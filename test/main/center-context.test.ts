/**
 * Main follows the server's center context (real server process + browser-mode host): the session
 * carries the login reply's context; an admin's settings change arrives as a live
 * `center.changed`, updates the session without re-login, survives a host restart (cached), a
 * change made while the host was down is fetched when its live channel connects, and the local
 * save already refuses what the server would refuse under the new working hours.
 */
import { randomUUID } from 'node:crypto';
import { CenterContext } from '../../shared/domain/center';
import { drain, eventually, nextEvent, ok, rawClient, useServerRig } from './harness';

jest.setTimeout(600_000);

describe('center context in main', () => {
  const rig = useServerRig('prozvon-center-');

  test('live center.changed updates the session and the local rules; the cache keeps it across a restart', async () => {
    let h = await rig.host('op');
    const session = await ok(h.api['auth.login']({ serverUrl: rig.server.url, login: 'operator1', password: 'operator' }));
    const admin = await rawClient(rig.server.url, 'admin', 'admin');
    expect(session.center).toEqual(CenterContext.parse(await admin.get('/center/context')));
    expect(session.timeZone).toBe(session.center.timeZone);

    const view = await ok(h.api['queue.next']({}));
    if (!view) throw new Error('the demo data has no order to take');
    const at = new Date().toISOString();
    await ok(h.api['call.log']({ callId: `center-${randomUUID()}`, orderId: view.order.id, startedAt: at, answeredAt: at, endedAt: at, outcome: 'answered' }));
    await drain(h.api);

    const hours = { start: '00:00', end: '00:01' };
    const changed = nextEvent(h.api, 'live.message', (m) => m.type === 'center.changed');
    const put = await fetch(`${rig.server.url}/api/v1/admin/settings`, {
      method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.auth.token}` },
      body: JSON.stringify({ timeZone: 'Asia/Yekaterinburg', workingHours: hours }),
    });
    expect(put.status).toBe(200);
    await changed;
    // the calling window: none stored, so the server's configured one (jest.config.js: around the clock)
    const expected = { timeZone: 'Asia/Yekaterinburg', workingHours: hours, callingWindow: { start: '00:00', end: '24:00' }, limits: { callbackMaxDays: 90 } };
    expect(await ok(h.api['auth.session']({}))).toMatchObject({ timeZone: 'Asia/Yekaterinburg', center: expected });

    // a callback at hh:30 is outside 00:00–00:01 in any zone: refused locally, nothing queued
    const callbackAt = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + 2.5 * 3_600_000).toISOString();
    const refused = await h.api['order.saveResult']({
      orderId: view.order.id, result: 'callback', variant: null, problem: 'need_callback', callbackAt, comment: 'Просит перезвонить',
      customer: view.order.customer, address: view.order.address, lines: view.order.lines, delivery: view.order.delivery,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule_violation' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/вне рабочих часов \(00:00–00:01\)/);
    expect((await ok(h.api['sync.status']({}))).pending).toBe(0);

    await h.stop();
    h = await rig.host('op');
    expect(await ok(h.api['auth.session']({}))).toMatchObject({ center: expected });

    // a change made while the host was down arrives when its live channel connects again
    await h.stop();
    const later = await fetch(`${rig.server.url}/api/v1/admin/settings`, {
      method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.auth.token}` },
      body: JSON.stringify({ workingHours: { start: '08:00', end: '20:00' } }),
    });
    expect(later.status).toBe(200);
    h = await rig.host('op');
    const refreshed = await eventually(async () => {
      const s = await ok(h.api['auth.session']({}));
      return s?.center.workingHours?.start === '08:00' ? s : null;
    });
    expect(refreshed.center).toEqual({ ...expected, workingHours: { start: '08:00', end: '20:00' } });
  });
});
