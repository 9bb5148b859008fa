/**
 * The main-process services behind every IPC channel: session (login, restore, logout), the
 * per-login cache, the sync engine and the live channel. Used by both hosts (Electron and the
 * browser-mode Node host). Emits contract events through `emit`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  AddressSuggestResponse, ClaimResponse, CustomerHistory, DeliveryOptionsResponse, LoginResponse,
  OffersResponse, QueueCounts, QueuePage, ReasonsResponse, Script,
} from '../../shared/api/http';
import { OrderHistory } from '../../shared/api/order-history';
import { CenterContext, DEFAULT_REASONS, Order, type Offer, type Reason } from '../../shared/domain';
import type { EventName, EventPayload, OrderView, Req, Res, Session, SyncStatus } from '../../shared/ipc/contract';
import { dbFileFor, ensurePrivateDir, openDb, type Db } from '../db/open-db';
import { AppError, notLoggedIn, offlineError } from '../errors';
import { log } from '../log';
import { saveDraft, deleteDraft } from '../repos/drafts';
import { getOrder, heldOrderIds, rejectedUnheldIds, storeClaimed, unholdOrder } from '../repos/orders';
import { outboxForOrder } from '../repos/outbox';
import { readQueueCounts, readQueuePage, storeQueueCounts, storeQueuePage } from '../repos/queue';
import { clearRejections } from '../repos/rejections';
import { getCenter, getSetting, setCenter, setSetting } from '../repos/settings';
import { HttpClient, isNetworkError } from '../sync/http-client';
import { LiveClient } from '../sync/live-client';
import { SyncEngine } from '../sync/sync-engine';
import { writeFileAtomic, type StoredSession, type TokenStore } from '../sync/token-store';
import { logCallAndQueue, readOrderView, saveResultLocally } from './order-view';
import { callRoute, type RouteCall } from '../ipc/server-routes';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface MainServicesOptions {
  dataDir: string;
  tokenStore: TokenStore;
  emit: Emit;
  pullIntervalMs?: number;
  now?: () => Date;
}

interface Active {
  stored: StoredSession;
  db: Db;
  http: HttpClient;
  engine: SyncEngine;
  live: LiveClient;
}

const AppFile = z.object({ lastServer: z.string().nullable().default(null), settings: z.record(z.string(), z.unknown()).default({}) });
type AppFile = z.infer<typeof AppFile>;
const NextResponse = z.union([z.null(), z.object({ order: Order.nullable() })]);

export class MainServices {
  private active: Active | null = null;

  constructor(private readonly o: MainServicesOptions) {
    ensurePrivateDir(o.dataDir);
  }

  /** Restores the last session (token from the store) without needing the network. */
  restore(): Session | null {
    if (this.active) return this.session();
    const stored = this.o.tokenStore.load();
    if (!stored) return null;
    if (Date.parse(stored.auth.expiresAt) <= this.now().getTime()) {
      this.o.tokenStore.clear();
      return null;
    }
    this.open(stored);
    return this.session();
  }

  /** Logs in, keeps the token, opens this login's cache and starts syncing. */
  async login(req: Req<'auth.login'>): Promise<Session> {
    const serverUrl = req.serverUrl.replace(/\/+$/, '');
    const http = new HttpClient(serverUrl, () => null);
    let auth: LoginResponse;
    try {
      auth = await http.request('POST', '/auth/login', LoginResponse, { body: { login: req.login, password: req.password } });
    } catch (e) {
      if (isNetworkError(e)) throw new AppError('offline', `Сервер ${serverUrl} недоступен. Проверьте адрес и сеть.`);
      throw e;
    }
    await this.close();
    const stored: StoredSession = { serverUrl, login: auth.user.login, auth };
    this.o.tokenStore.save(stored);
    this.writeApp({ ...this.readApp(), lastServer: serverUrl });
    this.open(stored);
    if (this.active) setCenter(this.active.db, auth.center);
    return this.session()!;
  }

  /** Logs out on the server (best effort), forgets the token and closes the cache. */
  async logout(): Promise<void> {
    const a = this.active;
    if (a) await a.http.request('POST', '/auth/logout', z.unknown(), { timeoutMs: 3_000 }).catch(() => null);
    this.o.tokenStore.clear();
    await this.close();
  }

  /** The current session, or null. */
  session(): Session | null {
    const a = this.active;
    if (!a) return null;
    const center = this.center(a);
    return { serverUrl: a.stored.serverUrl, user: a.stored.auth.user, sip: a.stored.auth.sip, timeZone: center.timeZone, center };
  }

  lastServer(): string | null {
    return this.readApp().lastServer;
  }

  /** Records the server address proposed at the login form (browser mode: the spawned server). */
  setLastServer(url: string): void {
    this.writeApp({ ...this.readApp(), lastServer: url });
  }

  getSetting(key: string): unknown {
    return this.active ? getSetting(this.active.db, key) : (this.readApp().settings[key] ?? null);
  }

  setSetting(key: string, value: unknown): void {
    if (this.active) setSetting(this.active.db, key, value);
    else {
      const app = this.readApp();
      this.writeApp({ ...app, settings: { ...app.settings, [key]: value } });
    }
  }

  async queueCounts(): Promise<Res<'queue.counts'>> {
    const a = this.need();
    try {
      const counts = await a.http.request('GET', '/queue', QueueCounts);
      storeQueueCounts(a.db, counts, this.now().toISOString());
      return { ...counts, cached: false };
    } catch (e) {
      if (!isNetworkError(e)) throw e;
      a.engine.setOnline(false);
      return { ...readQueueCounts(a.db), cached: true };
    }
  }

  async queueList(req: Req<'queue.list'>): Promise<Res<'queue.list'>> {
    const a = this.need();
    try {
      const page = await a.http.request('GET', `/queue/${req.tab}`, QueuePage, { query: { offset: req.offset, limit: req.limit } });
      storeQueuePage(a.db, page, req.offset, req.limit, this.now().toISOString());
      return { ...page, cached: false };
    } catch (e) {
      if (!isNetworkError(e)) throw e;
      a.engine.setOnline(false);
      return { ...readQueuePage(a.db, req.tab, req.offset, req.limit), cached: true };
    }
  }

  /** Claims the next order by priority (online only). */
  async queueNext(): Promise<OrderView | null> {
    const a = this.need();
    const res = await this.online(a, 'взять следующий заказ', () => a.http.request('POST', '/queue/next', NextResponse, { body: {} }));
    const order = res?.order ?? null;
    if (!order) return null;
    return this.hold(a, order);
  }

  /** Claims a chosen order (online only). */
  async claim(orderId: number): Promise<OrderView> {
    const a = this.need();
    const res = await this.online(a, 'взять заказ', () => a.http.request('POST', `/orders/${orderId}/claim`, ClaimResponse, { body: {} }));
    return this.hold(a, res.order);
  }

  /** Releases a held order (pending edits are pushed first); a non-held order carrying a rejection is simply dismissed. */
  async release(orderId: number): Promise<void> {
    const a = this.need();
    const cached = getOrder(a.db, orderId);
    if (cached && !cached.held) {
      this.forget(a, orderId);
      return;
    }
    await a.engine.sync();
    await this.online(a, 'вернуть заказ в очередь', () => a.http.request('POST', `/orders/${orderId}/release`, z.unknown(), { body: {} }));
    this.forget(a, orderId);
  }

  /** Held orders plus those kept for a rejection, as the UI shows them. */
  held(): OrderView[] {
    const a = this.need();
    return [...heldOrderIds(a.db), ...rejectedUnheldIds(a.db)].map((id) => readOrderView(a.db, id)).filter((v): v is OrderView => v !== null);
  }

  getOrderView(orderId: number): OrderView {
    const view = readOrderView(this.need().db, orderId);
    if (!view) throw new AppError('not_found', `Заказа №${orderId} нет среди ваших заказов на этом компьютере.`);
    return view;
  }

  saveDraft(draft: Req<'draft.save'>): void {
    saveDraft(this.need().db, draft as Parameters<typeof saveDraft>[1]);
  }

  /** Saves a result: shared rules, outbox row + overlay in one transaction, then a push is started. */
  async saveResult(args: Req<'order.saveResult'>): Promise<Res<'order.saveResult'>> {
    const a = this.need();
    const [reasons, offers] = [this.cachedList<Reason>(a, 'cache.reasons') ?? DEFAULT_REASONS, this.cachedList<Offer>(a, 'cache.offers') ?? undefined];
    const mutationId = saveResultLocally(a.db, args as Parameters<typeof saveResultLocally>[1], { center: this.center(a), reasons, offers, now: this.now() });
    this.changed([args.orderId]);
    const queued = !a.engine.getStatus().online;
    void a.engine.sync();
    return { mutationId, queued };
  }

  logCall(call: Req<'call.log'>): { mutationId: number } {
    const a = this.need();
    const mutationId = logCallAndQueue(a.db, call, this.now());
    this.changed([call.orderId]);
    void a.engine.sync();
    return { mutationId };
  }

  async customerHistory(phone: string): Promise<Res<'customer.history'>> {
    const a = this.need();
    return this.online(a, 'история клиента доступна', () => a.http.request('GET', `/customers/by-phone/${encodeURIComponent(phone)}`, CustomerHistory));
  }

  /** The order's whole story from the server (online only). */
  async orderHistory(orderId: number): Promise<Res<'order.history'>> {
    const a = this.need();
    return this.online(a, 'смотреть историю заказа', () => a.http.request('GET', `/orders/${orderId}/history`, OrderHistory));
  }

  async reasons(): Promise<Reason[]> {
    const a = this.need();
    return this.cachedFetch(a, 'cache.reasons', async () => (await a.http.request('GET', '/reasons', ReasonsResponse)).reasons, DEFAULT_REASONS);
  }

  async offers(): Promise<Offer[]> {
    const a = this.need();
    return this.cachedFetch(a, 'cache.offers', async () => (await a.http.request('GET', '/offers', OffersResponse)).offers, []);
  }

  async script(offerSku: string): Promise<Res<'script.get'>> {
    const a = this.need();
    return this.cachedFetch(a, `cache.script.${offerSku}`, async () => {
      try {
        return await a.http.request('GET', `/scripts/${encodeURIComponent(offerSku)}`, Script);
      } catch (e) {
        if (e instanceof AppError && 'status' in e && e.status === 404) return null;
        throw e;
      }
    }, null);
  }

  async deliveryOptions(req: Req<'delivery.options'>): Promise<Res<'delivery.options'>> {
    const a = this.need();
    const query = { orderId: req.orderId, region: req.address.region || undefined, city: req.address.city || undefined, postalCode: req.address.postalCode ?? undefined };
    const res = await this.online(a, 'поиск вариантов доставки', () => a.http.request('GET', '/delivery/options', DeliveryOptionsResponse, { query }));
    return res.options;
  }

  async addressSuggest(req: Req<'address.suggest'>): Promise<Res<'address.suggest'>> {
    const a = this.need();
    const res = await this.online(a, 'подсказки адреса', () => a.http.request('GET', '/address/suggest', AddressSuggestResponse, { query: { q: req.q ?? '', level: req.level, parent: req.parent } }));
    return res.suggestions;
  }

  setAgentState(req: Req<'agent.setState'>): void {
    this.need().live.sendState({ type: 'state', ...req });
  }

  sendQuality(req: Req<'agent.quality'>): void {
    this.need().live.send({ type: 'quality', callId: req.callId, quality: req.quality });
  }

  syncStatus(): SyncStatus {
    return this.active?.engine.getStatus() ?? { online: false, pending: 0, lastSyncAt: null, syncing: false, progress: null, lastError: null };
  }

  async syncNow(): Promise<SyncStatus> {
    return this.need().engine.sync();
  }

  /** One authenticated call to a lead/admin route (built by main/ipc/server-routes.ts); the reply is parsed with `schema`. */
  async serverCall<S extends z.ZodType>(route: RouteCall, schema: S): Promise<z.output<S>> {
    const a = this.need();
    return this.online(a, 'запрос к серверу', () => callRoute(a.http, route, schema));
  }

  /** Downloads a report export file (path built by main/ipc/server-routes.ts) as base64. */
  async serverDownload(path: string): Promise<Res<'server.download'>> {
    const a = this.need();
    const file = await this.online(a, 'выгрузка файла', () => a.http.download(path));
    return { fileName: file.fileName, contentType: file.contentType, base64: file.bytes.toString('base64') };
  }

  /** Waits for the running sync cycle (tests, shutdown). */
  async idle(): Promise<void> {
    await this.active?.engine.idle();
  }

  /** Stops sync and live, closes the cache. */
  async close(): Promise<void> {
    const a = this.active;
    if (!a) return;
    this.active = null;
    a.live.stop();
    a.engine.stop();
    await a.engine.idle().catch(() => undefined);
    a.db.close();
    this.o.emit('sync.status', this.syncStatus());
  }

  private open(stored: StoredSession): void {
    const db = openDb(dbFileFor(this.o.dataDir, stored.login));
    log.info({ login: stored.login, server: stored.serverUrl }, 'session opened');
    let lastError: string | null = null;
    let pulledAt: string | null = null;
    const token = (): string | null => (this.active?.stored === stored ? stored.auth.token : null);
    const http = new HttpClient(stored.serverUrl, () => stored.auth.token, 15_000, () => void this.expire(stored));
    const engine = new SyncEngine({
      db, http,
      onStatus: (s) => {
        if (s.lastError && s.lastError !== lastError) log.warn({ login: stored.login, error: s.lastError, pending: s.pending }, 'sync failed');
        lastError = s.lastError;
        if (s.lastSyncAt !== pulledAt) { pulledAt = s.lastSyncAt; void this.refreshOffers(stored); }
        this.o.emit('sync.status', s);
      },
      onOrdersChanged: (ids) => this.changed(ids),
      onUnauthorized: () => void this.expire(stored),
      pullIntervalMs: this.o.pullIntervalMs,
      now: this.o.now,
    });
    const live = new LiveClient({
      serverUrl: stored.serverUrl,
      token,
      onMessage: (m) => {
        if (m.type === 'poke') void engine.sync();
        if (m.type === 'center.changed') setCenter(db, m.center);
        if (m.type === 'error' && m.code === 'unauthorized') void this.expire(stored);
        this.o.emit('live.message', m);
      },
      onOpen: () => { engine.setOnline(true); void engine.sync(); void this.refreshCenter(stored); },
      onUnauthorized: () => void this.expire(stored),
      onClose: () => { void engine.sync(); },
    });
    this.active = { stored, db, http, engine, live };
    engine.start();
    live.start();
  }

  private async expire(stored: StoredSession): Promise<void> {
    if (this.active?.stored !== stored) return;
    log.warn({ login: stored.login }, 'session expired');
    this.o.tokenStore.clear();
    await this.close();
    this.o.emit('auth.expired', null);
  }

  /** The center context of the rules: the cached one, else the login reply's. */
  private center(a: Active): CenterContext {
    return getCenter(a.db) ?? a.stored.auth.center;
  }

  /**
   * Re-reads the catalogue after every pull, so the local rule check of a save runs on the
   * server's current prices and promo terms (a stale price is refused before the save leaves);
   * a change is announced to the renderer (`catalogue.changed`) so the form shows the new prices.
   * Offline or refused: the cached list stays.
   */
  private async refreshOffers(stored: StoredSession): Promise<void> {
    const a = this.active;
    if (a?.stored !== stored) return;
    const fresh = await a.http.request('GET', '/offers', OffersResponse).catch(() => null);
    if (!fresh || this.active !== a) return;
    const changed = JSON.stringify(fresh.offers) !== JSON.stringify(this.cachedList<Offer>(a, 'cache.offers'));
    setSetting(a.db, 'cache.offers', fresh.offers);
    if (changed) this.o.emit('catalogue.changed', null);
  }

  /** Re-reads the center context on each live (re)connection (changes missed while offline); a change is announced like a live `center.changed`. */
  private async refreshCenter(stored: StoredSession): Promise<void> {
    const a = this.active;
    if (a?.stored !== stored) return;
    const center = await a.http.request('GET', '/center/context', CenterContext).catch(() => null);
    if (!center || this.active !== a || JSON.stringify(center) === JSON.stringify(this.center(a))) return;
    setCenter(a.db, center);
    this.o.emit('live.message', { type: 'center.changed', center });
  }

  private hold(a: Active, order: Order): OrderView {
    storeClaimed(a.db, order, this.now());
    this.changed([order.id]);
    return readOrderView(a.db, order.id)!;
  }

  private forget(a: Active, orderId: number): void {
    a.db.transaction(() => {
      const keep = outboxForOrder(a.db, orderId).length > 0;
      unholdOrder(a.db, orderId, keep);
      if (!keep) { deleteDraft(a.db, orderId); clearRejections(a.db, orderId); }
    })();
    this.changed([orderId]);
  }

  private async online<T>(a: Active, what: string, fn: () => Promise<T>): Promise<T> {
    try {
      const v = await fn();
      a.engine.setOnline(true);
      return v;
    } catch (e) {
      if (isNetworkError(e)) {
        a.engine.setOnline(false);
        throw offlineError(what);
      }
      throw e;
    }
  }

  private cachedList<T>(a: Active, key: string): T[] | null {
    const v = getSetting(a.db, key);
    return Array.isArray(v) ? (v as T[]) : null;
  }

  private async cachedFetch<T>(a: Active, key: string, fetchIt: () => Promise<T>, fallback: T): Promise<T> {
    try {
      const v = await fetchIt();
      setSetting(a.db, key, v);
      return v;
    } catch (e) {
      if (!isNetworkError(e)) throw e;
      a.engine.setOnline(false);
      const cached = getSetting(a.db, key);
      return cached === null ? fallback : (cached as T);
    }
  }

  private changed(ids: number[]): void {
    for (const orderId of ids) this.o.emit('order.changed', { orderId });
  }

  private need(): Active {
    if (!this.active) throw notLoggedIn();
    return this.active;
  }

  private now(): Date {
    return this.o.now ? this.o.now() : new Date();
  }

  private readApp(): AppFile {
    try {
      return AppFile.parse(JSON.parse(fs.readFileSync(path.join(this.o.dataDir, 'app.json'), 'utf8')));
    } catch {
      return AppFile.parse({});
    }
  }

  private writeApp(app: AppFile): void {
    writeFileAtomic(path.join(this.o.dataDir, 'app.json'), JSON.stringify(app), 0o600);
  }
}
