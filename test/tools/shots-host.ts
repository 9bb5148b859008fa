/**
 * Browser-mode hosts for the screenshots script: `node dist/host/start-web.js` as a child process
 * on a data folder, read until it prints its address, stopped with SIGTERM (which also stops the
 * demo server it spawned).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A running host: its page address (with token), the CRM server it talks to, and a stop. */
export interface ShotsHost { url: string; serverUrl: string; stop(): Promise<void> }

/** The built host bundle, or an error saying to run `npm run build` first. */
export function builtHost(root: string): string {
  const bundle = path.join(root, 'dist', 'host', 'start-web.js');
  const page = path.join(root, 'dist', 'renderer', 'index.html');
  const missing = [bundle, page].filter((f) => !fs.existsSync(f));
  if (missing.length) throw new Error(`screenshots: ${missing.map((f) => path.relative(root, f)).join(', ')} missing — run \`npm run build\` first.`);
  return bundle;
}

/** Stops a child with SIGTERM and waits for it (SIGKILL after `graceMs`). */
async function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts a host on `dataDir`; with `serverUrl` it shares that server, otherwise it spawns the demo
 * server (fresh demo data when the folder is new). Resolves once both addresses are printed.
 */
export async function startShotsHost(root: string, dataDir: string, serverUrl?: string): Promise<ShotsHost> {
  const bundle = builtHost(root);
  const env: NodeJS.ProcessEnv = { ...process.env, PROZVON_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.PROZVON_WEB_PORT;
  delete env.PROZVON_SERVER_URL;
  if (serverUrl) env.PROZVON_SERVER_URL = serverUrl;
  const child = spawn(process.execPath, [bundle], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => { err = (err + String(d)).slice(-4000); });
  try {
    const found = await new Promise<{ url: string; serverUrl: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`host did not print its address in 120 s:\n${out}\n${err}`)), 120_000);
      child.stdout?.on('data', (d: Buffer) => {
        out += String(d);
        const page = /Prozvon: (http:\/\/127\.0\.0\.1:\d+\/\?t=\S+)/.exec(out);
        const server = /server: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (page?.[1] && server?.[1]) { clearTimeout(timer); resolve({ url: page[1], serverUrl: server[1] }); }
      });
      child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`host exited with code ${code}:\n${err}`)); });
    });
    return { ...found, stop: () => stopChild(child) };
  } catch (e) {
    await stopChild(child, 2_000);
    throw e;
  }
}
