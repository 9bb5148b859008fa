/**
 * Starts and stops a real Kamailio (resources/dev-pbx/kamailio.cfg) on loopback for one test
 * file: free random ports, ownership of the WebSocket port checked by pid (a stale Kamailio can
 * hold a port after a crash), killed on teardown. Can be restarted on the same ports.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createSocket } from 'node:dgram';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const KAMAILIO_CFG = path.resolve(__dirname, '../../../resources/dev-pbx/kamailio.cfg');

export interface KamailioOptions {
  auth?: boolean;
  trace?: boolean;
  /** Call events POSTed to `url` with `apiKey` as X-Api-Key (the cfg's WITH_EVENTS). */
  events?: { url: string; apiKey: string };
}

/** The Kamailio modules a set of options needs (from the Debian packages in PACKAGES). */
function neededModules(opts: KamailioOptions): string[] {
  return ['websocket', ...(opts.events ? ['http_client', 'jansson', 'mqueue', 'rtimer', 'dialog'] : [])];
}

export interface Kamailio {
  readonly sipPort: number;
  readonly wsPort: number;
  /** `ws://127.0.0.1:<wsPort>` */
  readonly wsUrl: string;
  readonly pid: number | null;
  /** Everything Kamailio wrote to stderr/stdout since the last start. */
  log(): string;
  /** Kills the running instance and its children (SIGKILL when `hard`) and waits until the port is free. */
  stop(hard?: boolean): Promise<void>;
  /** Starts again on the same ports (after stop()). */
  start(): Promise<void>;
}

const PACKAGES = ['kamailio', 'kamailio-websocket-modules', 'kamailio-utils-modules', 'kamailio-json-modules'];

/** Installs Kamailio and the modules `opts` needs with apt-get when missing and we are root. */
export function ensureKamailioInstalled(opts: KamailioOptions = {}): void {
  const hasModules = neededModules(opts).every((m) => existsSync(`/usr/lib/x86_64-linux-gnu/kamailio/modules/${m}.so`));
  if (hasBinary() && hasModules) return;
  if (process.getuid?.() !== 0) throw new Error(`kamailio is missing: apt-get install ${PACKAGES.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...PACKAGES], { stdio: 'inherit', env });
}

function hasBinary(): boolean {
  try { execFileSync('sh', ['-c', 'command -v kamailio'], { stdio: 'ignore' }); return true; } catch { return false; }
}

async function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const sock = createSocket('udp4');
    sock.once('error', reject);
    sock.bind(0, '127.0.0.1', () => {
      const port = sock.address().port;
      sock.close(() => resolve(port));
    });
  });
}

/** Pids of the processes listening on a loopback TCP port (from `ss -ltnp`). */
function tcpListeners(port: number): number[] {
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  return [...out.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1]));
}

function parentPid(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch { return null; }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const live = new Set<ChildProcess>();
/** Signals kamailio's whole process group (it was spawned detached: the group id is its pid). */
function killGroup(c: ChildProcess, signal: NodeJS.Signals): void {
  if (c.pid === undefined) return;
  try { process.kill(-c.pid, signal); } catch { /* already gone */ }
}
process.once('exit', () => { for (const c of live) killGroup(c, 'SIGKILL'); });

/** Starts Kamailio on free random ports; resolves once its WebSocket port is owned by it. */
export async function startKamailio(opts: KamailioOptions = {}): Promise<Kamailio> {
  ensureKamailioInstalled(opts);
  let child: ChildProcess | null = null;
  let output = '';
  let wsPort = 0;
  let sipPort = 0;

  const launch = async (): Promise<void> => {
    if (tcpListeners(wsPort).length > 0) throw new Error(`port ${wsPort}/tcp already taken`);
    output = '';
    const args = ['-f', KAMAILIO_CFG, '-DD', '-E', '-A', `SIP_PORT=${sipPort}`, '-A', `WS_PORT=${wsPort}`];
    if (opts.auth) args.push('-A', 'WITH_AUTH');
    if (opts.trace) args.push('-A', 'WITH_TRACE');
    if (opts.events) args.push('-A', 'WITH_EVENTS', '-A', `EVENTS_URL=${JSON.stringify(opts.events.url)}`);
    // the key goes by the environment, never on the command line (visible to every local user)
    const env = opts.events ? { ...process.env, PBX_API_KEY: opts.events.apiKey } : process.env;
    const c = spawn('kamailio', args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env });
    child = c;
    live.add(c);
    c.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
    c.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
    c.once('exit', () => live.delete(c));
    for (let i = 0; i < 200; i++) {
      if (c.exitCode !== null || c.signalCode !== null) throw new Error(`kamailio exited:\n${output}`);
      const owners = tcpListeners(wsPort);
      if (owners.some((p) => p === c.pid || parentPid(p) === c.pid)) return;
      if (owners.length > 0) throw new Error(`port ${wsPort} owned by another process (${owners.join(',')})`);
      await sleep(25);
    }
    killGroup(c, 'SIGKILL');
    throw new Error(`kamailio did not start:\n${output}`);
  };

  const stop = async (hard = false): Promise<void> => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise<void>((r) => c.once('exit', () => r()));
    killGroup(c, hard ? 'SIGKILL' : 'SIGTERM');
    const timer = setTimeout(() => killGroup(c, 'SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    // the children may hold the sockets a moment longer than the main process
    for (let i = 0; i < 100 && tcpListeners(wsPort).length > 0; i++) await sleep(25);
  };

  for (let attempt = 0; ; attempt++) {
    wsPort = await freeTcpPort();
    sipPort = await freeUdpPort();
    try { await launch(); break; } catch (e) { if (attempt >= 3) throw e; }
  }

  return {
    get sipPort() { return sipPort; },
    get wsPort() { return wsPort; },
    get wsUrl() { return `ws://127.0.0.1:${wsPort}`; },
    get pid() { return child?.pid ?? null; },
    log: () => output,
    stop,
    start: launch,
  };
}
