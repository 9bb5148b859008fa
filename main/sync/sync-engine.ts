/**
 * The sync engine: pushes the outbox in order, then pulls (paged) until the server has no more
 * changes. Runs on start, on demand (save, poke, reconnect) and on a timer; retries with
 * exponential backoff and jitter; publishes online/offline state, pending count and initial-sync
 * progress. Outbox rows leave only when the server acknowledges them.
 */
import type { Database } from 'better-sqlite3';
import { ClaimResponse, PullResponse, PushResponse, START_CURSOR, type Mutation, type Rejection } from '../../shared/api/http';
import type { SyncStatus } from '../../shared/ipc/contract';
import { AppError } from '../errors';
import { getOrder, ordersToRenew, storeClaimed } from '../repos/orders';
import { outboxAfter, outboxCount } from '../repos/outbox';
import { getSyncState, setCursor } from '../repos/sync-state';
import { applyPullPage, applyPushResult } from './apply-pull';
import { backoffDelay } from './backoff';
import { HttpError, type HttpClient } from './http-client';

export interface SyncEngineOptions {
  db: Database;
  http: HttpClient;
  /** Called whenever the status changes. */
  onStatus: (s: SyncStatus) => void;
  /** Called with the ids of orders a pull or push changed. */
  onOrdersChanged: (ids: number[]) => void;
  /** The server refused the token (401). */
  onUnauthorized: () => void;
  pullIntervalMs?: number;
  /** Leases ending sooner than this are renewed (default 5 min). */
  leaseMarginMs?: number;
  pushBatch?: number;
  pullLimit?: number;
  now?: () => Date;
  random?: () => number;
}

