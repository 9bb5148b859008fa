/** Online / offline / syncing (with the initial sync's progress) and the count of edits waiting to be sent; click syncs now. */
import { useTranslation } from 'react-i18next';
import { call, useApi } from '../app/api-context';
import { useSessionStore } from '../stores/session-store';

/** The sync light of the header. */
export function SyncIndicator() {
  const { t } = useTranslation();
  const api = useApi();
  const sync = useSessionStore((s) => s.sync);
  const setSync = useSessionStore((s) => s.setSync);
  const online = sync?.online ?? false;
  const cls = !sync ? 'state-offline' : sync.syncing ? 'state-dialing' : online ? 'state-ready' : 'state-offline';
  const word = !sync ? t('sync.unknown') : sync.syncing ? t('sync.syncing') : online ? t('sync.online') : t('sync.offline');
  const progress = sync?.syncing ? sync.progress : null;
  const title = sync?.lastError ? t('sync.lastError', { error: sync.lastError }) : t('sync.clickToSync');
  return (
    <button type="button" className={`sync ${cls}`} title={title}
      onClick={() => { void call(api, 'sync.now', {}).then(setSync).catch(() => undefined); }}>
      <span className="dot" aria-hidden="true" />
      <span className="sr-only">{`${t('sync.label')}: `}</span>
      <span>{word}</span>
      {progress ? (
        <span className="muted num" data-testid="sync-progress">
          {progress.total === null ? t('sync.progressCount', { done: progress.done }) : t('sync.progress', { done: progress.done, total: progress.total })}
        </span>
      ) : null}
      <span className="muted num">{t('sync.pending', { count: sync?.pending ?? 0 })}</span>
    </button>
  );
}
