/**
 * The browser-mode host survives anything a web page or a local process can send: random request
 * lines, methods, headers, malformed escapes (`GET /%E0%A4%A` used to kill it), random upgrades
 * and random WebSocket frames (non-JSON, wrong shapes, binary, oversized, invalid at the protocol
 * level). Every HTTP request is answered 2xx/4xx, never 5xx, and the host keeps serving.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import WebSocket from 'ws';
import { startSocketHost, type SocketHost } from '../../main/browser-host/socket-host';
import type { Handlers } from '../../main/ipc/ipc-core';
import { createLogger } from '../../main/log';
import { channels, type ChannelName } from '../../shared/ipc/contract';
import { MAX_FRAME_BYTES } from '../../shared/ipc/socket-protocol';
import { rmTmp, tmpDir } from './fixtures';

jest.setTimeout(120_000);

const names = Object.keys(channels) as ChannelName[];
const status = { online: true, pending: 0, lastSyncAt: null, syncing: false, progress: null, lastError: null };

/**
 * Sends raw bytes as one HTTP request and resolves the status code of the answer (0: closed
 * without an answer). `halfClose` ends our side after sending (for garbage that might not form a
 * complete request); a complete request keeps it open, as browsers do, until the host answers.
 */
function rawRequest(port: number, bytes: Buffer, halfClose = false): Promise<number> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let got = '';
    let done = false;
    const end = (code: number): void => { if (!done) { done = true; sock.destroy(); resolve(code); } };
    sock.on('connect', () => (halfClose ? sock.end(bytes) : sock.write(bytes)));
    sock.on('data', (d: Buffer) => {
      got += d.toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(got);
      if (m) end(Number(m[1]));
      else if (got.includes('\r\n')) end(-1);
    });
    sock.on('error', () => end(0));
    sock.on('close', () => end(0));
  });
}

/** A path made of tricky pieces: escapes (valid, malformed, encoded separators/dots/NUL), dots, real files. */
const pathArb = fc.array(fc.oneof(
  fc.constantFrom('..', '.', '%2e%2e', '%2f', '%5c', '%00', '%', '%E0%A4%A', '%ZZ', '%C0%AF', 'index.html', 'assets', 'app.js', '.env', '~', '%25', 'ipc', '%F0%9F%98%80', 'a%2F..%2F..%2Fetc%2Fpasswd'),
  fc.stringMatching(/^[\x21-\x7e]{0,12}$/),
), { maxLength: 6 }).map((parts) => `/${parts.join('/')}`);
const methodArb = fc.oneof(fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'PRI', 'CONNECT'), fc.stringMatching(/^[A-Za-z]{1,10}$/));
/** Random headers, minus those that would make the host wait for a body or switch protocols. */
const headerArb = fc.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/), fc.stringMatching(/^[\x20-\x7e]{0,60}$/))
  .filter(([k]) => !['content-length', 'transfer-encoding', 'expect', 'upgrade', 'connection', 'host'].includes(k.toLowerCase()));
const tailArb = fc.oneof(fc.constant(''), fc.stringMatching(/^\?[\x21-\x7e]{0,30}$/), fc.constant('?t=wrong'));