export class SyncEngine {
  private status: SyncStatus;
  private running: Promise<void> | null = null;
  private again = false;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private intervalTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly o: SyncEngineOptions) {
    this.status = { online: false, pending: outboxCount(o.db), lastSyncAt: getSyncState(o.db).lastSyncAt, syncing: false, progress: null, lastError: null };
  }

  /** Starts syncing now and on the timer. */
  start(): void {
    this.stopped = false;
    this.intervalTimer = setInterval(() => void this.sync(), this.o.pullIntervalMs ?? 30_000);
    this.intervalTimer.unref();
    void this.sync();
  }

  /** Stops timers; an in-flight cycle finishes on its own. */
  stop(): void {
    this.stopped = true;
    if (this.intervalTimer) clearInterval(this.intervalTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.intervalTimer = this.retryTimer = null;
  }

  /** Resolves when the current cycle (and one more, if requested meanwhile) is over. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  getStatus(): SyncStatus {
    return { ...this.status, pending: this.pendingCount() };
  }

  /** Rows in the outbox (the last known count once the database is closed). */
  private pendingCount(): number {
    return this.o.db.open ? outboxCount(this.o.db) : this.status.pending;
  }

  /** Marks the engine offline/online from outside (e.g. the live channel dropped or came back). */
  setOnline(online: boolean): void {
    if (this.status.online !== online) this.update({ online });
  }

  /** Runs a push+pull cycle now (coalesced with one already running) and returns the status. */
  async sync(): Promise<SyncStatus> {
    if (this.stopped) return this.getStatus();
    if (this.running) {
      this.again = true;
      await this.idle();
      return this.getStatus();
    }
    this.running = this.loop();
    try {
      await this.running;
    } finally {
      this.running = null;
    }
    return this.getStatus();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      await this.cycle();
    } while (this.again && !this.stopped);
  }

  private async cycle(): Promise<void> {
    if (this.retryTimer) { clearTimeout(this.retryTimer); this.retryTimer = null; }
    this.update({ syncing: true });
    try {
      await this.renewLeases();
      await this.push();
      await this.pull();
      await this.push();
      this.attempt = 0;
      this.update({ online: true, syncing: false, progress: null, lastError: null, lastSyncAt: getSyncState(this.o.db).lastSyncAt });
    } catch (e) {
      const err = e instanceof AppError ? e : new AppError('internal', e instanceof Error ? e.message : String(e));
      if (err instanceof HttpError && err.status === 401) {
        this.update({ syncing: false, progress: null, lastError: err.message });
        this.o.onUnauthorized();
        return;
      }
      this.update({ online: err.code === 'offline' ? false : this.status.online, syncing: false, progress: null, lastError: err.message });
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    const delay = backoffDelay(this.attempt++, 500, 30_000, this.o.random);
    this.retryTimer = setTimeout(() => { this.retryTimer = null; void this.sync(); }, delay);
    this.retryTimer.unref();
  }

  private async push(): Promise<void> {
    const { db, http } = this.o;
    for (;;) {
      const state = getSyncState(db);
      const rows = outboxAfter(db, state.lastMutationId, this.o.pushBatch ?? 50);
      if (rows.length === 0) return;
      const mutations = rows.map((r) => ({ id: r.id, name: r.name, args: r.args }) as Mutation);
      const res = await http.request('POST', '/sync/push', PushResponse, { body: { clientId: state.clientId, mutations } });
      const at = this.now().toISOString();
      const rejections: Rejection[] = [];
      for (const r of res.results) {
        if (r.status !== 'rejected') continue;
        const row = rows.find((x) => x.id === r.id);
        rejections.push({ mutationId: r.id, orderId: row?.orderId ?? null, code: r.code, message: r.message, at });
      }
      applyPushResult(db, rejections, res.lastMutationId);
      const changed = [...new Set(rows.map((r) => r.orderId).filter((x): x is number => x !== null))];
      this.o.onOrdersChanged(changed);
      this.update({});
      if (res.lastMutationId < rows[rows.length - 1]!.id) {
        throw new AppError('push_stalled', `Сервер подтвердил изменения до №${res.lastMutationId} из ${rows[rows.length - 1]!.id}; повтор позже.`);
      }
    }
  }

  /**
   * Renews the leases of held orders ending within `leaseMarginMs` (the order stays open) and
   * re-claims orders with pending edits whose lease lapsed (e.g. offline). A refusal (another
   * operator holds it, the order is closed) is left to the push, which records the rejection.
   */
  private async renewLeases(): Promise<void> {
    const { db, http } = this.o;
    const before = new Date(this.now().getTime() + (this.o.leaseMarginMs ?? 5 * 60_000)).toISOString();
    for (const id of ordersToRenew(db, before)) {
      try {
        const res = await http.request('POST', `/orders/${id}/claim`, ClaimResponse, { body: {} });
        const cached = getOrder(db, id);
        if (!cached || cached.order.version <= res.order.version) storeClaimed(db, res.order, this.now());
        this.o.onOrdersChanged([id]);
      } catch (e) {
        if (e instanceof HttpError && e.status !== 401 && e.status < 500) continue;
        throw e;
      }
    }
  }

  private async pull(): Promise<void> {
    const { db, http } = this.o;
    const initial = getSyncState(db).cursor === START_CURSOR;
    let done = 0;
    for (;;) {
      const state = getSyncState(db);
      let page;
      try {
        page = await http.request('GET', '/sync/pull', PullResponse, {
          query: { clientId: state.clientId, cursor: state.cursor, limit: this.o.pullLimit ?? 500 },
          timeoutMs: 60_000,
        });
      } catch (e) {
        // A cursor the server does not know (its database was replaced) restarts the pull from the beginning.
        if (e instanceof HttpError && e.status === 400 && e.field === 'cursor' && state.cursor !== START_CURSOR) {
          setCursor(db, START_CURSOR, this.now().toISOString());
          continue;
        }
        throw e;
      }
      const changed = applyPullPage(db, page, this.now().toISOString());
      if (changed.length) this.o.onOrdersChanged(changed);
      done += page.orders.length + page.removed.length;
      if (initial || page.more) this.update({ progress: { done, total: page.remaining === undefined ? null : done + page.remaining } });
      if (!page.more || page.cursor === state.cursor) return;
    }
  }

  private now(): Date {
    return this.o.now ? this.o.now() : new Date();
  }

  private update(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch, pending: this.pendingCount() };
    this.o.onStatus(this.status);
  }
}
