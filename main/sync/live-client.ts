/**
 * Client of the live channel (`/api/v1/live`): says `hello` with the token, forwards server
 * messages, sends agent state (re-sent after every reconnect), heartbeats, and reconnects with
 * jittered backoff. `onOpen` fires after each (re)connection so the caller can pull.
 */
import WebSocket from 'ws';
import { ServerMessage, type ClientMessage } from '../../shared/api/live';
import { backoffDelay } from './backoff';

export interface LiveClientOptions {
  serverUrl: string;
  token: () => string | null;
  onMessage: (m: ServerMessage) => void;
  onOpen: () => void;
  onClose: () => void;
  /** The server closed the socket as unauthenticated (close code 4401). */
  onUnauthorized: () => void;
  heartbeatMs?: number;
  random?: () => number;
}

/** Close code the server uses for an unauthenticated live socket. */
export const CLOSE_UNAUTHORIZED = 4401;

type StateMessage = Extract<ClientMessage, { type: 'state' }>;

export class LiveClient {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private stopped = true;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private lastState: StateMessage | null = null;
  private alive = true;
  connected = false;

  constructor(private readonly o: LiveClientOptions) {}

  /** Connects (and keeps reconnecting until stop). */
  start(): void {
    this.stopped = false;
    this.connect();
  }

  /** Closes the channel for good. */
  stop(): void {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.reconnectTimer = this.heartbeat = null;
    this.ws?.terminate();
    this.ws = null;
    this.connected = false;
  }

  /** Sends the agent state now (when connected) and after every reconnect. */
  sendState(m: StateMessage): void {
    this.lastState = m;
    this.send(m);
  }

  /** Sends a message when connected; dropped otherwise (state is re-sent on reconnect). */
  send(m: ClientMessage): void {
    if (this.ws && this.ws.readyState === WebSocket.OPEN && this.connected) this.ws.send(JSON.stringify(m));
  }

  private connect(): void {
    const token = this.o.token();
    if (this.stopped || !token) return;
    const url = new URL('/api/v1/live', this.o.serverUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(url, { handshakeTimeout: 10_000 });
    this.ws = ws;
    ws.on('open', () => {
      ws.send(JSON.stringify({ type: 'hello', token } satisfies ClientMessage));
      this.connected = true;
      this.attempt = 0;
      this.alive = true;
      if (this.lastState) ws.send(JSON.stringify(this.lastState));
      this.heartbeat = setInterval(() => {
        if (!this.alive) { ws.terminate(); return; }
        this.alive = false;
        ws.ping();
        ws.send(JSON.stringify({ type: 'heartbeat' } satisfies ClientMessage));
      }, this.o.heartbeatMs ?? 20_000);
      this.heartbeat.unref();
      this.o.onOpen();
    });
    ws.on('pong', () => { this.alive = true; });
    ws.on('message', (data) => {
      this.alive = true;
      let json: unknown;
      try { json = JSON.parse(String(data)); } catch { return; }
      const parsed = ServerMessage.safeParse(json);
      if (parsed.success) this.o.onMessage(parsed.data);
    });
    ws.on('error', () => { /* 'close' follows and schedules the reconnect */ });
    ws.on('close', (code) => {
      if (this.heartbeat) clearInterval(this.heartbeat);
      this.heartbeat = null;
      const was = this.connected;
      this.connected = false;
      if (this.ws === ws) this.ws = null;
      if (was) this.o.onClose();
      if (code === CLOSE_UNAUTHORIZED) { this.stopped = true; this.o.onUnauthorized(); return; }
      if (this.stopped) return;
      const delay = backoffDelay(this.attempt++, 1_000, 30_000, this.o.random);
      this.reconnectTimer = setTimeout(() => this.connect(), delay);
      this.reconnectTimer.unref();
    });
  }
}
