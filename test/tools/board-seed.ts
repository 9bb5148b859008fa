/**
 * Fills a demo server's live board for the screenshots: creates extra operators in the lead's team
 * through the admin API, logs each operator in, takes a real order for the ones that hold one,
 * and reports a varied live state over the live WebSocket (talking with call quality, hold,
 * wrap-up, breaks, offline with a held order, SIP unregistered). The sockets stay open until `close`.
 */
import WebSocket from 'ws';
import type { AgentState, BreakReason, CallQuality, ClientMessage } from '../../shared/api/live';

/** What one operator shows on the board. */
interface SeatPlan {
  login: string;
  name?: string;
  state: AgentState;
  breakReason?: BreakReason;
  holdsOrder?: boolean;
  quality?: CallQuality;
  sipRegistered?: boolean;
}

const GOOD: CallQuality = { rttMs: 45, jitterMs: 4, lossPct: 0 };
const FAIR: CallQuality = { rttMs: 210, jitterMs: 28, lossPct: 1.5 };
const POOR: CallQuality = { rttMs: 480, jitterMs: 70, lossPct: 7 };

/** The demo's operator2…5 and 15 new ones; operator1 is the desk of the operator screenshots. */
const SEATS: SeatPlan[] = [
  { login: 'operator2', state: 'talking', holdsOrder: true, quality: GOOD },
  { login: 'operator3', state: 'ready' },
  { login: 'operator4', state: 'break', breakReason: 'lunch' },
  { login: 'operator5', state: 'wrapUp', holdsOrder: true },
  { login: 'operator6', name: 'Кузнецова Анна', state: 'talking', holdsOrder: true, quality: FAIR },
  { login: 'operator7', name: 'Соколов Дмитрий', state: 'dialing', holdsOrder: true },
  { login: 'operator8', name: 'Морозова Елена', state: 'ringing', holdsOrder: true },
  { login: 'operator9', name: 'Волков Игорь', state: 'hold', holdsOrder: true, quality: GOOD },
  { login: 'operator10', name: 'Лебедева Марина', state: 'ready' },
  { login: 'operator11', name: 'Козлов Сергей', state: 'offline', holdsOrder: true },
  { login: 'operator12', name: 'Новикова Татьяна', state: 'talking', holdsOrder: true, quality: POOR },
  { login: 'operator13', name: 'Павлов Алексей', state: 'break', breakReason: 'technical' },
  { login: 'operator14', name: 'Фёдорова Наталья', state: 'ready', sipRegistered: false },
  { login: 'operator15', name: 'Орлов Павел', state: 'wrapUp', holdsOrder: true },
  { login: 'operator16', name: 'Андреева Юлия', state: 'talking', holdsOrder: true, quality: GOOD },
  { login: 'operator17', name: 'Никитин Виктор', state: 'offline' },
  { login: 'operator18', name: 'Захарова Светлана', state: 'break', breakReason: 'training' },
  { login: 'operator19', name: 'Ковалёв Роман', state: 'ready' },
  { login: 'operator20', name: 'Белова Ксения', state: 'offline', holdsOrder: true },
];

const IN_CALL: ReadonlySet<AgentState> = new Set(['dialing', 'ringing', 'talking', 'hold']);

/** A JSON request to the server's API; throws with the server's message on a non-2xx answer. */
async function request<T>(serverUrl: string, method: string, route: string, token: string | null, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${serverUrl}/api/v1${route}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok && res.status !== 409) throw new Error(`${method} ${route}: ${res.status} ${text}`);
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

async function login(serverUrl: string, user: string, password: string): Promise<string> {
  const r = await request<{ token: string }>(serverUrl, 'POST', '/auth/login', null, { login: user, password });
  return r.body.token;
}

/** Opens the live channel as the token's user and waits for the welcome. */
async function openLive(serverUrl: string, token: string): Promise<WebSocket> {
  const ws = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/api/v1/live`);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('live: no welcome in 15 s')), 15_000);
    ws.once('error', reject);
    ws.on('message', (raw: WebSocket.RawData) => {
      const msg = JSON.parse(String(raw)) as { type: string; message?: string };
      if (msg.type === 'welcome') { clearTimeout(timer); resolve(); }
      if (msg.type === 'error') { clearTimeout(timer); reject(new Error(`live: ${msg.message ?? 'error'}`)); }
    });
    ws.once('open', () => send(ws, { type: 'hello', token }));
  });
  return ws;
}

function send(ws: WebSocket, msg: ClientMessage): void {
  ws.send(JSON.stringify(msg));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Creates the missing operators (password `operator`) in the lead's team and puts every seat of
 * SEATS into its state, `spacingMs` apart so the times in state differ. Returns a closer.
 */
export async function seedBoard(serverUrl: string, spacingMs = 800): Promise<{ close(): Promise<void> }> {
  const adminToken = await login(serverUrl, 'admin', 'admin');
  const users = await request<{ users: { login: string; role: string; teamId: number | null }[] }>(serverUrl, 'GET', '/admin/users', adminToken);
  const teamId = users.body.users.find((u) => u.login === 'lead')?.teamId ?? null;
  for (const seat of SEATS) {
    if (!seat.name) continue;
    await request(serverUrl, 'POST', '/admin/users', adminToken, { login: seat.login, name: seat.name, role: 'operator', teamId, password: 'operator' });
  }
  const sockets: WebSocket[] = [];
  for (const [i, seat] of SEATS.entries()) {
    const token = await login(serverUrl, seat.login, 'operator');
    let orderId: number | null = null;
    if (seat.holdsOrder) {
      const next = await request<{ order: { id: number } } | null>(serverUrl, 'POST', '/queue/next', token);
      orderId = next.body?.order.id ?? null;
    }
    const ws = await openLive(serverUrl, token);
    const callId = IN_CALL.has(seat.state) ? `shots-call-${i + 1}` : null;
    send(ws, {
      type: 'state', state: seat.state, breakReason: seat.breakReason ?? null, orderId,
      callId, sipRegistered: seat.state === 'offline' ? null : (seat.sipRegistered ?? true),
    });
    if (callId && seat.quality) send(ws, { type: 'quality', callId, quality: seat.quality });
    sockets.push(ws);
    await sleep(spacingMs);
  }
  return {
    close: async () => {
      await Promise.all(sockets.map((ws) => new Promise<void>((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) { resolve(); return; }
        ws.once('close', () => resolve());
        ws.close();
      })));
    },
  };
}
