/**
 * An in-memory Api for component tests: canned data, recorded calls, controllable answers. Every
 * request and every canned reply is parsed with the contract (`channels[c].req` / `.res`), as
 * main and the renderer parse them: a request main would refuse answers `invalid_request`, and
 * any request or reply that violates the contract fails the running test (afterEach below).
 */
import { channels, type Api, type ChannelName, type EventName, type EventPayload, type IpcReply, type OrderView, type Req, type Res, type Session } from '../../../shared/ipc/contract';
import { DEFAULT_REASONS, emptyAddress } from '../../../shared/domain';
import type { AddressSuggestion, QueueRow, Script } from '../../../shared/api/http';
import type { CallAttempt, DeliveryOption, Offer, Order } from '../../../shared/domain/schemas';

type Handler<C extends ChannelName> = (req: Req<C>) => Res<C> | Promise<Res<C>>;
type Handlers = { [C in ChannelName]?: Handler<C> };

/** A failure the handler throws to answer `{ok:false,error}`. */
export class Refusal extends Error {
  constructor(readonly code: string, message: string) { super(message); }
}

export const OFFERS: Offer[] = [
  { sku: 'KREM-X', name: 'Крем Х', priceKop: 199_000, promo: { text: '2-й товар −50 %, 3-й в подарок', allowedDiscountsPct: [50, 100] }, active: true },
  { sku: 'BALM', name: 'Бальзам', priceKop: 99_000, promo: { text: '', allowedDiscountsPct: [] }, active: true },
];

export const SESSION: Session = {
  serverUrl: 'http://127.0.0.1:8080',
  user: { id: 7, login: 'operator1', name: 'Анна Оператор', role: 'operator' },
  sip: null,
  timeZone: 'Europe/Moscow',
  // the widest window (only 23:59 Moscow is outside) and a Moscow customer: calls are inside unless a test says otherwise
  center: { timeZone: 'Europe/Moscow', workingHours: null, callingWindow: { start: '00:00', end: '23:59' }, limits: { callbackMaxDays: 90 } },
};

/** An order as the server would send it (new, no calls, landing-page data only). */
export function makeOrder(patch: Partial<Order> = {}): Order {
  return {
    id: 10234,
    externalId: 'L-1',
    status: 'new',
    createdAt: '2026-11-28T08:00:00.000Z',
    updatedAt: '2026-11-28T08:00:00.000Z',
    failedAttempts: 0,
    callbackAt: null,
    lastAttemptAt: null,
    assigneeId: 7,
    assigneeName: 'Анна Оператор',
    leaseUntil: null,
    offerSku: 'KREM-X',
    customer: { name: 'Иван', phone: '+79123456789', extraPhone: null, gender: null },
    address: emptyAddress(),
    lines: [{ offerSku: 'KREM-X', name: 'Крем Х', quantity: 1, unitPriceKop: 199_000, discountPct: 0, main: true }],
    delivery: null,
    problem: null,
    comment: '',
    calls: [],
    version: 1,
    customerZone: { zone: 'Europe/Moscow', source: 'address' },
    ...patch,
  };
}

/** A call attempt on the order, answered or not. */
export function makeCall(orderId: number, answered: boolean, startedAt = '2026-11-28T08:55:00.000Z'): CallAttempt {
  return {
    callId: `c-${startedAt}`, orderId, startedAt, answeredAt: answered ? startedAt : null,
    endedAt: startedAt, outcome: answered ? 'answered' : 'noAnswer',
  };
}

export const viewOf = (order: Order, draft: OrderView['draft'] = null, takenAt: string | null = null): OrderView => ({ order, pending: [], draft, rejection: null, takenAt });

export const COURIER: DeliveryOption = { id: 'courier-1', method: 'courier', carrier: 'СДЭК', priceKop: 35_000, daysMin: 2, daysMax: 4 };
export const POST: DeliveryOption = { id: 'post-1', method: 'post', carrier: 'Почта России', priceKop: 25_000, daysMin: 5, daysMax: 9 };

export const SCRIPT: Script = {
  offerSku: 'KREM-X',
  sections: [
    { key: 'greeting', title: 'Приветствие', body: 'Здравствуйте, {{customerName}}! Меня зовут {{operatorName}}.' },
    { key: 'closing', title: 'Закрытие', body: 'Итого к оплате {{total}}.' },
  ],
  objections: [
    { key: 'expensive', title: 'Дорого', body: 'Понимаю! Сейчас действует акция.', keywords: ['дорого', 'цена'] },
    { key: 'think', title: 'Подумаю', body: 'Акция действует только сегодня.', keywords: ['подумаю'] },
  ],
};

/** A city suggestion with its postal code, region and district. */
export function city(id: string, name: string, postalCode: string): AddressSuggestion {
  return { id, label: `г. ${name}`, value: name, postalCode, region: `${name} обл.`, district: `${name}ский р-н`, city: name };
}

export function queueRow(i: number, patch: Partial<QueueRow> = {}): QueueRow {
  return {
    id: 1000 + i, tab: 'new', due: i % 3 === 0, status: 'new', createdAt: '2026-11-28T08:00:00.000Z', assigneeId: null,
    assigneeName: null, failedAttempts: 0, callbackAt: null, offerSku: 'KREM-X', offerName: 'Крем Х',
    customerName: `Клиент ${i}`, phoneMasked: '8 (912) ***-**-89', ...patch,
  };
}

/** Contract violations seen since the last test ended (checked after each test). */
const violations: string[] = [];

