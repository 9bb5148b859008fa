/** Browser-mode socket host: token and Origin required, Host checked; the renderer's socket client speaks the contract through it. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import WebSocket from 'ws';
import { startSocketHost, type SocketHost } from '../../main/browser-host/socket-host';
import type { Handlers } from '../../main/ipc/ipc-core';
import { createSocketApi, type SocketCtor } from '../../renderer/api/socket-client';
import { channels, type ChannelName } from '../../shared/ipc/contract';
import { rmTmp, tmpDir } from './fixtures';

const names = Object.keys(channels) as ChannelName[];
const status = { online: true, pending: 0, lastSyncAt: null, syncing: false, progress: null, lastError: null };

/** Outcome of an upgrade attempt: 'open' or the HTTP status of the refusal. */
function tryConnect(url: string, origin: string | undefined, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { origin, headers });
    ws.on('open', () => { ws.close(); resolve('open'); });
    ws.on('unexpected-response', (_req, res) => { resolve(String(res.statusCode)); ws.terminate(); });
    ws.on('error', (e) => resolve(`error ${e.message}`));
  });
}

describe('browser-mode socket host', () => {
  let host: SocketHost;
  let dir: string;
  const seen: string[] = [];
  beforeAll(async () => {
    dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Prozvon</title>');
    const handlers = Object.fromEntries(names.map((n) => [n, () => { seen.push(n); return null; }])) as unknown as Handlers;
    handlers['sync.status'] = () => status;
    host = await startSocketHost({ handlers, rendererDir: dir });
  });
  afterAll(async () => { await host.close(); rmTmp(dir); });
  const own = () => `http://127.0.0.1:${host.port}`;
  const sock = (t: string) => `ws://127.0.0.1:${host.port}/ipc?t=${t}`;

  test('listens on 127.0.0.1 only and prints a URL with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?t=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  test('refuses a wrong or missing token', async () => {
    expect(await tryConnect(sock('wrong'), own())).toBe('401');
    expect(await tryConnect(`ws://127.0.0.1:${host.port}/ipc`, own())).toBe('401');
    expect(await tryConnect(sock(`${host.token}x`), own())).toBe('401');
  });

  test('refuses other origins, and a missing Origin', async () => {
    expect(await tryConnect(sock(host.token), 'http://evil.example')).toBe('403');
    expect(await tryConnect(sock(host.token), `http://127.0.0.1:${host.port + 1}`)).toBe('403');
    expect(await tryConnect(sock(host.token), undefined)).toBe('403');
  });

  test('refuses a foreign Host header (DNS rebinding) on the socket and on pages', async () => {
    expect(await tryConnect(sock(host.token), own(), { host: `evil.example:${host.port}` })).toBe('421');
    const status = await new Promise<number | undefined>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: host.port, path: '/', headers: { host: 'evil.example' } }, (res) => { res.resume(); resolve(res.statusCode); }).on('error', reject);
    });
    expect(status).toBe(421);
  });

  test('accepts the right token + origin; serves pages with a CSP', async () => {
    expect(await tryConnect(sock(host.token), own())).toBe('open');
    const res = await fetch(`${own()}/queue`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('<title>Prozvon</title>');
    expect((await fetch(`${own()}/..%2f..%2fetc/passwd`)).status).not.toBe(500);
  });

  test('the renderer socket client calls channels, gets zod-checked replies and events', async () => {
    class OwnOriginWs extends WebSocket {
      constructor(url: string) { super(url, { origin: `http://127.0.0.1:${host.port}` }); }
    }
    const api = createSocketApi({ url: sock(host.token), WebSocketImpl: OwnOriginWs as unknown as SocketCtor });
    try {
      expect(await api['sync.status']({})).toEqual({ ok: true, value: status });
      expect(await api['order.get']({ orderId: -1 })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      // order.get's handler answers null, which is not an OrderView: the client refuses the reply.
      expect(await api['order.get']({ orderId: 1 })).toMatchObject({ ok: false, error: { code: 'bad_response' } });
      const got = new Promise((resolve) => api.on('order.changed', resolve));
      host.broadcast('order.changed', { orderId: 42 });
      expect(await got).toEqual({ orderId: 42 });
    } finally {
      api.close();
    }
  });
});
