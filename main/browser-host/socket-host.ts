/**
 * Browser-mode host: serves the built renderer on 127.0.0.1 and speaks the IPC contract over a
 * loopback WebSocket (`/ipc?t=TOKEN`). Connections need the random token and our own Origin;
 * requests need our own Host header (DNS rebinding). Calls go through the same dispatcher as
 * Electron's IPC. Static files are served by `send` (decoding, traversal and range handling);
 * no request, upgrade or frame can throw out of its handler: each is answered (4xx for bad input)
 * and logged with its own request id.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import send from 'send';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { CallFrame, MAX_FRAME_BYTES, SOCKET_PATH, TOKEN_PARAM, type ServerFrame } from '../../shared/ipc/socket-protocol';
import { cspHeader, cspPolicy, cspSourcesFromEnv, injectCspMeta, type CspSources } from '../csp';
import { createDispatcher, type Handlers } from '../ipc/ipc-core';
import { log as defaultLog, requestId, type Logger } from '../log';

export interface SocketHostOptions {
  handlers: Handlers;
  /** Folder of the built renderer (index.html); null serves a short notice instead. */
  rendererDir: string | null;
  port?: number;
  token?: string;
  /** Extra allowed origins (e.g. the Vite dev server). */
  extraOrigins?: string[];
  /** Where the page may connect (CSP `connect-src`): the CRM server and the PBX; from the environment when absent. */
  csp?: CspSources;
  onError?: (channel: string, e: unknown) => void;
  /** Log lines of requests and failures (the process logger by default). */
  logger?: Logger;
}