/** Takes (and clears) the violations seen so far: for a test that breaks the contract on purpose. */
export const takeViolations = (): string[] => violations.splice(0);

afterEach(() => {
  const seen = takeViolations();
  if (seen.length) throw new Error(`The IPC contract was violated:\n${seen.join('\n')}`);
});

const issueText = (e: { issues: readonly { path: PropertyKey[]; message: string }[] }) =>
  e.issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || 'value'}: ${i.message}`).join('; ');

/** A day's plan progress with no plan set (the default answer of plans.mine). */
export const NO_PLAN: Res<'plans.mine'> = {
  day: '2026-11-28', targetConfirmed: null, targetCalls: null, confirmed: 0, calls: 0, confirmedRatio: null, processed: 0, approvalRate: null,
};

/** The in-memory Api with its call log. */
export class MemoryApi {
  readonly calls: { channel: ChannelName; req: unknown }[] = [];
  /** Set by a test that feeds a malformed reply on purpose (to see the UI refuse it). */
  allowBadReplies = false;
  private listeners = new Map<EventName, Set<(p: unknown) => void>>();
  handlers: Handlers;

  constructor(handlers: Handlers = {}) {
    this.handlers = {
      'auth.session': () => SESSION,
      'auth.login': () => SESSION,
      'auth.logout': () => null,
      'settings.lastServer': () => 'http://127.0.0.1:8080',
      'settings.get': () => null,
      'settings.set': () => null,
      'pbx.flags': () => ({ enabled: false, flags: [] }),
      'queue.counts': () => ({
        cached: false,
        tabs: {
          new: { total: 128, due: 128 }, quickRecall: { total: 14, due: 3 }, inWork: { total: 6, due: 1 }, noAnswerToday: { total: 31, due: 0 },
          noAnswerYesterday: { total: 12, due: 0 }, noAnswer2Days: { total: 4, due: 0 }, noAnswerOlder: { total: 90, due: 0 },
        },
      }),
      'queue.list': (req) => ({ tab: req.tab, total: 3, rows: [0, 1, 2].map((i) => queueRow(i, { tab: req.tab })), cached: false }),
      'queue.next': () => viewOf(makeOrder()),
      'order.claim': (req) => viewOf(makeOrder({ id: req.orderId })),
      'order.release': () => null,
      'order.held': () => [],
      'order.get': (req) => viewOf(makeOrder({ id: req.orderId })),
      'draft.save': () => null,
      'order.saveResult': () => ({ mutationId: 1, queued: true }),
      'call.log': () => ({ mutationId: 2 }),
      'customer.history': (req) => ({ phone: req.phone, orders: [] }),
      'reasons.list': () => DEFAULT_REASONS,
      'offers.list': () => OFFERS,
      'script.get': () => SCRIPT,
      'delivery.options': () => [POST, COURIER],
      'address.suggest': () => [],
      'agent.setState': () => null,
      'agent.quality': () => null,
      'agent.resume': () => ({ resume: null }),
      'sync.status': () => ({ online: true, pending: 0, lastSyncAt: null, syncing: false, progress: null, lastError: null }),
      'sync.now': () => ({ online: true, pending: 0, lastSyncAt: null, syncing: false, progress: null, lastError: null }),
      'plans.mine': () => NO_PLAN,
      ...handlers,
    } as Handlers;
  }

  /** Requests seen on one channel. */
  requests<C extends ChannelName>(channel: C): Req<C>[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.req as Req<C>);
  }

  /** Fires a main → renderer event. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.listeners.get(event)?.forEach((l) => l(payload));
  }

  /** The object to hand to <App api=…>. */
  get api(): Api {
    const target: Record<string, unknown> = {
      on: (event: EventName, listener: (p: unknown) => void) => {
        const set = this.listeners.get(event) ?? new Set();
        set.add(listener);
        this.listeners.set(event, set);
        return () => set.delete(listener);
      },
    };
    return new Proxy(target, {
      get: (t, prop: string) => {
        if (prop in t) return t[prop];
        return async (req: unknown): Promise<IpcReply<unknown>> => {
          this.calls.push({ channel: prop as ChannelName, req });
          const contract = channels[prop as ChannelName] as (typeof channels)[ChannelName] | undefined;
          if (!contract) {
            violations.push(`unknown channel ${prop}`);
            return { ok: false, error: { code: 'unknown_channel', message: prop } };
          }
          const parsed = contract.req.safeParse(req ?? {});
          if (!parsed.success) {
            violations.push(`${prop} request ${JSON.stringify(req)}: ${issueText(parsed.error)}`);
            return { ok: false, error: { code: 'invalid_request', message: `${prop}: ${issueText(parsed.error)}` } };
          }
          const h = this.handlers[prop as ChannelName] as ((r: unknown) => unknown) | undefined;
          if (!h) return { ok: false, error: { code: 'notImplemented', message: prop } };
          try {
            const value = await h(req);
            const checked = contract.res.safeParse(value);
            if (!checked.success && !this.allowBadReplies) violations.push(`${prop} reply ${JSON.stringify(value)?.slice(0, 200)}: ${issueText(checked.error)}`);
            return { ok: true, value };
          } catch (e) {
            if (e instanceof Refusal) return { ok: false, error: { code: e.code, message: e.message } };
            throw e;
          }
        };
      },
    }) as unknown as Api;
  }
}

/** A promise with its resolve exposed (to answer requests out of order). */
export function deferred<T>(): { promise: Promise<T>; resolve(v: T): void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}
