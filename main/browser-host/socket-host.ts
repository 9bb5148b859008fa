/**
 * Browser-mode host: serves the built renderer on 127.0.0.1 and speaks the IPC contract over a
 * loopback WebSocket (`/ipc?t=TOKEN`). Connections need the random token and our own Origin;
 * requests need our own Host header (DNS rebinding). Calls go through the same dispatcher as
 * Electron's IPC.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { CallFrame, MAX_FRAME_BYTES, SOCKET_PATH, TOKEN_PARAM, type ServerFrame } from '../../shared/ipc/socket-protocol';
import { CSP } from '../csp';
import { createDispatcher, type Handlers } from '../ipc/ipc-core';

export interface SocketHostOptions {
  handlers: Handlers;
  /** Folder of the built renderer (index.html); null serves a short notice instead. */
  rendererDir: string | null;
  port?: number;
  token?: string;
  /** Extra allowed origins (e.g. the Vite dev server). */
  extraOrigins?: string[];
  onError?: (channel: string, e: unknown) => void;
}

export interface SocketHost {
  port: number;
  token: string;
  url: string;
  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.wav': 'audio/wav', '.mp3': 'audio/mpeg', '.ogg': 'audio/ogg', '.map': 'application/json',
};

/** Constant-time token comparison. */
export function tokenMatches(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Starts the host on 127.0.0.1. */
export async function startSocketHost(o: SocketHostOptions): Promise<SocketHost> {
  const token = o.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const ownOrigins = (): string[] => [`http://127.0.0.1:${port}`, `http://localhost:${port}`, ...(o.extraOrigins ?? [])];
  const ownHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
  const sockets = new Set<WebSocket>();
  const dispatch = createDispatcher(o.handlers, (s) => typeof s.url === 'string' && ownOrigins().includes(s.url), o.onError);

  const server = http.createServer((req, res) => {
    if (!ownHosts().includes(req.headers.host ?? '')) { res.writeHead(421).end('Misdirected request'); return; }
    if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405).end(); return; }
    const base = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'DENY', 'Cache-Control': 'no-store' };
    if (!o.rendererDir) {
      res.writeHead(200, { ...base, 'Content-Type': 'text/plain; charset=utf-8' }).end('Prozvon host: the renderer is not built (npm run build).');
      return;
    }
    const root = path.resolve(o.rendererDir);
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.resolve(root, `.${rel}`);
    if (!file.startsWith(root + path.sep) && file !== root) { res.writeHead(403).end(); return; }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404, base).end('Not found'); return; }
      res.writeHead(200, { ...base, 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(req.method === 'HEAD' ? undefined : data);
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const origin = req.headers.origin ?? '';
    const refuse = (code: number, text: string): void => {
      socket.end(`HTTP/1.1 ${code} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== SOCKET_PATH) return refuse(404, 'Not Found');
    if (!ownHosts().includes(req.headers.host ?? '')) return refuse(421, 'Misdirected Request');
    if (!ownOrigins().includes(origin)) return refuse(403, 'Forbidden');
    if (!tokenMatches(url.searchParams.get(TOKEN_PARAM), token)) return refuse(401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        let frame: CallFrame;
        try {
          const parsed = CallFrame.safeParse(JSON.parse(String(data)));
          if (!parsed.success) return;
          frame = parsed.data;
        } catch {
          return;
        }
        void dispatch({ id: 'socket', url: origin }, frame.channel, frame.arg).then((reply) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'reply', id: frame.id, reply } satisfies ServerFrame));
        });
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port, token, url: `http://127.0.0.1:${port}/?${TOKEN_PARAM}=${token}`,
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
