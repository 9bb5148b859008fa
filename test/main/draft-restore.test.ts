/** A draft is persisted on save and restored after the process is gone (file reopened), the whole form included. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { dbFileFor, openDb } from '../../main/db/open-db';
import { getDraft, saveDraft } from '../../main/repos/drafts';
import { upsertOrder } from '../../main/repos/orders';
import { readOrderView } from '../../main/services/order-view';
import { createDispatcher, type Handlers } from '../../main/ipc/ipc-core';
import type { Draft } from '../../shared/ipc/contract';
import { rmTmp, sampleDraft, sampleOrder, tmpDir } from './fixtures';

/** A dispatcher (the real zod-checking IPC wrapper) whose draft.save and order.get use the cache file. */
function dispatcherOn(file: string) {
  const db = openDb(file);
  const handlers = {
    'draft.save': (req: Draft) => { saveDraft(db, req); return null; },
    'order.get': (req: { orderId: number }) => readOrderView(db, req.orderId),
  } as unknown as Handlers;
  return { db, dispatch: createDispatcher(handlers, () => true) };
}
const renderer = { id: 1, url: null };

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

  test('every form field round-trips through draft.save and a restart, the Невалид variant included', async () => {
    const file = dbFileFor(dir, 'operator1');
    const order = sampleOrder(9);
    const first = dispatcherOn(file);
    upsertOrder(first.db, order);
    const draft: Draft = {
      ...sampleDraft(order, 'Неверный номер телефона', '2026-11-28T10:00:00.000Z'),
      customer: { ...order.customer, name: 'Петрова Мария', extraPhone: '+79991234567', gender: 'female' },
      address: { ...order.address, city: 'Москва', cityId: 'msk', street: 'Тверская', house: '1', apartment: '17' },
      delivery: { id: 'c1', method: 'courier', carrier: 'СДЭК', priceKop: 35_000, daysMin: 1, daysMax: 2 },
      deliveryOptions: [{ id: 'c1', method: 'courier', carrier: 'СДЭК', priceKop: 35_000, daysMin: 1, daysMax: 2 }],
      result: 'invalid', variant: 'feedbackOurs', problem: 'invalid_number', callbackAt: null,
    };
    expect(await first.dispatch(renderer, 'draft.save', draft)).toEqual({ ok: true, value: null });
    first.db.close();

    const second = dispatcherOn(file);
    const reply = await second.dispatch(renderer, 'order.get', { orderId: 9 });
    second.db.close();
    expect(reply.ok && (reply.value as { draft: Draft }).draft).toEqual(draft);
  });

  test('a draft stored before variants existed reads with variant null', () => {
    const file = dbFileFor(dir, 'operator1');
    const db = openDb(file);
    const { variant: _omitted, ...old } = sampleDraft(sampleOrder(3), 'старый черновик', '2026-11-28T10:00:00.000Z');
    db.prepare("INSERT INTO drafts (order_id, json, updated_at) VALUES (3, ?, '2026-11-28T10:00:00.000Z')").run(JSON.stringify(old));
    expect(getDraft(db, 3)).toEqual({ ...old, variant: null });
    db.close();
  });

  test('a draft written by a process killed with SIGKILL right after the write survives', () => {
    const file = dbFileFor(dir, 'operator1');
    openDb(file).close();
    const draft = { ...sampleDraft(sampleOrder(7), 'до падения', '2026-11-28T10:00:00.000Z'), result: 'invalid', variant: 'spam' };
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(file)});
      db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL');
      db.prepare("INSERT INTO drafts (order_id, json, updated_at) VALUES (7, ?, '2026-11-28T10:00:00.000Z')").run(${JSON.stringify(JSON.stringify(draft))});
      process.kill(process.pid, 'SIGKILL');`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '../..') });
    expect(r.signal).toBe('SIGKILL');
    const db = openDb(file);
    expect(getDraft(db, 7)).toMatchObject({ comment: 'до падения', result: 'invalid', variant: 'spam' });
    db.close();
  });
});
