/**
 * Electron entry: single instance, the locked-down window, IPC registration on the main services,
 * desktop notification + sound for due callbacks, tray with the agent state. Thin by design —
 * everything else is in the services, tested through browser mode.
 */
import { app, Menu, Notification, Tray, nativeImage, type BrowserWindow } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { createHandlers } from '../ipc/handlers';
import { registerIpc, sendEvent } from '../ipc/ipc-handlers';
import { MainServices } from '../services/main-services';
import { SafeStorageTokenStore } from './safe-storage-token-store';
import { createWindow } from './window';
import { log, requestId } from '../log';

const STATE_LABELS: Record<string, string> = {
  offline: 'Не в сети', ready: 'Готов', dialing: 'Набор', ringing: 'Вызов', talking: 'Разговор', hold: 'Удержание', wrapUp: 'Оформление', break: 'Перерыв',
};

app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');
// Russian locale for built-in widgets (date inputs show dd.mm.yyyy), whatever the OS language.
app.commandLine.appendSwitch('lang', 'ru');
process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let tray: Tray | null = null;
  const devUrl = process.env.PROZVON_DEV_URL ?? null;
  const rendererDir = path.join(__dirname, '..', 'renderer');

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    sendEvent(win?.webContents ?? null, event, payload);
    if (event === 'live.message') {
      const m = payload as EventPayload<'live.message'>;
      if (m.type === 'reminder') remind(m.orderId, m.customerName);
      if (m.type === 'message') new Notification({ title: `Сообщение: ${m.from}`, body: m.text }).show();
    }
  };

  /** A due callback: desktop notification with sound; clicking focuses the window. */
  const remind = (orderId: number, customerName: string): void => {
    const n = new Notification({ title: 'Пора перезвонить', body: `Заказ №${orderId}: ${customerName}`, silent: false, urgency: 'critical' });
    n.on('click', () => { win?.show(); win?.focus(); });
    n.show();
  };

  const services = new MainServices({ dataDir: app.getPath('userData'), tokenStore: new SafeStorageTokenStore(path.join(app.getPath('userData'), 'session.bin')), emit });

  app.on('second-instance', () => { if (win) { if (win.isMinimized()) win.restore(); win.focus(); } });
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (ev) => ev.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(() => {
    const handlers = createHandlers(services);
    const baseSetState = handlers['agent.setState'];
    handlers['agent.setState'] = (req) => {
      tray?.setToolTip(`Prozvon — ${STATE_LABELS[req.state] ?? req.state}`);
      return baseSetState(req);
    };
    registerIpc(handlers, {
      webContentsId: () => win?.webContents.id ?? null,
      origins: devUrl ? [new URL(devUrl).origin] : [],
      fileRoot: pathToFileURL(rendererDir).toString(),
    }, (channel, err) => log.error({ reqId: requestId(), channel, err }, 'ipc call failed'));
    win = createWindow({ devUrl, rendererDir }, path.join(__dirname, 'preload.js'));
    win.on('closed', () => { win = null; });
    tray = new Tray(nativeImage.createFromPath(path.join(__dirname, '..', '..', 'resources', 'icon.png')));
    tray.setToolTip(`Prozvon — ${STATE_LABELS.offline}`);
    tray.setContextMenu(Menu.buildFromTemplate([
      { label: 'Показать', click: () => { win?.show(); win?.focus(); } },
      { label: 'Выход', click: () => app.quit() },
    ]));
  });

  app.on('before-quit', () => { void services.close(); });
  app.on('window-all-closed', () => app.quit());
}
