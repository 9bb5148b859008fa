/** Autosaves the form as a draft (draft.save) shortly after the last edit, so nothing typed is lost. */
import { useEffect, useState } from 'react';
import { call, useApi } from '../app/api-context';
import { useOrderStore } from '../stores/order-store';

/** Delay after the last edit before the draft is saved, ms (the contract asks ≤ 300). */
export const AUTOSAVE_DELAY_MS = 250;

/** Saves the open form's draft after each burst of edits; returns the time of the last saved draft. */
export function useDraftAutosave(): { savedAt: string | null; failed: boolean } {
  const api = useApi();
  const revision = useOrderStore((s) => s.revision);
  const [status, setStatus] = useState<{ savedAt: string | null; failed: boolean }>({ savedAt: null, failed: false });
  useEffect(() => {
    if (revision === 0) return undefined;
    const id = setTimeout(() => {
      const form = useOrderStore.getState().form;
      if (!form) return;
      call(api, 'draft.save', form)
        .then(() => setStatus({ savedAt: new Date().toISOString(), failed: false }))
        .catch(() => setStatus((s) => ({ ...s, failed: true })));
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(id);
  }, [revision, api]);
  return status;
}
