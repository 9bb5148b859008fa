/** Sends a lead's message to one operator (shown in the operator's header). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SendMessageRequest } from '../../../shared/api/lead';
import { call } from '../../app/api-context';
import { DialogForm, useDialogSave } from './DialogForm';

/** The message dialog for operator `userId` named `name`. */
export function MessageDialog({ userId, name, onClose }: { userId: number; name: string; onClose(): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { busy, error, setError, save } = useDialogSave(onClose);
  const send = async () => {
    const req = SendMessageRequest.safeParse({ toUserId: userId, text });
    if (!req.success) {
      setError(t('lead.board.messageEmpty'));
      return;
    }
    await save((api) => call(api, 'lead.message', req.data));
  };
  return (
    <DialogForm title={t('lead.board.messageTitle', { name })} onClose={onClose} onSubmit={send} error={error}
      saveLabel={busy ? t('lead.common.sending') : t('lead.board.send')} saveDisabled={busy}>
      <label className="lead-field">
        <span>{t('lead.board.messageText')}</span>
        <textarea value={text} maxLength={1000} rows={3} onChange={(e) => setText(e.target.value)} />
      </label>
    </DialogForm>
  );
}
