/** A live, injection-free preview of script Markdown; variables shown as chips, unknown ones flagged. */
import { useTranslation } from 'react-i18next';
import { inlinePieces, markdownBlocks } from './script-markdown';

function Inline({ text, known }: { text: string; known: ReadonlySet<string> }) {
  const { t } = useTranslation();
  return (
    <>
      {inlinePieces(text).map((p, i) => {
        if (p.kind === 'bold') return <strong key={i}>{p.text}</strong>;
        if (p.kind === 'var') {
          const ok = known.has(p.text);
          return <span key={i} className={ok ? 'lead-var' : 'lead-var lead-error'} title={ok ? undefined : t('lead.admin.scripts.unknownVar')}>{`{{${p.text}}}`}</span>;
        }
        return p.text.split('\n').map((s, j) => (j === 0 ? <span key={`${i}-${j}`}>{s}</span> : <span key={`${i}-${j}`}><br />{s}</span>));
      })}
    </>
  );
}

/** The preview of `markdown`. */
export function MarkdownPreview({ markdown, known }: { markdown: string; known: ReadonlySet<string> }) {
  const { t } = useTranslation();
  return (
    <div className="lead-md-preview" aria-label={t('lead.admin.scripts.preview')} role="region">
      {markdownBlocks(markdown).map((b, i) => {
        switch (b.kind) {
          case 'h2': return <h4 key={i}><Inline text={b.text} known={known} /></h4>;
          case 'h3': return <h5 key={i}><Inline text={b.text} known={known} /></h5>;
          case 'keywords': return <p key={i} className="muted">{t('lead.admin.scripts.keywords')}: {b.text}</p>;
          case 'ul': return <ul key={i}>{b.items.map((it, j) => <li key={j}><Inline text={it} known={known} /></li>)}</ul>;
          default: return <p key={i}><Inline text={b.text} known={known} /></p>;
        }
      })}
    </div>
  );
}
