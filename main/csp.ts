/**
 * The Content-Security-Policy of the renderer, in Electron and in browser mode. `connect-src`
 * lists only the page's own origin (browser mode's IPC socket), the configured CRM server and the
 * PBX (SIP WebSocket) origins. The same text goes into the `<meta>` tag of the built index.html
 * (vite plugin) and into the HTTP header (browser host, Electron), which adds only the
 * header-only `frame-ancestors`.
 */

/** Where the renderer may connect besides its own origin. */
export interface CspSources {
  /** The CRM server (http/https). */
  serverUrl: string | null;
  /** SIP WebSocket servers (ws/wss). */
  pbxUrls: readonly string[];
}

/** The PBX of the demo setup (`npm run pbx`), as the server's `SIP_WS_URL` defaults to. */
export const DEFAULT_PBX_URL = 'ws://127.0.0.1:8088';

/** Directives a `<meta>` policy cannot carry; sent in the header only. */
const HEADER_ONLY = "frame-ancestors 'none'";

const splitList = (v: string | undefined): string[] => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/**
 * The sources from the environment: `PROZVON_SERVER_URL`, and `PROZVON_PBX_URLS` (comma-separated)
 * or else `SIP_WS_URL` (the server's own setting) or else the demo PBX.
 */
export function cspSourcesFromEnv(env: Record<string, string | undefined>): CspSources {
  const pbx = splitList(env.PROZVON_PBX_URLS);
  return {
    serverUrl: env.PROZVON_SERVER_URL?.trim() || null,
    pbxUrls: pbx.length ? pbx : splitList(env.SIP_WS_URL).length ? splitList(env.SIP_WS_URL) : [DEFAULT_PBX_URL],
  };
}

/** The origin of a URL with one of the protocols, or null (unparsable, other protocol). */
function originOf(url: string, protocols: readonly string[]): string | null {
  try {
    const u = new URL(url);
    return protocols.includes(u.protocol) && u.host ? `${u.protocol}//${u.host}` : null;
  } catch {
    return null;
  }
}

/** The `connect-src` sources: `'self'`, the server origin, the PBX origins (deduplicated, in order). */
export function connectSources(s: CspSources): string[] {
  const server = s.serverUrl ? originOf(s.serverUrl, ['http:', 'https:']) : null;
  const pbx = s.pbxUrls.map((u) => originOf(u, ['ws:', 'wss:']));
  return [...new Set(["'self'", server, ...pbx].filter((x): x is string => x !== null))];
}

/** The policy as the `<meta>` tag carries it. */
export function cspPolicy(s: CspSources): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "media-src 'self' blob: mediastream:",
    "font-src 'self' data:",
    `connect-src ${connectSources(s).join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The policy as the HTTP header carries it: the meta policy plus `frame-ancestors 'none'`. */
export function cspHeader(s: CspSources): string {
  return `${cspPolicy(s)}; ${HEADER_ONLY}`;
}

const escapeAttr = (v: string): string => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const META = /<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/gi;

/**
 * The HTML with exactly one CSP `<meta>` tag carrying `policy`, placed after the charset, else at
 * the top of `<head>`, else after the doctype (the parser opens the head implicitly).
 */
export function injectCspMeta(html: string, policy: string): string {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(policy)}" />`;
  const stripped = html.replace(new RegExp(`\\n?[ \\t]*${META.source}`, 'gi'), '');
  const anchor = [/<meta\s+charset=[^>]*>/i, /<head[^>]*>/i, /^\s*<!doctype[^>]*>/i].find((re) => re.test(stripped));
  return anchor ? stripped.replace(anchor, (at) => `${at}\n    ${tag}`) : `${tag}\n${stripped}`;
}

/** The build's index.html transform (vite plugin): the meta policy from the build environment's sources. */
export function cspHtmlTransform(env: Record<string, string | undefined>): (html: string) => string {
  const policy = cspPolicy(cspSourcesFromEnv(env));
  return (html) => injectCspMeta(html, policy);
}

/** The content of the CSP `<meta>` tag of a page, or null. */
export function cspMetaOf(html: string): string | null {
  const tag = html.match(META)?.[0];
  const content = tag?.match(/content="([^"]*)"/i)?.[1];
  return content === undefined ? null : content.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
