/**
 * Builds the SIP test pages (operator harness, customer UA) with esbuild and serves them from a
 * tiny static server on 127.0.0.1 (a secure context for getUserMedia).
 */
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

export interface SipPages {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  operatorUrl: string;
  customerUrl: string;
  close(): Promise<void>;
}

async function bundle(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [path.resolve(__dirname, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return file.text;
}

const html = (title: string, script: string) => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><script src="/${script}"></script></body></html>`;

/** Bundles both pages and starts the static server on a free loopback port. */
export async function startSipPages(): Promise<SipPages> {
  const [operatorJs, customerJs] = await Promise.all([bundle('softphone-harness.ts'), bundle('customer-page.ts')]);
  const files: Record<string, { type: string; body: string }> = {
    '/operator.html': { type: 'text/html', body: html('operator', 'operator.js') },
    '/operator.js': { type: 'text/javascript', body: operatorJs },
    '/customer.html': { type: 'text/html', body: html('customer', 'customer.js') },
    '/customer.js': { type: 'text/javascript', body: customerJs },
  };
  const server: Server = createServer((req, res) => {
    const f = files[(req.url ?? '/').split('?')[0] ?? '/'];
    if (!f) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': `${f.type}; charset=utf-8`, 'cache-control': 'no-store' }).end(f.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    operatorUrl: `${origin}/operator.html`,
    customerUrl: `${origin}/customer.html`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
