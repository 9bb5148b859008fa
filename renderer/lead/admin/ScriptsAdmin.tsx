/**
 * Scripts and objections of an offer: Markdown edited in place (or loaded from a file) with a
 * live preview and the variables the operator's script panel fills; saved as a Markdown upload.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scriptToMarkdown } from '../../../shared/domain/script-markdown';
import { scriptVariables } from '../../../shared/domain/script-vars';
import type { Api } from '../../../shared/ipc/contract';
import { call, useApi } from '../../app/api-context';
import { useScriptVars } from '../../script/ScriptPanel';
import { errorText } from '../lead-api';
import { readText } from '../read-text';
import { StatusLine, type Status } from '../StatusLine';
import { AdminSection } from './AdminScreen';
import { SelectField } from './Field';
import { MarkdownPreview } from './MarkdownPreview';
import { useAdminLoad } from './use-admin-load';

const fetchOffers = async (api: Api) => (await call(api, 'admin.offers', {})).offers;

/** The scripts screen. */
export function ScriptsAdmin() {
  const { t } = useTranslation();
  const api = useApi();
  const { data: offers, error } = useAdminLoad(fetchOffers);
  const [sku, setSku] = useState('');
  const [markdown, setMarkdown] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const vars = useScriptVars();
  const knownSet = useMemo(() => new Set(Object.keys(vars)), [vars]);
  const used = scriptVariables(markdown);
  const unknown = used.filter((v) => !knownSet.has(v));

  useEffect(() => {
    if (!sku) return undefined;
    let live = true;
    setStatus(null);
    call(api, 'script.get', { offerSku: sku })
      .then((s) => { if (live) setMarkdown(s ? scriptToMarkdown(s) : ''); })
      .catch((e: unknown) => { if (live) setStatus({ kind: 'error', text: errorText(e) }); });
    return () => { live = false; };
  }, [api, sku]);

  const insertVar = (name: string) => {
    const el = area.current;
    const token = `{{${name}}}`;
    if (!el) { setMarkdown((m) => m + token); return; }
    const start = el.selectionStart;
    const end = el.selectionEnd;
    setMarkdown((m) => m.slice(0, start) + token + m.slice(end));
    requestAnimationFrame(() => { el.focus(); el.setSelectionRange(start + token.length, start + token.length); });
  };

  const save = async () => {
    if (!sku || markdown.trim() === '') { setStatus({ kind: 'error', text: t('lead.admin.scripts.empty') }); return; }
    setBusy(true);
    try {
      const saved = await call(api, 'admin.scriptMarkdown', { sku, markdown });
      setStatus({ kind: 'ok', text: t('lead.admin.scripts.saved', { sections: saved.sections.length, objections: saved.objections.length }) });
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <AdminSection title={t('lead.admin.scripts.title')} error={error}>
      <div className="lead-filters">
        <SelectField label={t('lead.admin.scripts.offer')} value={sku} onChange={setSku}
          options={[{ value: '', label: t('lead.admin.scripts.chooseOffer') }, ...(offers ?? []).map((o) => ({ value: o.sku, label: `${o.name} (${o.sku})` }))]} />
        <label className="lead-field"><span>{t('lead.admin.scripts.file')}</span>
          <input type="file" accept=".md,.markdown,text/markdown,text/plain" disabled={!sku} onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void readText(f).then(setMarkdown);
            e.target.value = '';
          }} />
        </label>
      </div>
      {sku ? (
        <>
          <div className="lead-buttons" role="group" aria-label={t('lead.admin.scripts.variables')}>
            <span className="muted">{t('lead.admin.scripts.variables')}:</span>
            {[...knownSet].map((v) => <button key={v} type="button" className="btn btn-small lead-var" onClick={() => insertVar(v)}>{`{{${v}}}`}</button>)}
          </div>
          <p className="muted">{t('lead.admin.scripts.formatHint')}</p>
          <div className="lead-md">
            <label className="lead-field"><span>{t('lead.admin.scripts.markdown')}</span>
              <textarea ref={area} rows={22} value={markdown} onChange={(e) => setMarkdown(e.target.value)} spellCheck />
            </label>
            <MarkdownPreview markdown={markdown} known={knownSet} />
          </div>
          {unknown.length ? <p role="alert" className="lead-error">{t('lead.admin.scripts.unknownVars', { list: unknown.join(', ') })}</p> : null}
          <div className="lead-buttons">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void save()}>{t('lead.common.save')}</button>
            <StatusLine status={status} />
          </div>
        </>
      ) : null}
    </AdminSection>
  );
}
