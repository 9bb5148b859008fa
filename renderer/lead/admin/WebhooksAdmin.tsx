/**
 * Outgoing webhooks (admin role): endpoints (URL, secret, events), pause / resume, delete, the
 * recent deliveries of one endpoint with replay of its dead letters.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrderEventKind } from '../../../shared/api/integrations';
import { CreateWebhookRequest, UpdateWebhookRequest, type WebhookEndpoint } from '../../../shared/api/webhooks';
import type { Api } from '../../../shared/ipc/contract';
import { call } from '../../app/api-context';
import { AdminSection, AdminTable, EditButton, EditForm } from './AdminScreen';
import { CheckField, TextField } from './Field';
import { useAdminEditor } from './use-admin-editor';
import { WebhookDeliveries } from './WebhookDeliveries';

const fetchWebhooks = async (api: Api) => (await call(api, 'admin.webhooks', {})).endpoints;

interface Form { url: string; secret: string; kinds: OrderEventKind[] }
const emptyForm: Form = { url: '', secret: '', kinds: ['confirmed'] };

/** The endpoint of the form: a new one needs a secret; an edit keeps the secret when the field is empty. */
export function webhookRequest(f: Form, editing: number | null) {
  if (editing === null) return CreateWebhookRequest.safeParse({ url: f.url, secret: f.secret, kinds: f.kinds });
  return UpdateWebhookRequest.safeParse({ url: f.url, kinds: f.kinds, ...(f.secret ? { secret: f.secret } : {}) });
}

/** A random secret: 32 bytes as hex. */
function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The webhooks screen. */
export function WebhooksAdmin() {
  const { t } = useTranslation();
  const [shown, setShown] = useState<WebhookEndpoint | null>(null);
  const { data, error, editing, form, set, err, status, edit, cancel, submit, run } = useAdminEditor<WebhookEndpoint[], Form, number, CreateWebhookRequest | UpdateWebhookRequest>({
    fetch: fetchWebhooks, empty: emptyForm, request: webhookRequest,
    save: (api, body, id) => (id === null
      ? call(api, 'admin.createWebhook', CreateWebhookRequest.parse(body))
      : call(api, 'admin.updateWebhook', { id, patch: body })),
  });
  const setPaused = (e: WebhookEndpoint, paused: boolean) => run((api) => call(api, 'admin.updateWebhook', { id: e.id, patch: { paused } }),
    paused ? t('lead.admin.webhooks.pausedDone') : t('lead.admin.webhooks.resumedDone'));
  const remove = (e: WebhookEndpoint) => run(async (api) => {
    await call(api, 'admin.deleteWebhook', { id: e.id });
    if (shown?.id === e.id) setShown(null);
  }, t('lead.admin.deleted'));
  const replayDead = (e: WebhookEndpoint) => run((api) => call(api, 'admin.replayDead', { id: e.id }), t('lead.admin.webhooks.replayed'));
  const toggleKind = (k: OrderEventKind, on: boolean) => set('kinds', on ? [...form.kinds.filter((x) => x !== k), k] : form.kinds.filter((x) => x !== k));
  const title = editing !== null ? t('lead.admin.webhooks.editTitle') : t('lead.admin.webhooks.newTitle');
  return (
    <AdminSection title={t('lead.admin.webhooks.title')} error={error}>
      <p className="lead-hint">{t('lead.admin.webhooks.intro')}</p>
      <AdminTable label={t('lead.admin.webhooks.table')} columns={[
        t('lead.admin.webhooks.url'), t('lead.admin.webhooks.kinds'), t('lead.admin.webhooks.state'),
        { label: t('lead.admin.webhooks.pending'), numeric: true }, { label: t('lead.admin.webhooks.delivered'), numeric: true },
        { label: t('lead.admin.webhooks.dead'), numeric: true },
      ]}>
        {(data ?? []).map((e) => (
          <tr key={e.id} data-webhook={e.id}>
            <th scope="row">{e.url}</th>
            <td>{e.kinds.map((k) => t(`lead.admin.webhooks.kind.${k}`)).join(', ')}</td>
            <td>{e.paused ? t('lead.admin.webhooks.paused') : t('lead.admin.webhooks.active')}</td>
            <td className="r num">{e.pending}</td><td className="r num">{e.delivered}</td><td className="r num">{e.dead}</td>
            <td className="lead-actions">
              <EditButton name={e.url} onClick={() => edit(e.id, { url: e.url, secret: '', kinds: e.kinds })} />
              <button type="button" className="btn btn-small" onClick={() => void setPaused(e, !e.paused)}
                aria-label={t(e.paused ? 'lead.admin.webhooks.resumeOf' : 'lead.admin.webhooks.pauseOf', { name: e.url })}>
                {e.paused ? t('lead.admin.webhooks.resume') : t('lead.admin.webhooks.pause')}
              </button>
              <button type="button" className="btn btn-small" aria-label={t('lead.admin.webhooks.deliveriesOf', { name: e.url })} onClick={() => setShown(e)}>
                {t('lead.admin.webhooks.deliveries')}
              </button>
              {e.dead > 0 ? (
                <button type="button" className="btn btn-small" aria-label={t('lead.admin.webhooks.replayDeadOf', { name: e.url })} onClick={() => void replayDead(e)}>
                  {t('lead.admin.webhooks.replayDead', { count: e.dead })}
                </button>
              ) : null}
              <button type="button" className="btn btn-small" aria-label={t('lead.admin.deleteOf', { name: e.url })} onClick={() => void remove(e)}>{t('lead.admin.delete')}</button>
            </td>
          </tr>
        ))}
      </AdminTable>
      <EditForm title={title} editing={editing !== null} onSubmit={submit} onCancel={cancel} status={status}>
        <TextField label={t('lead.admin.webhooks.url')} value={form.url} onChange={(v) => set('url', v)} error={err('url')} />
        <TextField label={t('lead.admin.webhooks.secret')} value={form.secret} onChange={(v) => set('secret', v)} error={err('secret')}
          hint={editing !== null ? t('lead.admin.webhooks.secretKeep', { hint: data?.find((e) => e.id === editing)?.secretHint ?? '' }) : t('lead.admin.webhooks.secretHint')} />
        <button type="button" className="btn btn-small" onClick={() => set('secret', newSecret())}>{t('lead.admin.webhooks.generate')}</button>
        <fieldset className="lead-fieldset">
          <legend>{t('lead.admin.webhooks.kinds')}</legend>
          {OrderEventKind.options.map((k) => (
            <CheckField key={k} label={t(`lead.admin.webhooks.kind.${k}`)} checked={form.kinds.includes(k)} onChange={(on) => toggleKind(k, on)} />
          ))}
          {err('kinds') ? <span role="alert" className="lead-error">{err('kinds')}</span> : null}
        </fieldset>
      </EditForm>
      {shown ? <WebhookDeliveries endpoint={shown} onClose={() => setShown(null)} /> : null}
    </AdminSection>
  );
}