export interface SocketHost {
  port: number;
  token: string;
  url: string;
  /** The Content-Security-Policy header of every page (the served index.html's `<meta>` carries the same policy). */
  csp: string;
  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

/** Constant-time token comparison. */
export function tokenMatches(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Ends a response that may already be half-sent, without throwing. */
function finish(res: http.ServerResponse, status: number, text = ''): void {
  if (res.headersSent) { res.destroy(); return; }
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(text);
}

/** Starts the host on 127.0.0.1. */
export async function startSocketHost(o: SocketHostOptions): Promise<SocketHost> {
  const token = o.token ?? randomBytes(24).toString('base64url');
  const logger = o.logger ?? defaultLog;
  const sources = o.csp ?? cspSourcesFromEnv(process.env);
  const csp = cspHeader(sources);
  const metaPolicy = cspPolicy(sources);
  let port = 0;
  const ownOrigins = (): string[] => [`http://127.0.0.1:${port}`, `http://localhost:${port}`, ...(o.extraOrigins ?? [])];
  const ownHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
  const sockets = new Set<WebSocket>();
  const trusted = (s: { url: string | null }): boolean => typeof s.url === 'string' && ownOrigins().includes(s.url);
  const base: Record<string, string> = {
    'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'DENY', 'Cache-Control': 'no-store',
  };

  const serveIndex = (req: http.IncomingMessage, res: http.ServerResponse, root: string, reqLog: Logger): void => {
    fs.promises.readFile(path.join(root, 'index.html'), 'utf8').then((html) => {
      const body = Buffer.from(injectCspMeta(html, metaPolicy));
      res.writeHead(200, { ...base, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(body.length) });
      res.end(req.method === 'HEAD' ? undefined : body);
    }).catch((e: unknown) => {
      reqLog.error({ err: e }, 'index.html unreadable');
      finish(res, 404, 'Not found');
    });
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, reqLog: Logger): void => {
    if (!ownHosts().includes(req.headers.host ?? '')) { finish(res, 421, 'Misdirected request'); return; }
    if (req.method !== 'GET' && req.method !== 'HEAD') { res.setHeader('Allow', 'GET, HEAD'); finish(res, 405, 'Method not allowed'); return; }
    const target = req.url ?? '/';
    if (!target.startsWith('/')) { finish(res, 400, 'Bad request'); return; }
    if (!o.rendererDir) { res.writeHead(200, { ...base, 'Content-Type': 'text/plain; charset=utf-8' }).end('Prozvon host: the renderer is not built (npm run build).'); return; }
    const root = path.resolve(o.rendererDir);
    const pathname = target.split(/[?#]/, 1)[0] ?? '/';
    if (pathname === '/' || pathname === '/index.html') { serveIndex(req, res, root, reqLog); return; }
    const file = send(req, pathname, { root, index: false, dotfiles: 'ignore', cacheControl: false });
    file.on('headers', (r: http.ServerResponse) => { for (const [k, v] of Object.entries(base)) r.setHeader(k, v); });
    // Unknown paths and folders are client-side routes of the single-page app.
    file.on('directory', () => serveIndex(req, res, root, reqLog));
    file.on('error', (e: { status?: number; statusCode?: number }) => {
      const status = e.status ?? e.statusCode ?? 500;
      if (status === 404) { serveIndex(req, res, root, reqLog); return; }
      if (status >= 500) reqLog.error({ err: e }, 'static file failed');
      finish(res, status, http.STATUS_CODES[status] ?? 'Error');
    });
    file.pipe(res);
  };

  const server = http.createServer((req, res) => {
    const reqLog = logger.child({ reqId: requestId() });
    res.once('finish', () => reqLog.debug({ method: req.method, url: req.url, status: res.statusCode }, 'http request'));
    try {
      handle(req, res, reqLog);
    } catch (e) {
      reqLog.error({ err: e, method: req.method, url: req.url }, 'http request failed');
      finish(res, 500, 'Internal error');
    }
  });
  server.on('clientError', (e: NodeJS.ErrnoException, socket: Socket) => {
    logger.debug({ err: e }, 'malformed http request');
    const [code, text] = e.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : e.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout'] : [400, 'Bad Request'];
    if (socket.writable && e.code !== 'ECONNRESET') socket.end(`HTTP/1.1 ${code} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
  });
  // CONNECT (proxy tunnels) would otherwise drop the connection without an answer.
  server.on('connect', (_req: http.IncomingMessage, socket: Socket) => {
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });

  const onFrame = (ws: WebSocket, origin: string, connLog: Logger, data: RawData, isBinary: boolean): void => {
    if (isBinary) { connLog.debug('binary frame ignored'); return; }
    let frame: CallFrame;
    try {
      const parsed = CallFrame.safeParse(JSON.parse(String(data)));
      if (!parsed.success) { connLog.debug('malformed frame ignored'); return; }
      frame = parsed.data;
    } catch {
      connLog.debug('non-JSON frame ignored');
      return;
    }
    const callLog = connLog.child({ reqId: requestId(), channel: frame.channel.slice(0, 100) });
    const dispatch = createDispatcher(o.handlers, trusted, (channel, e) => {
      callLog.error({ err: e }, 'ipc handler failed');
      o.onError?.(channel, e);
    });
    callLog.debug('ipc call');
    dispatch({ id: 'socket', url: origin }, frame.channel, frame.arg).then((reply) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'reply', id: frame.id, reply } satisfies ServerFrame));
    }).catch((e: unknown) => callLog.error({ err: e }, 'ipc reply failed'));
  };

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
    const connLog = logger.child({ reqId: requestId() });
    socket.on('error', (e) => connLog.debug({ err: e }, 'upgrade socket error'));
    const refuse = (code: number, text: string): void => {
      connLog.debug({ status: code, url: req.url }, 'socket refused');
      socket.end(`HTTP/1.1 ${code} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    try {
      const raw = req.url ?? '/';
      const url = raw.startsWith('/') ? new URL(raw, 'http://localhost') : null;
      const origin = req.headers.origin ?? '';
      if (!url || url.pathname !== SOCKET_PATH) return refuse(404, 'Not Found');
      if (!ownHosts().includes(req.headers.host ?? '')) return refuse(421, 'Misdirected Request');
      if (!ownOrigins().includes(origin)) return refuse(403, 'Forbidden');
      if (!tokenMatches(url.searchParams.get(TOKEN_PARAM), token)) return refuse(401, 'Unauthorized');
      wss.handleUpgrade(req, socket, head, (ws) => {
        sockets.add(ws);
        connLog.debug('socket open');
        ws.on('close', () => sockets.delete(ws));
        ws.on('error', (e) => connLog.debug({ err: e }, 'socket error'));
        ws.on('message', (data, isBinary) => {
          try {
            onFrame(ws, origin, connLog, data, isBinary);
          } catch (e) {
            connLog.error({ err: e }, 'socket frame failed');
          }
        });
      });
    } catch (e) {
      connLog.error({ err: e }, 'upgrade failed');
      refuse(400, 'Bad Request');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  logger.info({ port }, 'browser host listening');

  return {
    port, token, csp, url: `http://127.0.0.1:${port}/?${TOKEN_PARAM}=${token}`,
    broadcast(event, payload) {
      const text = JSON.stringify({ type: 'event', event, payload } satisfies ServerFrame);
      for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
    },
    close: () => new Promise<void>((resolve) => {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
