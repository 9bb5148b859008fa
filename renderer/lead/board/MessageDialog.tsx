/** Sends a lead's message to one operator (shown in the operator's header). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SendMessageRequest, SendMessageResponse } from '../../../shared/api/lead';
import { useApi } from '../../app/api-context';
import { Dialog } from '../Dialog';
import { errorText, leadRequest } from '../lead-api';

/** The message dialog for operator `userId` named `name`. */
export function MessageDialog({ userId, name, onClose }: { userId: number; name: string; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    const req = SendMessageRequest.safeParse({ toUserId: userId, text });
    if (!req.success) {
      setError(t('lead.board.messageEmpty'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await leadRequest(api, 'POST', '/messages', SendMessageResponse, req.data);
      onClose();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('lead.board.messageTitle', { name })} onClose={onClose}>
      <form onSubmit={(e) => { e.preventDefault(); void send(); }}>
        <label className="lead-field">
          <span>{t('lead.board.messageText')}</span>
          <textarea value={text} maxLength={1000} rows={3} onChange={(e) => setText(e.target.value)} />
        </label>
        {error ? <p role="alert" className="lead-error">{error}</p> : null}
        <div className="lead-buttons">
          <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t('lead.common.sending') : t('lead.board.send')}</button>
          <button type="button" className="btn" onClick={onClose}>{t('lead.common.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
