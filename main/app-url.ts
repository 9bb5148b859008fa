/**
 * Which URLs belong to the app window: the dev server's origin, or a `file:` URL of a file below
 * the built renderer folder. Compared by whole path segments (a sibling `renderer-evil/` is not
 * the app), encoded separators and dot segments refused; POSIX and Windows folders (drive
 * letters, UNC shares) alike, so it is table-tested on any OS. No Electron here.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface WindowTarget { devUrl: string | null; rendererDir: string }

/** The URL the window loads: the dev server or the built index.html. */
export function appUrl(t: WindowTarget): string {
  return t.devUrl ?? pathToFileURL(path.join(t.rendererDir, 'index.html')).toString();
}

interface FolderRef { host: string; segments: string[]; windows: boolean }

/** A folder (POSIX `/a/b`, Windows `C:\a\b`, UNC `\\host\share\a`) as a file URL's host and path segments; null when not absolute. */
export function folderRef(dir: string): FolderRef | null {
  const windows = /^[a-z]:[\\/]/i.test(dir) || /^[\\/]{2}[^\\/]/.test(dir) && dir.includes('\\');
  if (!windows && !dir.startsWith('/')) return null;
  const parts = dir.split(windows ? /[\\/]+/ : /\/+/).filter(Boolean);
  let host = '';
  if (windows && /^[\\/]{2}/.test(dir)) host = (parts.shift() ?? '').toLowerCase();
  const segments: string[] = [];
  for (const p of parts) {
    if (p === '.') continue;
    if (p === '..') segments.pop();
    else segments.push(p);
  }
  return { host, segments, windows };
}

/** The decoded path segments of a `file:` URL, or null when one hides a separator, a dot segment or NUL. */
function urlSegments(u: URL): string[] | null {
  const out: string[] = [];
  for (const raw of u.pathname.split('/').slice(1)) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (seg === '.' || seg === '..' || /[/\\\0]/.test(seg)) return null;
    out.push(seg);
  }
  return out;
}

/** Whether a URL belongs to the app (same dev origin, or a file strictly below the renderer folder). */
export function isAppUrl(url: string, t: WindowTarget): boolean {
  let u: URL;
  try {
    u = new URL(url);
    if (t.devUrl) return u.origin === new URL(t.devUrl).origin;
  } catch {
    return false;
  }
  if (u.protocol !== 'file:') return false;
  const root = folderRef(t.rendererDir);
  const segs = urlSegments(u);
  if (!root || !segs || segs.length <= root.segments.length || segs[segs.length - 1] === '') return false;
  if (u.hostname.toLowerCase() !== root.host) return false;
  const same = (a: string, b: string): boolean => (root.windows ? a.toLowerCase() === b.toLowerCase() : a === b);
  return root.segments.every((s, i) => same(s, segs[i]!));
}
