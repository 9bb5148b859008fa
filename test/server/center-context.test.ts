/**
 * The center context reaches the clients from the admin's settings, against a real server process
 * (PGlite and PostgreSQL): in the login reply, from `GET center/context`, and as a live
 * `center.changed` message to every connection as soon as an admin saves the settings.
 */
import { CenterContext } from '../../shared/domain/center';
import { BACKENDS, client, type ServerProcess } from './support/server-process';
import { LiveClient, PASSWORD, startWithFixture } from './support/live-fixture';

jest.setTimeout(120_000);

describe.each(BACKENDS)('center context on %s', (backend) => {
  let srv: ServerProcess;

  beforeAll(async () => { ({ srv } = await startWithFixture(backend)); });
  afterAll(async () => { await srv?.stop(); });

  test('login reply, GET center/context and live center.changed follow the admin settings', async () => {
    const before = await client(srv.url).post('/auth/login', { login: 'op1', password: PASSWORD });
    expect(before.status).toBe(200);
    expect(before.body.center).toEqual({ timeZone: 'Europe/Moscow', workingHours: null, callingWindow: { start: '00:00', end: '24:00' }, limits: { callbackMaxDays: 90 } });
    expect(before.body.timeZone).toBe(before.body.center.timeZone);
    const op = client(srv.url, before.body.token);
    expect((await client(srv.url).get('/center/context')).status).toBe(401);
    expect((await op.get('/center/context')).body).toEqual(before.body.center);

    const live = await LiveClient.open(srv.url, before.body.token);
    await live.next((m) => m.type === 'welcome');
    const admin = client(srv.url, await srv.login('admin', PASSWORD));
    const saved = await admin.call('PUT', '/admin/settings', { timeZone: 'Asia/Yekaterinburg', workingHours: { start: '09:00', end: '18:00' } });
    expect(saved.status).toBe(200);
    const after = { timeZone: 'Asia/Yekaterinburg', workingHours: { start: '09:00', end: '18:00' }, callingWindow: { start: '00:00', end: '24:00' }, limits: { callbackMaxDays: 90 } };
    const msg = await live.next((m) => m.type === 'center.changed');
    expect(CenterContext.parse(msg.center)).toEqual(after);
    live.close();
    expect((await op.get('/center/context')).body).toEqual(after);
    const again = await client(srv.url).post('/auth/login', { login: 'op1', password: PASSWORD });
    expect(again.body).toMatchObject({ timeZone: 'Asia/Yekaterinburg', center: after });
  });
});
