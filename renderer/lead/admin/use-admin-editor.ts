/** The load / edit / save cycle every list-and-form admin screen shares, with its error state. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Api } from '../../../shared/ipc/contract';
import { useApi } from '../../app/api-context';
import { errorText } from '../lead-api';
import { issuesByField } from './Field';
import { useAdminLoad } from './use-admin-load';
import type { Status } from '../StatusLine';

/** A zod `safeParse` answer, as the screens' request builders return it. */
type Checked<Out> = { success: true; data: Out } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };

/** What a screen tells the editor: the list fetcher, the empty form, the form's request and how to save it. */
export interface AdminEditorSpec<T, F, E, Out> {
  fetch(api: Api): Promise<T>;
  empty: F;
  request(form: F, editing: E | null): Checked<Out>;
  save(api: Api, data: Out, editing: E | null): Promise<unknown>;
}

/**
 * The list (`data`, load `error`), the form being edited (`editing` is null for a new record),
 * field errors (`err`), the status line, and the actions: `edit`, `cancel`, `submit`, and `run`
 * for any other change (e.g. delete) that ends like a save: status, form reset, reload.
 */
export function useAdminEditor<T, F, E, Out>(spec: AdminEditorSpec<T, F, E, Out>) {
  const { t } = useTranslation();
  const api = useApi();
  const { data, error, reload } = useAdminLoad(spec.fetch);
  const [editing, setEditing] = useState<E | null>(null);
  const [form, setForm] = useState<F>(spec.empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status | null>(null);
  const set = <K extends keyof F>(k: K, v: F[K]) => setForm((f) => ({ ...f, [k]: v }));
  const err = (field: string) => (errors[field] ? t([`lead.admin.err.${field}`, 'lead.admin.err.generic']) : undefined);
  const edit = (key: E, values: F) => { setEditing(key); setForm(values); setErrors({}); setStatus(null); };
  const cancel = () => { setEditing(null); setForm(spec.empty); setErrors({}); };
  const run = async (action: (api: Api) => Promise<unknown>, okText: string) => {
    try {
      await action(api);
      setStatus({ kind: 'ok', text: okText });
      setEditing(null);
      setForm(spec.empty);
      reload();
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e) });
    }
  };
  const submit = async () => {
    const req = spec.request(form, editing);
    if (!req.success) {
      setErrors(issuesByField(req.error.issues));
      setStatus({ kind: 'error', text: t('lead.admin.fixErrors') });
      return;
    }
    setErrors({});
    await run((a) => spec.save(a, req.data, editing), t('lead.admin.saved'));
  };
  return { data, error, editing, form, set, err, status, edit, cancel, submit, run };
}
