/**
 * A cache whose pull cursor the server does not know (the server's database was replaced) starts
 * the pull again from the beginning instead of failing forever (real server process, real host).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { ok, useServerRig } from './harness';
import { START_CURSOR } from '../../shared/api/http';

jest.setTimeout(600_000);

const cacheFile = (dir: string) => path.join(dir, 'client', 'operator4.sqlite');

function readCursor(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try { return db.prepare('SELECT pull_cursor FROM sync_state WHERE id = 1').pluck().get() as string; } finally { db.close(); }
}

describe('pull cursor reset', () => {
  const rig = useServerRig('prozvon-cursor-reset-');

  test('an unknown cursor is replaced by a pull from the start; held orders come back', async () => {
    let h = await rig.host('reset');
    await ok(h.api['auth.login']({ serverUrl: rig.server.url, login: 'operator4', password: 'operator' }));
    const view = await ok(h.api['queue.next']({}));
    if (!view) throw new Error('the demo queue is empty');
    await ok(h.api['sync.now']({}));
    await h.stop();

    const file = cacheFile(path.join(rig.dir, 'reset'));
    const db = new Database(file);
    db.prepare("UPDATE sync_state SET pull_cursor = 'x999999999' WHERE id = 1").run();
    db.prepare('DELETE FROM orders').run();
    db.close();

    h = await rig.host('reset');
    const status = await ok(h.api['sync.now']({}));
    expect(status.lastError).toBeNull();
    expect(readCursor(file)).not.toBe('x999999999');
    expect(readCursor(file)).not.toBe(START_CURSOR);
    expect((await ok(h.api['order.held']({}))).map((v) => v.order.id)).toContain(view.order.id);
  });
});
