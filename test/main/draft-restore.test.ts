/** A draft is persisted on save and restored after the process is gone (file reopened). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { dbFileFor, openDb } from '../../main/db/open-db';
import { getDraft, saveDraft } from '../../main/repos/drafts';
import { upsertOrder } from '../../main/repos/orders';
import { readOrderView } from '../../main/services/order-view';
import { rmTmp, sampleDraft, sampleOrder, tmpDir } from './fixtures';

describe('draft restore', () => {
  let dir: string;
  beforeEach(() => { dir = tmpDir(); });
  afterEach(() => rmTmp(dir));

  test('the last saved draft is there after reopening, the latest write wins', () => {
    const file = dbFileFor(dir, 'operator1');
    const db = openDb(file);
    upsertOrder(db, sampleOrder(5));
    saveDraft(db, sampleDraft(sampleOrder(5), 'Кли'));
    saveDraft(db, sampleDraft(sampleOrder(5), 'Клиентка просит курьера'));
    db.close();
    const again = openDb(file);
    expect(readOrderView(again, 5)?.draft?.comment).toBe('Клиентка просит курьера');
    again.close();
  });

  test('a draft written by a process killed with SIGKILL right after the write survives', () => {
    const file = dbFileFor(dir, 'operator1');
    openDb(file).close();
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(file)});
      db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL');
      db.prepare("INSERT INTO drafts (order_id, json, updated_at) VALUES (7, ?, '2026-11-28T10:00:00.000Z')").run(JSON.stringify({ orderId: 7, comment: 'до падения' }));
      process.kill(process.pid, 'SIGKILL');`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '../..') });
    expect(r.signal).toBe('SIGKILL');
    const db = openDb(file);
    expect(getDraft(db, 7)).toMatchObject({ comment: 'до падения' });
    db.close();
  });
});
