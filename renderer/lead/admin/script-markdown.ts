/**
 * The Markdown form of an offer's script for editing in place: `## Section` per section, then
 * `## Возражения` with `### Objection`, an optional `Ключевые слова: …` line and the answer.
 * The server parses the uploaded Markdown back into sections and objections.
 */
import type { Script } from '../../../shared/api/http';

/** The script as Markdown (the format the server's Markdown upload reads). */
export function scriptToMarkdown(s: Pick<Script, 'sections' | 'objections'>): string {
  const parts: string[] = [];
  for (const sec of s.sections) parts.push(`## ${sec.title}\n\n${sec.body.trim()}\n`);
  if (s.objections.length) {
    parts.push('## Возражения\n');
    for (const o of s.objections) {
      const kw = o.keywords.length ? `Ключевые слова: ${o.keywords.join(', ')}\n` : '';
      parts.push(`### ${o.title}\n${kw}\n${o.body.trim()}\n`);
    }
  }
  return parts.join('\n');
}

/** A block of the preview. */
export type MdBlock =
  | { kind: 'h2' | 'h3' | 'p' | 'keywords'; text: string }
  | { kind: 'ul'; items: string[] };

/** Splits Markdown into preview blocks: headings, keyword lines, bullet lists and paragraphs. */
export function markdownBlocks(md: string): MdBlock[] {
  const out: MdBlock[] = [];
  let para: string[] = [];
  let list: string[] | null = null;
  const flush = () => {
    if (para.length) out.push({ kind: 'p', text: para.join('\n') });
    if (list) out.push({ kind: 'ul', items: list });
    para = [];
    list = null;
  };
  for (const raw of md.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trimEnd();
    const h = /^(#{2,3})\s+(.+?)\s*#*$/.exec(line);
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    const kw = /^(ключевые слова|keywords)\s*:\s*(.*)$/i.exec(line);
    if (h) { flush(); out.push({ kind: h[1] === '##' ? 'h2' : 'h3', text: h[2] ?? '' }); }
    else if (kw) { flush(); out.push({ kind: 'keywords', text: kw[2] ?? '' }); }
    else if (item) {
      if (para.length) { out.push({ kind: 'p', text: para.join('\n') }); para = []; }
      (list ??= []).push(item[1] ?? '');
    } else if (line.trim() === '') flush();
    else {
      if (list) { out.push({ kind: 'ul', items: list }); list = null; }
      para.push(line);
    }
  }
  flush();
  return out;
}

/** Inline pieces of a text: plain, **bold** and {{variable}}. */
export type Inline = { kind: 'text' | 'bold' | 'var'; text: string };

/** Splits text into plain, bold and variable pieces. */
export function inlinePieces(text: string): Inline[] {
  const out: Inline[] = [];
  for (const part of text.split(/(\*\*[^*]+\*\*|\{\{\s*[A-Za-z0-9_.]+\s*\}\})/g)) {
    if (!part) continue;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) out.push({ kind: 'bold', text: part.slice(2, -2) });
    else if (part.startsWith('{{')) out.push({ kind: 'var', text: part.slice(2, -2).trim() });
    else out.push({ kind: 'text', text: part });
  }
  return out;
}
