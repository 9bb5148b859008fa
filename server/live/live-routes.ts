import type { RawData, WebSocket } from 'ws';
import type { RouteModule } from '../app-deps';
import { ClientMessage, type AgentStateResponse, type ServerMessage } from '../../shared/api/live';
import { bearerOf, userByToken } from '../auth/session';
import { ANY_ROLE, allow, userOf } from '../auth/access';
import { hashToken } from '../auth/passwords';
import { LiveHub, type LiveConn } from './hub';
import { currentState, recordQuality, resumeState, type StateChange } from './agent-state';
import { StateWriter } from './state-writer';

/** Close code of an unauthenticated live socket. */
export const CLOSE_UNAUTHORIZED = 4401;
const AUTH_TIMEOUT_MS = 5000;
const PING_EVERY_MS = 30_000;

/**
 * GET /live — the WebSocket of the live channel. Auth by `Authorization: Bearer` or a first
 * `hello {token}` message within 5 s (else close 4401). Every client message is zod-parsed (bad →
 * an `error` message). Agent states go to `agent_events` and the bus, coalesced across sockets
 * by StateWriter; quality samples to the bus; a socket closing without a newer state records `offline`.
 */
export const liveRoutes: RouteModule = (app, deps) => {
  const hub = new LiveHub(deps, app.log, Number(process.env.REMINDER_EVERY_MS ?? 10_000));
  let closing = false;
  app.addHook('onClose', async () => {
    closing = true;
    hub.close();
  });

  const states = new StateWriter(deps.db, deps.bus);
  const publishState = (userId: number, change: StateChange, remoteNumber: string | null = null) =>
    states.write({ userId, change, at: deps.now(), remoteNumber });

  /** GET agent/state — the caller's agent state to resume in this login session (a desk reloaded or restarted). */
  app.get('/agent/state', allow(ANY_ROLE, 'own'), async (req): Promise<AgentStateResponse> => {
    const user = userOf(req);
    return { resume: await resumeState(deps.db, user.id, hashToken(bearerOf(req) ?? '')) };
  });

  app.get('/live', { websocket: true, config: { access: 'socket' } }, (socket: WebSocket, req) => {
    let conn: LiveConn | null = null;
    let chain: Promise<void> = Promise.resolve();
    let alive = true;
    const send = (msg: ServerMessage) => hub.send(socket, msg);
    const fail = (code: string, message: string) => send({ type: 'error', code, message });
    const unauthorized = () => socket.close(CLOSE_UNAUTHORIZED, 'unauthorized');

    const authTimer = setTimeout(() => { if (!conn) unauthorized(); }, AUTH_TIMEOUT_MS);
    const pingTimer = setInterval(() => {
      if (!alive) { socket.terminate(); return; }
      alive = false;
      socket.ping();
    }, PING_EVERY_MS);
    socket.on('pong', () => { alive = true; });

    const establish = async (token: string) => {
      const user = await userByToken(deps.db, token);
      if (!user) { unauthorized(); return; }
      if (socket.readyState !== socket.OPEN) return;
      clearTimeout(authTimer);
      conn = { ws: socket, user };
      hub.add(conn);
      send({ type: 'welcome', userId: user.id, serverTime: deps.now().toISOString() });
      if (user.role === 'lead' || user.role === 'admin') send(await hub.boardFor(user));
      if (user.role === 'operator') await hub.checkReminders();
    };

    const handle = async (raw: RawData, isBinary: boolean) => {
      alive = true;
      let data: unknown;
      try {
        if (isBinary) throw new Error('binary');
        data = JSON.parse(raw.toString());
      } catch {
        if (!conn) { unauthorized(); return; }
        fail('invalid_message', 'Ожидается JSON-сообщение');
        return;
      }
      const parsed = ClientMessage.safeParse(data);
      if (!parsed.success) {
        if (!conn) { unauthorized(); return; }
        const issue = parsed.error.issues[0];
        fail('invalid_message', issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid message');
        return;
      }
      const msg = parsed.data;
      if (!conn) {
        if (msg.type !== 'hello') { unauthorized(); return; }
        await establish(msg.token);
        return;
      }
      const user = conn.user;
      switch (msg.type) {
        case 'hello':
          fail('already_authenticated', 'Соединение уже авторизовано');
          return;
        case 'state':
          await publishState(user.id, { state: msg.state, breakReason: msg.breakReason, orderId: msg.orderId, callId: msg.callId, sipRegistered: msg.sipRegistered }, msg.remoteNumber ?? null);
          return;
        case 'quality':
          if (await recordQuality(deps.db, user.id, msg.callId, msg.quality)) {
            await deps.bus.publish({ kind: 'quality', userId: user.id, callId: msg.callId, quality: msg.quality, at: deps.now().toISOString() });
          }
          return;
        case 'heartbeat':
          return;
      }
    };

    socket.on('message', (raw: RawData, isBinary: boolean) => {
      chain = chain.then(() => handle(raw, isBinary)).catch((err: unknown) => {
        req.log.warn({ err }, 'live message failed');
        fail('internal', 'Не удалось обработать сообщение');
      });
    });
    socket.on('close', () => {
      clearTimeout(authTimer);
      clearInterval(pingTimer);
      const c = conn;
      if (!c) return;
      const last = hub.remove(c);
      if (!last || closing) return;
      chain = chain.then(async () => {
        if (closing) return;
        const state = await currentState(deps.db, c.user.id);
        if (state !== null && state !== 'offline') {
          await publishState(c.user.id, { state: 'offline', breakReason: null, orderId: null, callId: null, sipRegistered: null });
        }
      }).catch((err: unknown) => req.log.warn({ err }, 'recording offline failed'));
    });

    const token = bearerOf(req);
    if (token) chain = chain.then(() => establish(token)).catch(() => unauthorized());
    else if (req.headers.authorization) unauthorized();
  });
};
