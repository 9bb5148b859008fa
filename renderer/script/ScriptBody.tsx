/**
 * Renders a script body through the one block/inline model of shared/domain/script-markdown:
 * paragraphs with their line breaks, bullet and numbered lists, bold, italic and variables (no
 * HTML injection). The operator's panel and the admin preview both use it, so the operator sees
 * every element the preview shows; only how a variable looks is theirs (`renderVar`).
 */
import { Fragment, type ReactNode } from 'react';
import { scriptBlocks, type ScriptInline } from '../../shared/domain/script-markdown';

/** How a `{{variable}}` is shown: its value on the desk, a chip in the preview. */
export type RenderVar = (name: string) => ReactNode;

function Inline({ pieces, renderVar }: { pieces: ScriptInline[]; renderVar: RenderVar }) {
  return (
    <>
      {pieces.map((p, i) => {
        switch (p.kind) {
          case 'text': return <Fragment key={i}>{p.text}</Fragment>;
          case 'var': return <Fragment key={i}>{renderVar(p.name)}</Fragment>;
          case 'bold': return <strong key={i}><Inline pieces={p.children} renderVar={renderVar} /></strong>;
          default: return <em key={i}><Inline pieces={p.children} renderVar={renderVar} /></em>;
        }
      })}
    </>
  );
}

/** One script body (a section's text or an objection's answer). */
export function ScriptBody({ text, renderVar }: { text: string; renderVar: RenderVar }) {
  return (
    <>
      {scriptBlocks(text).map((b, i) => {
        if (b.kind === 'p') {
          return (
            <p key={i}>
              {b.lines.map((line, j) => <Fragment key={j}>{j > 0 ? <br /> : null}<Inline pieces={line} renderVar={renderVar} /></Fragment>)}
            </p>
          );
        }
        const items = b.items.map((item, j) => <li key={j}><Inline pieces={item} renderVar={renderVar} /></li>);
        return b.kind === 'ul' ? <ul key={i}>{items}</ul> : <ol key={i}>{items}</ol>;
      })}
    </>
  );
}
