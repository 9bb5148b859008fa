/** Repositories of the local cache, the pull application and the order view (overlay + draft + rejection). */
import type { Database } from 'better-sqlite3';
import { openDb } from '../../main/db/open-db';
import { getDraft, saveDraft } from '../../main/repos/drafts';
import { allHeldOrders, getOrder, heldOrderIds, storeClaimed, takenAtOf, unholdOrder, upsertOrder } from '../../main/repos/orders';
import { enqueueMutation, outboxAfter, outboxCount } from '../../main/repos/outbox';
import { readQueueCounts, readQueuePage, storeQueueCounts, storeQueuePage } from '../../main/repos/queue';
import { getSetting, setSetting } from '../../main/repos/settings';
import { getSyncState } from '../../main/repos/sync-state';
import { logCallAndQueue, readOrderView, saveResultLocally } from '../../main/services/order-view';
import { applyPullPage, applyPushResult } from '../../main/sync/apply-pull';
import { DEFAULT_REASONS } from '../../shared/domain';
import type { QueueCounts, QueueRow } from '../../shared/api/http';
import { callbackSave, sampleCall, sampleDraft, sampleOrder } from './fixtures';

const NOW = new Date('2026-11-28T10:00:00.000Z');
const ctx = { center: { timeZone: 'Europe/Moscow', workingHours: null, callingWindow: { start: '09:00', end: '21:00' }, limits: { callbackMaxDays: 90 } }, reasons: DEFAULT_REASONS, now: NOW };
const row = (id: number): QueueRow => ({
  id, tab: 'new', due: true, status: 'new', createdAt: '2026-11-28T08:00:00.000Z', assigneeId: null, assigneeName: null,
  failedAttempts: 0, callbackAt: null, offerSku: 'SLIM-TEA', offerName: 'Чай', customerName: 'Анна', phoneMasked: '+7 912 ***-**-89',
  customerZone: { zone: null, source: 'unknown' },
});
const page = (p: Partial<Parameters<typeof applyPullPage>[1]>) => ({ orders: [], removed: [], lastMutationId: 0, rejections: [], cursor: 'x1', more: false, ...p });

