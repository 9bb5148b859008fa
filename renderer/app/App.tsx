/** The app shell: restores the session, wires main-process events into the stores, routes by role. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Api } from '../../shared/ipc/contract';
import { Header } from '../header/Header';
import { LoginScreen } from '../login/LoginScreen';
import { useOrderStore } from '../stores/order-store';
import { useQueueStore } from '../stores/queue-store';
import { useSessionStore } from '../stores/session-store';
import { restoreAgentState } from './agent-state';
import { ApiProvider, call, useApi } from './api-context';
import { HelpOverlay } from './HelpOverlay';
import { useHotkey } from './hotkeys';
import { OperatorDesk } from './OperatorDesk';
import { PhoneProvider, type PhoneActions } from './phone-slot';
import { SettingsOverlay } from './SettingsOverlay';
import { useDeskActions } from './use-desk-actions';

/** The lead/admin home, loaded only for those roles (keeps the operator bundle small). */
const LeadHome = lazy(() => import('../lead/LeadHome').then((m) => ({ default: m.LeadHome })));

/** Refresh period of the queue counts while online, ms. */
const COUNTS_REFRESH_MS = 15_000;

/** Loads directories and held orders after login and keeps counts, sync and the open order fresh. */
function useOperatorFeeds(enabled: boolean) {
  const api = useApi();
  const { refreshCounts, opened } = useDeskActions();
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    void Promise.all([call(api, 'offers.list', {}).catch(() => []), call(api, 'reasons.list', {}).catch(() => [])])
      .then(([offers, reasons]) => { if (live) useSessionStore.getState().setCatalog(offers, reasons); });
    void call(api, 'order.held', {}).then((held) => {
      const first = held[0];
      if (live && first && !useOrderStore.getState().view) opened(first);
    }).catch(() => undefined).then(() => { if (live) void restoreAgentState(api); });
    void call(api, 'sync.status', {}).then((s) => { if (live) useSessionStore.getState().setSync(s); }).catch(() => undefined);
    void refreshCounts();
    const timer = setInterval(() => { void refreshCounts(); }, COUNTS_REFRESH_MS);
    const offs = [
      api.on('sync.status', (s) => useSessionStore.getState().setSync(s)),
      api.on('catalogue.changed', () => {
        void call(api, 'offers.list', {}).then((offers) => useSessionStore.getState().setCatalog(offers, useSessionStore.getState().reasons)).catch(() => undefined);
      }),
      api.on('order.changed', ({ orderId }) => {
        if (useOrderStore.getState().view?.order.id === orderId) {
          void call(api, 'order.get', { orderId }).then((v) => useOrderStore.getState().refresh(v)).catch(() => undefined);
        }
        useQueueStore.getState().resetLists();
        void refreshCounts();
      }),
    ];
    return () => { live = false; clearInterval(timer); offs.forEach((off) => off()); };
  }, [enabled, api, refreshCounts, opened]);
}

function Shell() {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSessionStore((s) => s.session);
  const restored = useSessionStore((s) => s.restored);
  const [help, setHelp] = useState(false);
  const [settings, setSettings] = useState(false);
  const role = session?.user.role;
  useOperatorFeeds(role === 'operator');
  useHotkey('F1', () => setHelp((v) => !v), session !== null);
  useHotkey('Escape', () => setHelp(false), help);
  // the overlay handles its own keys while focused; these cover focus left outside it
  useHotkey('F10', () => setSettings((v) => !v), role === 'operator');
  useHotkey('Escape', () => setSettings(false), settings);

  useEffect(() => {
    let live = true;
    call(api, 'auth.session', {})
      .then((s) => { if (live) useSessionStore.getState().setSession(s); })
      .catch(() => { if (live) useSessionStore.getState().setRestored(); });
    const off = api.on('auth.expired', () => { useOrderStore.getState().close(); useSessionStore.getState().setSession(null); });
    const offCenter = api.on('live.message', (m) => { if (m.type === 'center.changed') useSessionStore.getState().setCenter(m.center); });
    return () => { live = false; off(); offCenter(); };
  }, [api]);

  if (!restored) return <div className="boot muted">{t('common.loading')}</div>;
  if (!session) return <LoginScreen />;
  return (
    <div className="app">
      <Header onHelp={() => setHelp(true)} onSettings={() => setSettings(true)} operator={role === 'operator'} />
      {role === 'operator' ? <OperatorDesk /> : <Suspense fallback={<div className="boot muted">{t('common.loading')}</div>}><LeadHome /></Suspense>}
      {help ? <HelpOverlay onClose={() => setHelp(false)} /> : null}
      {settings && role === 'operator' ? <SettingsOverlay onClose={() => setSettings(false)} /> : null}
    </div>
  );
}

/** The root component: the Api and softphone providers around the shell. */
export function App({ api, phone }: { api: Api; phone?: PhoneActions }) {
  return (
    <ApiProvider api={api}>
      <PhoneProvider actions={phone}>
        <Shell />
      </PhoneProvider>
    </ApiProvider>
  );
}
