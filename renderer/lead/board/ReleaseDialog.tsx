/** Confirms and performs the force-release of an order held by an offline operator. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, useApi } from '../../app/api-context';
import { Dialog } from '../Dialog';
import { errorText } from '../lead-api';

/** Asks before returning order `orderId` (held by `name`) to the queue. */
export function ReleaseDialog({ orderId, name, onClose }: { orderId: number; name: string; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const release = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(api, 'lead.forceRelease', { orderId });
      onClose();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('lead.board.releaseTitle', { id: orderId })} onClose={onClose}>
      <p>{t('lead.board.releaseText', { id: orderId, name })}</p>
      {error ? <p role="alert" className="lead-error">{error}</p> : null}
      <div className="lead-buttons">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void release()}>{t('lead.board.releaseConfirm')}</button>
        <button type="button" className="btn" onClick={onClose}>{t('lead.common.cancel')}</button>
      </div>
    </Dialog>
  );
}
