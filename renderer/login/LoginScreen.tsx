/** Login: server address (remembered), login, password; says clearly whether the password or the server failed. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorCode, isUnreachable, useApi } from '../app/api-context';
import { useSessionStore } from '../stores/session-store';

const DEFAULT_SERVER = 'http://127.0.0.1:8080';

type LoginError = 'wrongPassword' | 'unreachable' | 'badAddress' | 'other' | null;

/** Classifies a failed login into what the operator should do about it. */
function classify(e: unknown): LoginError {
  const code = errorCode(e);
  if (/credential|password|unauthori[sz]ed|invalid_login|bad_login|forbidden|auth/i.test(code)) return 'wrongPassword';
  if (/validation|invalid_request|bad_request|url/i.test(code)) return 'badAddress';
  if (isUnreachable(e)) return 'unreachable';
  return 'other';
}

/** The login screen. */
export function LoginScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const setSession = useSessionStore((s) => s.setSession);
  const [serverUrl, setServerUrl] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LoginError>(null);
  const [detail, setDetail] = useState('');

  useEffect(() => {
    let live = true;
    call(api, 'settings.lastServer', {})
      .then((url) => { if (live) setServerUrl((cur) => cur || url || (typeof location !== 'undefined' && location.protocol.startsWith('http') ? location.origin : DEFAULT_SERVER)); })
      .catch(() => { if (live) setServerUrl((cur) => cur || DEFAULT_SERVER); });
    return () => { live = false; };
  }, [api]);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await call(api, 'auth.login', { serverUrl: serverUrl.trim(), login: login.trim(), password });
      setSession(session);
    } catch (e) {
      setError(classify(e));
      setDetail(e instanceof Error ? e.message : '');
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={(e) => void submit(e)} aria-label={t('login.title')}>
        <h1 className="login-brand">{t('app.name')}</h1>
        <p className="login-sub">{t('login.subtitle')}</p>
        <label className="field">
          <span>{t('login.server')}</span>
          <input value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} autoComplete="url" spellCheck={false} required />
        </label>
        <label className="field">
          <span>{t('login.login')}</span>
          <input value={login} onChange={(e) => setLogin(e.target.value)} autoComplete="username" autoFocus required />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
        </label>
        {error ? (
          <div className="alert alert-error" role="alert">
            <strong>{t(`login.error.${error}`)}</strong>
            <span>{t(`login.errorHint.${error}`, { server: serverUrl })}</span>
            {error === 'other' && detail ? <span className="muted">{detail}</span> : null}
          </div>
        ) : null}
        <button type="submit" className="btn btn-primary btn-wide" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