describe('cache repositories', () => {
  let db: Database;
  beforeEach(() => { db = openDb(':memory:'); });
  afterEach(() => db.close());

  test('orders: upsert replaces the server copy; held ids oldest first', () => {
    upsertOrder(db, sampleOrder(2, { createdAt: '2026-11-28T09:00:00.000Z' }));
    upsertOrder(db, sampleOrder(1));
    upsertOrder(db, sampleOrder(1, { status: 'callback', version: 5 }));
    expect(getOrder(db, 1)?.order.status).toBe('callback');
    expect(heldOrderIds(db)).toEqual([1, 2]);
    expect(getOrder(db, 99)).toBeNull();
  });

  test('queue listing: a page replaces its rows, a short page truncates the tail, counts kept for offline', () => {
    storeQueuePage(db, { tab: 'new', total: 3, rows: [row(1), row(2), row(3)] }, 0, 3, NOW.toISOString());
    storeQueuePage(db, { tab: 'new', total: 1, rows: [row(9)] }, 0, 3, NOW.toISOString());
    expect(readQueuePage(db, 'new', 0, 10)).toEqual({ tab: 'new', total: 1, rows: [row(9)] });
    storeQueueCounts(db, { tabs: { new: { total: 5, due: 2 } } as QueueCounts['tabs'] }, NOW.toISOString());
    expect(readQueueCounts(db).tabs.new).toEqual({ total: 5, due: 2 });
    expect(readQueueCounts(db).tabs.inWork).toEqual({ total: 0, due: 0 });
  });

  test('settings hold JSON values; null removes', () => {
    setSetting(db, 'audio', { output: 'headset' });
    expect(getSetting(db, 'audio')).toEqual({ output: 'headset' });
    setSetting(db, 'audio', null);
    expect(getSetting(db, 'audio')).toBeNull();
  });

  test('sync state: one clientId (uuid) per database; mutation ids increase', () => {
    const s = getSyncState(db);
    expect(s.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(getSyncState(db).clientId).toBe(s.clientId);
    const a = enqueueMutation(db, 'logCall.v1', sampleCall(1, 'c1'), 1, null, NOW.toISOString());
    const b = enqueueMutation(db, 'logCall.v1', sampleCall(1, 'c2'), 1, null, NOW.toISOString());
    expect([a, b]).toEqual([1, 2]);
    expect(outboxAfter(db, 0, 10).map((r) => r.id)).toEqual([1, 2]);
    expect(outboxAfter(db, 1, 10).map((r) => r.id)).toEqual([2]);
  });

  test('a local save: one transaction with outbox row + overlay; the view shows the new status as pending', () => {
    const order = sampleOrder(1);
    upsertOrder(db, order);
    logCallAndQueue(db, sampleCall(1, 'call-1'), NOW);
    const id = saveResultLocally(db, callbackSave(order, NOW), ctx);
    const view = readOrderView(db, 1)!;
    expect(view.order.status).toBe('callback');
    expect(view.order.calls.map((c) => c.callId)).toEqual(['call-1']);
    expect(view.order.comment).toMatch(/^28\.11\.2026 .*Просила перезвонить/);
    expect(view.pending.map((p) => [p.mutationId, p.name])).toEqual([[1, 'logCall.v1'], [id, 'saveResult.v1']]);
    expect(getOrder(db, 1)?.order.status).toBe('new');
  });

  test('takenAt: a claim records the server\'s claim instant; renewing a running lease keeps it; a new take replaces it', () => {
    const claimedAt = '2026-11-28T09:30:00.000Z';
    storeClaimed(db, sampleOrder(1, { updatedAt: claimedAt, leaseUntil: '2026-11-28T10:30:00.000Z' }), NOW);
    expect(readOrderView(db, 1)!.takenAt).toBe(claimedAt);
    storeClaimed(db, sampleOrder(1, { updatedAt: '2026-11-28T10:00:00.000Z', leaseUntil: '2026-11-28T11:00:00.000Z', version: 2 }), NOW);
    expect(takenAtOf(db, 1)).toBe(claimedAt);
    expect(getOrder(db, 1)?.order.version).toBe(2);
    const later = new Date('2026-11-28T11:30:00.000Z');
    storeClaimed(db, sampleOrder(1, { updatedAt: later.toISOString(), leaseUntil: '2026-11-28T12:30:00.000Z', version: 3 }), later);
    expect(takenAtOf(db, 1)).toBe(later.toISOString());
    unholdOrder(db, 1, true);
    storeClaimed(db, sampleOrder(1, { updatedAt: '2026-11-28T11:40:00.000Z', leaseUntil: '2026-11-28T12:40:00.000Z', version: 4 }), later);
    expect(takenAtOf(db, 1)).toBe('2026-11-28T11:40:00.000Z');
    upsertOrder(db, sampleOrder(1, { version: 5 }));
    expect(takenAtOf(db, 1)).toBe('2026-11-28T11:40:00.000Z');
    upsertOrder(db, sampleOrder(2));
    expect(readOrderView(db, 2)!.takenAt).toBeNull();
  });

  test('takenAt: a local save ignores answered calls made before the claim, as the server does', () => {
    const order = sampleOrder(1, { updatedAt: '2026-11-28T09:30:00.000Z', leaseUntil: '2026-11-28T10:30:00.000Z' });
    storeClaimed(db, order, NOW);
    logCallAndQueue(db, sampleCall(1, 'old', true, '2026-11-28T09:00:00.000Z'), NOW);
    expect(() => saveResultLocally(db, callbackSave(order, NOW), ctx)).toThrow(/callMade: /);
    logCallAndQueue(db, sampleCall(1, 'new', true, '2026-11-28T09:45:00.000Z'), NOW);
    expect(saveResultLocally(db, callbackSave(order, NOW), ctx)).toBeGreaterThan(0);
  });

  test('a save breaking the shared rules is refused with the field named, and nothing is queued', () => {
    upsertOrder(db, sampleOrder(1));
    expect(() => saveResultLocally(db, callbackSave(sampleOrder(1), NOW), ctx)).toThrow(/callMade: /);
    expect(outboxCount(db)).toBe(0);
  });

  test('pull: upserts, drops acknowledged rows and the accepted save\'s draft, stores the cursor', () => {
    const order = sampleOrder(1);
    upsertOrder(db, order);
    saveDraft(db, sampleDraft(order, 'typed', '2026-11-28T09:59:00.000Z'));
    logCallAndQueue(db, sampleCall(1, 'call-1'), NOW);
    saveResultLocally(db, callbackSave(order, NOW), ctx);
    logCallAndQueue(db, sampleCall(1, 'call-2'), NOW);
    applyPullPage(db, page({ orders: [sampleOrder(1, { status: 'callback', version: 9 })], lastMutationId: 2, cursor: 'x9.12.4' }), NOW.toISOString());
    expect(outboxAfter(db, 0, 10).map((r) => r.id)).toEqual([3]);
    expect(getDraft(db, 1)).toBeNull();
    expect(getSyncState(db)).toMatchObject({ cursor: 'x9.12.4', lastMutationId: 2, nextMutationId: 4 });
    expect(readOrderView(db, 1)!.order.version).toBe(9);
  });

  test('a rejection keeps the draft and is shown; a removed order with a rejection stays visible', () => {
    const order = sampleOrder(1);
    upsertOrder(db, order);
    saveDraft(db, sampleDraft(order, 'typed', '2026-11-28T09:59:00.000Z'));
    logCallAndQueue(db, sampleCall(1, 'call-1'), NOW);
    saveResultLocally(db, callbackSave(order, NOW), ctx);
    applyPushResult(db, [{ mutationId: 2, orderId: 1, code: 'not_held', message: 'Заказ передан другому оператору', at: NOW.toISOString() }], 2);
    applyPullPage(db, page({ removed: [1], lastMutationId: 2, cursor: 'x3' }), NOW.toISOString());
    const view = readOrderView(db, 1)!;
    expect(view.rejection).toMatchObject({ code: 'not_held', message: 'Заказ передан другому оператору' });
    expect(view.draft?.comment).toBe('typed');
    expect(view.pending).toEqual([]);
    expect(heldOrderIds(db)).toEqual([]);
    expect(outboxCount(db)).toBe(0);
  });

  test('a removed order without pending edits or rejection leaves the cache with its draft', () => {
    upsertOrder(db, sampleOrder(1));
    saveDraft(db, sampleDraft(sampleOrder(1), 'x'));
    applyPullPage(db, page({ removed: [1] }), NOW.toISOString());
    expect(getOrder(db, 1)).toBeNull();
    expect(getDraft(db, 1)).toBeNull();
    expect(allHeldOrders(db)).toEqual([]);
  });

  test('a rejection dismissed by a new save stays dismissed when later pulls report it again', () => {
    const order = sampleOrder(1);
    upsertOrder(db, order);
    const rejection = { mutationId: 1, orderId: 1, code: 'not_held', message: 'Заказ передан другому оператору', at: NOW.toISOString() };
    applyPullPage(db, page({ orders: [order], rejections: [rejection], lastMutationId: 1 }), NOW.toISOString());
    expect(readOrderView(db, 1)!.rejection?.code).toBe('not_held');
    logCallAndQueue(db, sampleCall(1, 'call-1'), NOW);
    saveResultLocally(db, callbackSave(order, NOW), ctx);
    applyPullPage(db, page({ orders: [order], rejections: [rejection], lastMutationId: 1, cursor: 'x2' }), NOW.toISOString());
    expect(readOrderView(db, 1)!.rejection).toBeNull();
  });
});
