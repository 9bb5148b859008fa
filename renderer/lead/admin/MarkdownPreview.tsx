/**
 * A live, injection-free preview of script Markdown: the script exactly as the server will read it
 * (parseScriptMarkdown) and as the operator's panel shows it (ScriptBody); variables shown as
 * chips, unknown ones flagged.
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { parseScriptMarkdown } from '../../../shared/domain/script-markdown';
import { ScriptBody, type RenderVar } from '../../script/ScriptBody';

/** The preview of `markdown`. */
export function MarkdownPreview({ markdown, known }: { markdown: string; known: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const script = useMemo(() => parseScriptMarkdown(markdown), [markdown]);
  const renderVar = useCallback<RenderVar>((name) => {
    const ok = known.has(name);
    return <span className={ok ? 'lead-var' : 'lead-var lead-error'} title={ok ? undefined : t('lead.admin.scripts.unknownVar')}>{`{{${name}}}`}</span>;
  }, [known, t]);
  return (
    <div className="lead-md-preview" aria-label={t('lead.admin.scripts.preview')} role="region">
      {script.sections.map((s) => (
        <section key={s.key}>
          <h4>{s.title}</h4>
          <ScriptBody text={s.body} renderVar={renderVar} />
        </section>
      ))}
      {script.objections.length ? <h4>{t('script.objections')}</h4> : null}
      {script.objections.map((o) => (
        <section key={o.key}>
          <h5>{o.title}</h5>
          {o.keywords.length ? <p className="muted">{t('lead.admin.scripts.keywords')}: {o.keywords.join(', ')}</p> : null}
          <ScriptBody text={o.body} renderVar={renderVar} />
        </section>
      ))}
    </div>
  );
}
