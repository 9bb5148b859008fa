/** Helpers for server tests: users, ingest, a valid saveResult, a logged call. */
import { randomUUID } from 'node:crypto';
import type { Order, SaveResultArgs } from '../../../shared/domain/schemas';
import { INGEST_KEY, client } from './server-process';

export type Api = ReturnType<typeof client>;

/** Logs in the demo users and returns a client per login. */
export async function demoClients(url: string, login: (l: string, p: string) => Promise<string>) {
  const as = async (l: string, p: string) => client(url, await login(l, p));
  return {
    anon: client(url),
    admin: await as('admin', 'admin'),
    lead: await as('lead', 'lead'),
    op1: await as('operator1', 'operator'),
    op2: await as('operator2', 'operator'),
    op5: await as('operator5', 'operator'),
  };
}

let seq = 0;
/** Ingests a new order and returns its id. */
export async function ingest(url: string, extra: Record<string, unknown> = {}): Promise<number> {
  seq++;
  const r = await client(url).post('/orders', {
    externalId: `t-${Date.now()}-${seq}-${Math.random().toString(36).slice(2)}`, customerName: 'Иван', phone: '+79123456789', offerSku: 'ARTRO-GEL', ...extra,
  }, { 'x-api-key': INGEST_KEY });
  if (r.status !== 201) throw new Error(`ingest failed ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id as number;
}

/** A logCall.v1 mutation for an answered call starting now (after the order was taken). */
export function answeredCall(orderId: number, id: number, callId = randomUUID()) {
  const t = Date.now();
  return {
    id, name: 'logCall.v1' as const,
    args: { callId, orderId, startedAt: new Date(t).toISOString(), answeredAt: new Date(t + 1000).toISOString(), endedAt: new Date(t + 2000).toISOString(), outcome: 'answered' as const },
  };
}

/** A saveResult.v1 that confirms `order` with a full name, a Moscow address and courier delivery. */
export function confirmArgs(order: Order): SaveResultArgs {
  return {
    orderId: order.id, result: 'confirm', variant: null, problem: null, callbackAt: null, comment: 'Подтвердил',
    customer: { ...order.customer, name: 'Иванов Иван Иванович', gender: 'male' },
    address: { postalCode: '125009', region: 'Москва', district: '', city: 'Москва', cityId: 'c:0', street: 'Тверская улица', house: '7', building: '', korpus: '', apartment: '12' },
    lines: order.lines,
    delivery: { id: 'СДЭК:door-3', method: 'courier', carrier: 'СДЭК', priceKop: 39_000, daysMin: 1, daysMax: 2 },
  };
}
