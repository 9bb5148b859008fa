/**
 * Browser-mode transport: the IPC contract over the host's loopback WebSocket. Calls made while
 * (re)connecting wait for the socket; replies and events are validated with the contract's zod
 * schemas; the socket reconnects with backoff. Calls in flight when the socket drops answer
 * `{ok:false,error:{code:'disconnected'}}`.
 */
import { channels, events, type Api, type ChannelName, type EventName, type IpcReply } from '../../shared/ipc/contract';
import { ServerFrame, SOCKET_PATH, TOKEN_PARAM } from '../../shared/ipc/socket-protocol';
import { badResponseText } from './reply';

/** Minimal WebSocket constructor shape (the browser's, or `ws` in Node tests). */
export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}
export type SocketCtor = new (url: string) => SocketLike;

export interface SocketApiOptions {
  /** ws:// URL of the host's socket including `?t=TOKEN`. */
  url: string;
  WebSocketImpl: SocketCtor;
  /** Per-call timeout (ms). */
  timeoutMs?: number;
}

/** The socket URL for the page's own origin and the token of its query string. */
export function socketUrlFromLocation(loc: { protocol: string; host: string; search: string }): string {
  const token = new URLSearchParams(loc.search).get(TOKEN_PARAM) ?? '';
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}${SOCKET_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
}

interface Pending { channel: ChannelName; resolve: (r: IpcReply<unknown>) => void; timer: ReturnType<typeof setTimeout> }

/** Creates the socket-backed Api plus `close()` (tests, page unload). */
export function createSocketApi(o: SocketApiOptions): Api & { close(): void } {
  let ws: SocketLike | null = null;
  let open = false;
  let closed = false;
  let attempt = 0;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const waiting: string[] = [];
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();

  const connect = (): void => {
    if (closed) return;
    const sock = new o.WebSocketImpl(o.url);
    ws = sock;
    sock.onopen = () => {
      open = true;
      attempt = 0;
      for (const text of waiting.splice(0)) sock.send(text);
    };
    sock.onmessage = (ev) => {
      let frame;
      try { frame = ServerFrame.safeParse(JSON.parse(String(ev.data))); } catch { return; }
      if (!frame.success) return;
      const f = frame.data;
      if (f.type === 'reply') {
        const p = pending.get(f.id);
        if (!p) return;
        pending.delete(f.id);
        clearTimeout(p.timer);
        if (!f.reply.ok) { p.resolve(f.reply); return; }
        const value = channels[p.channel].res.safeParse(f.reply.value);
        p.resolve(value.success ? { ok: true, value: value.data } : { ok: false, error: { code: 'bad_response', message: badResponseText(p.channel, value.error.issues) } });
        return;
      }
      const name = f.event as EventName;
      if (!Object.prototype.hasOwnProperty.call(events, name)) return;
      const payload = events[name].safeParse(f.payload);
      if (!payload.success) return;
      for (const l of listeners.get(name) ?? []) l(payload.data);
    };
    sock.onerror = () => { /* onclose follows */ };
    sock.onclose = () => {
      open = false;
      if (ws === sock) ws = null;
      for (const [id, p] of pending) {
        clearTimeout(p.timer);
        p.resolve({ ok: false, error: { code: 'disconnected', message: 'Связь с приложением прервалась, повторите действие.' } });
        pending.delete(id);
      }
      if (closed) return;
      const delay = Math.min(10_000, 250 * 2 ** Math.min(attempt++, 6)) * (0.5 + Math.random() / 2);
      setTimeout(connect, delay);
    };
  };

  const call = (channel: ChannelName, arg: unknown): Promise<IpcReply<unknown>> =>
    new Promise((resolve) => {
      if (closed) { resolve({ ok: false, error: { code: 'closed', message: 'Соединение закрыто.' } }); return; }
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve({ ok: false, error: { code: 'timeout', message: `${channel}: нет ответа.` } });
      }, o.timeoutMs ?? 120_000);
      pending.set(id, { channel, resolve, timer });
      const text = JSON.stringify({ type: 'call', id, channel, arg: arg ?? {} });
      if (ws && open) ws.send(text);
      else waiting.push(text);
    });

  connect();
  const methods = Object.fromEntries((Object.keys(channels) as ChannelName[]).map((name) => [name, (req: unknown) => call(name, req)]));
  return {
    ...methods,
    on(event: EventName, listener: (p: never) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (p: unknown) => void);
      listeners.set(event, set);
      return () => { set.delete(listener as (p: unknown) => void); };
    },
    close() {
      closed = true;
      ws?.close();
    },
  } as unknown as Api & { close(): void };
}
