/** The top bar: brand, user; for operators agent state, SIP light, sync status and today's progress; settings, help, logout. */
import { useTranslation } from 'react-i18next';
import { call, useApi } from '../app/api-context';
import { SipLightSlot } from '../app/phone-slot';
import { useSessionStore } from '../stores/session-store';
import { useOrderStore } from '../stores/order-store';
import { AgentStateMenu } from './AgentStateMenu';
import { PlanProgress } from './PlanProgress';
import { SyncIndicator } from './SyncIndicator';
import i18n, { LANGUAGES } from '../i18n';

/** The header bar of every screen after login. */
export function Header({ onHelp, onSettings, operator = true }: { onHelp(): void; onSettings?(): void; operator?: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const user = useSessionStore((s) => s.session?.user);
  const setSession = useSessionStore((s) => s.setSession);
  const logout = () => {
    useOrderStore.getState().close();
    void call(api, 'auth.logout', {}).catch(() => undefined).finally(() => setSession(null));
  };
  const nextLang = LANGUAGES.find((l) => l !== i18n.language) ?? 'ru';
  return (
    <header className="header">
      <span className="brand">{t('app.name')}</span>
      <span className="header-user" title={user?.login}>{user?.name}</span>
      {operator ? <AgentStateMenu /> : null}
      {operator ? <SipLightSlot /> : null}
      {operator ? <SyncIndicator /> : null}
      {operator ? <PlanProgress /> : null}
      <span className="spacer" />
      <button type="button" className="btn btn-ghost" onClick={() => void i18n.changeLanguage(nextLang)} title={t('header.language')}>
        <span lang={nextLang}>{nextLang.toUpperCase()}</span><span className="sr-only">{` ${t('header.language')}`}</span>
      </button>
      {operator && onSettings ? <button type="button" className="btn btn-ghost" onClick={onSettings}>{t('header.settings')}</button> : null}
      <button type="button" className="btn btn-ghost" onClick={onHelp} aria-keyshortcuts="F1" title={t('help.title')}>{t('header.help')}</button>
      <button type="button" className="btn btn-ghost" onClick={logout}>{t('header.logout')}</button>
    </header>
  );
}
