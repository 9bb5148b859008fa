/** Test fixtures of the main-process tests: temp folders and sample orders. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emptyAddress, type CallAttempt, type Order, type SaveResultArgs } from '../../shared/domain/schemas';
import type { Draft } from '../../shared/ipc/contract';

/** A fresh temp folder (removed by the caller with rmTmp). */
export const tmpDir = (prefix = 'prozvon-main-'): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
export const rmTmp = (dir: string): void => fs.rmSync(dir, { recursive: true, force: true });

/** A held order as the server would send it. */
export function sampleOrder(id: number, patch: Partial<Order> = {}): Order {
  return {
    id, externalId: `ext-${id}`, status: 'new', createdAt: '2026-11-28T08:00:00.000Z', updatedAt: '2026-11-28T08:00:00.000Z',
    failedAttempts: 0, callbackAt: null, lastAttemptAt: null, assigneeId: 7, assigneeName: 'Оператор 1', leaseUntil: null,
    offerSku: 'SLIM-TEA', customer: { name: 'Иванова Анна', phone: '+79123456789', extraPhone: null, gender: 'female' },
    address: emptyAddress(), lines: [{ offerSku: 'SLIM-TEA', name: 'Чай', quantity: 1, unitPriceKop: 99_000, discountPct: 0, main: true }],
    delivery: null, problem: null, comment: '', calls: [], version: 1, customerZone: { zone: null, source: 'unknown' }, ...patch,
  };
}

/** A call attempt on an order. */
export function sampleCall(orderId: number, callId: string, answered = true, at = '2026-11-28T09:00:00.000Z'): CallAttempt {
  return { callId, orderId, startedAt: at, answeredAt: answered ? at : null, endedAt: at, outcome: answered ? 'answered' : 'noAnswer' };
}

/** A valid «В работе» (callback) save, given `now`. */
export function callbackSave(order: Order, now: Date): SaveResultArgs {
  return {
    orderId: order.id, result: 'callback', variant: null, problem: 'need_callback',
    callbackAt: new Date(now.getTime() + 3_600_000).toISOString(), comment: 'Просила перезвонить вечером',
    customer: order.customer, address: order.address, lines: order.lines, delivery: order.delivery,
  };
}

/** A draft of an order's form. */
export function sampleDraft(order: Order, comment: string, updatedAt = new Date().toISOString()): Draft {
  return {
    orderId: order.id, customer: order.customer, address: order.address, lines: order.lines, delivery: null,
    deliveryOptions: [], comment, result: null, variant: null, problem: null, callbackAt: null, updatedAt,
  };
}
