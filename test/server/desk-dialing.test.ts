/**
 * An operator's progressive dialing and auto-next settings: migration 0010 on the machine's
 * PostgreSQL (bounds checked by the database), the admin's PATCH (bounds refused in words), the
 * admin list, and the login reply that carries them to the desk.
 */
import type { Db } from '../../server/db/db';
import { migrations } from '../../server/db/migrations';
import { applyMigrationsBefore, expectRefused, useEmptySchema } from './support/migrated-schema';
import { PASSWORD } from './support/live-fixture';
import { useLiveServer } from './support/live-server';
import { client } from './support/server-process';

jest.setTimeout(120_000);

describe('server migration 0010-desk-dialing', () => {
  const schemaDb = useEmptySchema();
  let db: Db;
  beforeAll(() => { db = schemaDb(); });

  const rejects = (sql: string, params: unknown[] = []) => expectRefused(db, sql, params);

  it('adds both settings, off for existing users, within their bounds', async () => {
    const m10 = migrations.find((m) => m.id === 10);
    expect(m10?.name).toBe('desk-dialing');
    await applyMigrationsBefore(db, 10);
    const { rows } = await db.query<{ id: number }>("INSERT INTO users (login, name, role, password_hash) VALUES ('op', 'Оп', 'operator', 'x') RETURNING id");
    const id = rows[0]?.id as number;
    await db.exec((m10 as { sql: string }).sql);
    const read = async () => (await db.query<{ preview_seconds: number | null; wrap_up_seconds: number | null }>('SELECT preview_seconds, wrap_up_seconds FROM users WHERE id = $1', [id])).rows[0];
    expect(await read()).toEqual({ preview_seconds: null, wrap_up_seconds: null });
    await db.query('UPDATE users SET preview_seconds = 0, wrap_up_seconds = 120 WHERE id = $1', [id]);
    await db.query('UPDATE users SET preview_seconds = 30, wrap_up_seconds = 0 WHERE id = $1', [id]);
    expect(await read()).toEqual({ preview_seconds: 30, wrap_up_seconds: 0 });
    await rejects('UPDATE users SET preview_seconds = 31 WHERE id = $1', [id]);
    await rejects('UPDATE users SET preview_seconds = -1 WHERE id = $1', [id]);
    await rejects('UPDATE users SET wrap_up_seconds = 121 WHERE id = $1', [id]);
  });
});

describe('dialing settings through the admin routes and the login reply', () => {
  const live = useLiveServer(['admin']);

  it('an admin sets them per operator; the operator\'s login reply carries them; out of bounds is refused', async () => {
    const admin = client(live.srv.url, live.t.admin);
    const list = await admin.get('/admin/users');
    const op = (list.body.users as { id: number; login: string; role: string; dialing: unknown }[]).find((u) => u.role === 'operator');
    if (!op) throw new Error('the fixture has no operator');
    expect(op.dialing).toEqual({ previewSeconds: null, wrapUpSeconds: null });
    const loginReply = async () => (await client(live.srv.url).post('/auth/login', { login: op.login, password: PASSWORD })).body.user.dialing;
    expect(await loginReply()).toEqual({ previewSeconds: null, wrapUpSeconds: null });

    const set = await admin.call('PATCH', `/admin/users/${op.id}`, { previewSeconds: 5, wrapUpSeconds: 10 });
    expect(set.status).toBe(200);
    expect(set.body.dialing).toEqual({ previewSeconds: 5, wrapUpSeconds: 10 });
    expect(await loginReply()).toEqual({ previewSeconds: 5, wrapUpSeconds: 10 });

    const tooLong = await admin.call('PATCH', `/admin/users/${op.id}`, { previewSeconds: 31 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.field).toBe('previewSeconds');
    expect((await admin.call('PATCH', `/admin/users/${op.id}`, { wrapUpSeconds: 121 })).status).toBe(400);

    expect((await admin.call('PATCH', `/admin/users/${op.id}`, { previewSeconds: null })).body.dialing).toEqual({ previewSeconds: null, wrapUpSeconds: 10 });
    expect(await loginReply()).toEqual({ previewSeconds: null, wrapUpSeconds: 10 });
  });
});
