/**
 * The app window, locked down: contextIsolation, sandbox, no nodeIntegration, strict CSP,
 * navigation and new windows denied (allow-listed links go to the system browser), permissions
 * limited to the microphone / media enumeration for our own origin.
 */
import { BrowserWindow, session, shell, type Session as ElectronSession } from 'electron';
import { appUrl, isAppUrl, type WindowTarget } from '../app-url';
import { cspHeader, cspSourcesFromEnv } from '../csp';

/** Hosts whose links may open in the system browser. */
const EXTERNAL_ALLOW = [/^https:\/\/([a-z0-9-]+\.)*prozvon\.ru\//i];

function lockSession(s: ElectronSession, t: WindowTarget): void {
  const csp = cspHeader(cspSourcesFromEnv(process.env));
  s.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  s.setPermissionRequestHandler((wc, permission, cb, details) => {
    const audioOnly = 'mediaTypes' in details && (details.mediaTypes ?? []).every((m) => m === 'audio');
    cb(permission === 'media' && audioOnly && isAppUrl(wc.getURL(), t));
  });
  // Checks cover media device enumeration (labels of headsets) for our origin only.
  s.setPermissionCheckHandler((wc, permission) => permission === 'media' && wc !== null && isAppUrl(wc.getURL(), t));
  s.setDevicePermissionHandler(() => false);
}

/** Creates the main window (hidden until ready). */
export function createWindow(t: WindowTarget, preload: string): BrowserWindow {
  lockSession(session.defaultSession, t);
  const win = new BrowserWindow({
    width: 1440, height: 900, minWidth: 1100, minHeight: 700, show: false, title: 'Prozvon',
    webPreferences: {
      preload, contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false,
      webviewTag: false, navigateOnDragDrop: false, spellcheck: true, backgroundThrottling: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.webContents.on('will-navigate', (e, url) => { if (!isAppUrl(url, t)) e.preventDefault(); });
  win.webContents.on('will-redirect', (e, url) => { if (!isAppUrl(url, t)) e.preventDefault(); });
  win.webContents.on('will-attach-webview', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (EXTERNAL_ALLOW.some((re) => re.test(url))) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(appUrl(t));
  return win;
}