describe('browser-mode host under fuzzing', () => {
  let host: SocketHost;
  let dir: string;
  const logged: string[] = [];
  beforeAll(async () => {
    dir = tmpDir('prozvon-fuzz-');
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><meta charset="UTF-8" /><title>Prozvon</title></head><body></body></html>');
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, '.env'), 'SECRET=1');
    const handlers = Object.fromEntries(names.map((n) => [n, () => null])) as unknown as Handlers;
    handlers['sync.status'] = () => status;
    handlers['settings.get'] = () => { throw new Error('boom'); };
    const stream = new Writable({ write(chunk: Buffer, _e, cb) { logged.push(String(chunk)); cb(); } });
    host = await startSocketHost({ handlers, rendererDir: dir, logger: createLogger({ level: 'debug', stream }) });
  });
  afterAll(async () => { await host.close(); rmTmp(dir); });
  const own = () => `http://127.0.0.1:${host.port}`;
  const alive = async (): Promise<void> => {
    const res = await fetch(`${own()}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Prozvon</title>');
  };

  test('a malformed escape is a 400, not a crash', async () => {
    const res = await fetch(`${own()}/%E0%A4%A`);
    expect(res.status).toBe(400);
    expect((await fetch(`${own()}/assets/%E0%A4%A.js`)).status).toBe(400);
    await alive();
  });

  test('traversal and dotfiles never leave the renderer folder', async () => {
    for (const p of ['/..%2f..%2fetc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/.env', '/assets/..%5c..%5c.env']) {
      const res = await fetch(`${own()}${p}`);
      expect(res.status).toBeLessThan(500);
      const text = await res.text();
      expect(text).not.toContain('SECRET');
      expect(text).not.toContain('root:');
    }
    const js = await fetch(`${own()}/assets/app.js`);
    expect([js.status, js.headers.get('content-type'), js.headers.get('content-security-policy')]).toEqual([200, 'text/javascript; charset=utf-8', host.csp]);
  });

  test('random request lines, methods and headers get 2xx/4xx answers', async () => {
    await fc.assert(fc.asyncProperty(methodArb, pathArb, tailArb, fc.array(headerArb, { maxLength: 5 }), fc.boolean(), async (method, p, tail, headers, ownHost) => {
      const lines = [`${method} ${p}${tail} HTTP/1.1`, `Host: ${ownHost ? `127.0.0.1:${host.port}` : 'evil.example'}`, ...headers.map(([k, v]) => `${k}: ${v}`), 'Connection: close', '', ''];
      const code = await rawRequest(host.port, Buffer.from(lines.join('\r\n'), 'latin1'));
      expect(code).toBeGreaterThanOrEqual(200);
      expect(code).toBeLessThan(500);
    }), { numRuns: 300 });
    await alive();
  });

  test('garbage bytes instead of a request get a 4xx or a closed connection', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 300 }), async (bytes) => {
      const code = await rawRequest(host.port, Buffer.concat([Buffer.from(bytes), Buffer.from('\r\n\r\n')]), true);
      expect(code === 0 || (code >= 400 && code < 500)).toBe(true);
    }), { numRuns: 100 });
    expect(await rawRequest(host.port, Buffer.from(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`))).toBe(431);
    await alive();
  });

  test('random upgrades open only with the right path, Host, Origin and token', async () => {
    const attempt = (url: string, origin: string | undefined, hostHeader: string) => new Promise<string>((resolve) => {
      const ws = new WebSocket(url, { origin, headers: { host: hostHeader } });
      ws.on('open', () => { ws.close(); resolve('open'); });
      ws.on('unexpected-response', (_req, res) => { resolve(String(res.statusCode)); ws.terminate(); });
      ws.on('error', () => resolve('error'));
    });
    await fc.assert(fc.asyncProperty(
      fc.constantFrom('/ipc', '/ipc/', '/', '/IPC', '/%E0%A4%A', '/ipc%00'),
      fc.oneof(fc.constant(null), fc.constant('right'), fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/)),
      fc.constantFrom<string | undefined>('own', undefined, 'http://evil.example', 'null', 'http://127.0.0.1:1'),
      fc.boolean(),
      async (p, t, origin, ownHost) => {
        const query = t === null ? '' : `?t=${t === 'right' ? host.token : encodeURIComponent(t)}`;
        const got = await attempt(`ws://127.0.0.1:${host.port}${p}${query}`, origin === 'own' ? own() : origin, ownHost ? `127.0.0.1:${host.port}` : 'evil.example');
        const shouldOpen = p === '/ipc' && t === 'right' && origin === 'own' && ownHost;
        expect(got === 'open').toBe(shouldOpen);
        if (!shouldOpen) expect(['400', '401', '403', '404', '421']).toContain(got);
      },
    ), { numRuns: 120 });
    await alive();
  });

  test('random frames on an open socket are ignored or answered, and the socket keeps answering calls', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ipc?t=${host.token}`, { origin: own() });
    await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
    const replies = new Map<number, unknown>();
    const waiters = new Map<number, (v: unknown) => void>();
    ws.on('message', (d) => {
      const f = JSON.parse(String(d)) as { type: string; id: number; reply: unknown };
      if (f.type !== 'reply') return;
      replies.set(f.id, f.reply);
      waiters.get(f.id)?.(f.reply);
    });
    const call = (id: number, channel: string, arg: unknown) => new Promise<unknown>((resolve) => {
      waiters.set(id, resolve);
      ws.send(JSON.stringify({ type: 'call', id, channel, arg }));
    });
    let id = 1_000_000;
    try {
      await fc.assert(fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }).map((s) => ({ text: s })),
          fc.json().map((s) => ({ text: s })),
          fc.anything().map((v) => ({ text: JSON.stringify(v) ?? 'undefined' })),
          fc.uint8Array({ maxLength: 200 }).map((b) => ({ binary: Buffer.from(b) })),
          fc.record({ type: fc.constantFrom('call', 'reply', 'event', 'x'), id: fc.oneof(fc.integer(), fc.double(), fc.string()), channel: fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 120 })), arg: fc.anything() })
            .map((f) => ({ text: JSON.stringify(f) })),
        ),
        async (frame) => {
          if ('binary' in frame) ws.send(frame.binary);
          else ws.send(frame.text);
          id += 1;
          expect(await call(id, 'sync.status', {})).toEqual({ ok: true, value: status });
        },
      ), { numRuns: 200 });
      expect(await call(++id, 'settings.get', { key: 'x' })).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(await call(++id, 'no.such.channel', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    } finally {
      ws.close();
    }
    expect(logged.join('')).toContain('ipc handler failed');
  });

  test('an oversized frame closes only that socket', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ipc?t=${host.token}`, { origin: own() });
    await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(MAX_FRAME_BYTES + 1));
    expect(await closed).toBe(1009);
    await alive();
  });

  test('frames invalid at the protocol level (unmasked, reserved opcode, bad length) do not crash the host', async () => {
    const garbage = [
      Buffer.from([0x81, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f]), // unmasked text frame from a client
      Buffer.from([0x83, 0x80, 1, 2, 3, 4]), // reserved opcode 3
      Buffer.from([0xc1, 0x80, 1, 2, 3, 4]), // RSV1 without an extension
      Buffer.from([0x81, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), // 64-bit length with the top bit set
      Buffer.from([0x88, 0x82, 0, 0, 0, 0, 0x03, 0xe7]), // close with an invalid code 999
    ];
    for (const g of garbage) {
      const sock = net.connect(host.port, '127.0.0.1');
      const closed = new Promise<void>((resolve) => sock.once('close', () => resolve()));
      sock.on('error', () => undefined);
      let upgraded = false;
      sock.on('data', (d: Buffer) => {
        if (upgraded || !String(d).startsWith('HTTP/1.1 101')) return;
        upgraded = true;
        sock.write(g);
      });
      sock.write([
        `GET /ipc?t=${host.token} HTTP/1.1`, `Host: 127.0.0.1:${host.port}`, `Origin: ${own()}`, 'Upgrade: websocket', 'Connection: Upgrade',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13', '', '',
      ].join('\r\n'));
      await closed;
      expect(upgraded).toBe(true);
    }
    await alive();
  });
});
