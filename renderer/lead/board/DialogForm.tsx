/** The shared frame of the board's small edit dialogs: a form, its error line, save and cancel. */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Api } from '../../../shared/ipc/contract';
import { useApi } from '../../app/api-context';
import { Dialog } from '../Dialog';
import { errorText } from '../lead-api';

/** `save(action)` runs the request, closes the dialog on success and shows the error otherwise. */
export function useDialogSave(onClose: () => void) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (action: (api: Api) => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action(api);
      onClose();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return { api, busy, error, setError, save };
}

/** The dialog titled `title`: the fields, the error (if any), then `saveLabel` (disabled by `saveDisabled`) and cancel. */
export function DialogForm({ title, onClose, onSubmit, error, saveLabel, saveDisabled, children }: {
  title: string; onClose(): void; onSubmit(): Promise<void>; error: string | null; saveLabel: string; saveDisabled: boolean; children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={(e) => { e.preventDefault(); void onSubmit(); }}>
        {children}
        {error ? <p role="alert" className="lead-error">{error}</p> : null}
        <div className="lead-buttons">
          <button type="submit" className="btn btn-primary" disabled={saveDisabled}>{saveLabel}</button>
          <button type="button" className="btn" onClick={onClose}>{t('lead.common.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
