/** `start-web` on its own: spawns the demo server as a child, serves on 127.0.0.1, SIGTERM stops both. */
import { spawn } from 'node:child_process';
import WebSocket from 'ws';
import { createSocketApi, type SocketCtor } from '../../renderer/api/socket-client';
import { buildHost, ok, removeBundle, ROOT } from './harness';
import { rmTmp, tmpDir } from './fixtures';

jest.setTimeout(400_000);

test('spawns the server, proposes it at the login form, logs in, and stops the server on SIGTERM', async () => {
  const dir = tmpDir('prozvon-web-');
  const bundle = await buildHost();
  const proc = spawn(process.execPath, [bundle], { cwd: ROOT, env: { ...process.env, PROZVON_DATA_DIR: dir, PROZVON_SERVER_URL: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    let out = '';
    const [url, serverUrl] = await new Promise<[string, string]>((resolve, reject) => {
      proc.stdout.on('data', (d: Buffer) => {
        out += String(d);
        const m = /Prozvon: (http:\/\/127\.0\.0\.1:\d+\/\?t=\S+)\s+server: (\S+)/.exec(out);
        if (m) resolve([m[1]!, m[2]!]);
      });
      proc.once('exit', (code) => reject(new Error(`host exited ${code}: ${out}`)));
    });
    expect(serverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const u = new URL(url);
    class OwnOrigin extends WebSocket { constructor(x: string) { super(x, { origin: u.origin }); } }
    const api = createSocketApi({ url: `ws://${u.host}/ipc?t=${u.searchParams.get('t')}`, WebSocketImpl: OwnOrigin as unknown as SocketCtor });
    try {
      expect(await ok(api['settings.lastServer']({}))).toBe(serverUrl);
      const session = await ok(api['auth.login']({ serverUrl, login: 'operator1', password: 'operator' }));
      expect(session.user.role).toBe('operator');
    } finally {
      api.close();
    }
    await new Promise<void>((resolve) => { proc.once('exit', () => resolve()); proc.kill('SIGTERM'); });
    await expect(fetch(`${serverUrl}/api/v1/health`, { signal: AbortSignal.timeout(3_000) })).rejects.toThrow();
  } finally {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    removeBundle(bundle);
    rmTmp(dir);
  }
});
