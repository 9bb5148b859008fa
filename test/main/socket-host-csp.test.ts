/** CSP: `connect-src` lists only the page's origin, the configured CRM server and PBX; the host's header and the index.html `<meta>` say the same. */
import fs from 'node:fs';
import path from 'node:path';
import { startSocketHost, type SocketHost } from '../../main/browser-host/socket-host';
import { connectSources, cspHeader, cspHtmlTransform, cspMetaOf, cspPolicy, cspSourcesFromEnv, DEFAULT_PBX_URL } from '../../main/csp';
import type { Handlers } from '../../main/ipc/ipc-core';
import { rmTmp, tmpDir } from './fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const sources = { serverUrl: 'https://crm.example.ru:8443/api/v1', pbxUrls: ['wss://pbx1.example.ru:7443/ws', 'ws://10.0.0.5:8088'] };
const directive = (policy: string, name: string): string | undefined => policy.split(/;\s*/).find((d) => d.startsWith(`${name} `));

describe('connect-src', () => {
  test('lists self, the server origin and the PBX origins only', () => {
    expect(directive(cspPolicy(sources), 'connect-src')).toBe("connect-src 'self' https://crm.example.ru:8443 wss://pbx1.example.ru:7443 ws://10.0.0.5:8088");
  });

  test.each(['https:', 'wss:', 'ws:', 'http:', 'http://127.0.0.1:*', '*', 'https://evil.example'])('%s is absent', (source) => {
    expect(connectSources(sources)).not.toContain(source);
    expect(cspHeader(sources).split(/[; ]+/)).not.toContain(source);
  });

  test('wrong protocols and unparsable addresses are dropped, not widened', () => {
    expect(connectSources({ serverUrl: 'ws://crm.example.ru', pbxUrls: ['https://pbx.example.ru', 'not a url', 'wss://pbx.example.ru'] }))
      .toEqual(["'self'", 'wss://pbx.example.ru']);
  });

  test('sources come from PROZVON_SERVER_URL and PROZVON_PBX_URLS, else SIP_WS_URL, else the demo PBX', () => {
    expect(cspSourcesFromEnv({ PROZVON_SERVER_URL: 'http://127.0.0.1:8787', PROZVON_PBX_URLS: 'wss://a.example, wss://b.example', SIP_WS_URL: 'ws://x.example' }))
      .toEqual({ serverUrl: 'http://127.0.0.1:8787', pbxUrls: ['wss://a.example', 'wss://b.example'] });
    expect(cspSourcesFromEnv({ SIP_WS_URL: 'ws://x.example:8088' })).toEqual({ serverUrl: null, pbxUrls: ['ws://x.example:8088'] });
    expect(cspSourcesFromEnv({})).toEqual({ serverUrl: null, pbxUrls: [DEFAULT_PBX_URL] });
  });
});

describe('header and meta agree', () => {
  let host: SocketHost;
  let dir: string;
  beforeAll(async () => {
    dir = tmpDir('prozvon-csp-');
    // The real template, through the build's transform with another environment: the host must replace that meta.
    const built = cspHtmlTransform({ SIP_WS_URL: 'wss://stale.example' })(fs.readFileSync(path.join(ROOT, 'renderer', 'index.html'), 'utf8'));
    fs.writeFileSync(path.join(dir, 'index.html'), built);
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'assets', 'a.css'), 'body{}');
    host = await startSocketHost({ handlers: {} as Handlers, rendererDir: dir, csp: sources });
  });
  afterAll(async () => { await host.close(); rmTmp(dir); });

  test.each(['/', '/index.html', '/queue/new', '/?t=x'])('GET %s: the header is the meta plus frame-ancestors', async (p) => {
    const res = await fetch(`http://127.0.0.1:${host.port}${p}`);
    const html = await res.text();
    const header = res.headers.get('content-security-policy');
    const meta = cspMetaOf(html);
    expect(meta).toBe(cspPolicy(sources));
    expect(header).toBe(`${meta}; frame-ancestors 'none'`);
    expect(html.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(html).not.toContain('stale.example');
  });

  test('static files carry the same header', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/assets/a.css`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(host.csp);
  });

  test('the build transform writes one meta with the policy of its environment', () => {
    const env = { PROZVON_SERVER_URL: 'https://crm.example.ru', SIP_WS_URL: 'wss://pbx.example.ru/ws' };
    const html = cspHtmlTransform(env)(fs.readFileSync(path.join(ROOT, 'renderer', 'index.html'), 'utf8'));
    expect(cspMetaOf(html)).toBe(cspPolicy(cspSourcesFromEnv(env)));
    expect(cspHeader(cspSourcesFromEnv(env))).toBe(`${cspMetaOf(html)}; frame-ancestors 'none'`);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });
});
