/**
 * The one Markdown format of an offer's script: `## Title` starts a section;
 * under `## Возражения` (or `## Objections`) each `### Title` is an objection whose optional line
 * `Ключевые слова: a, b` gives its search keywords. Bodies are Markdown-lite: paragraphs (line
 * breaks kept), `- ` / `* ` bullet lists, `1. ` numbered lists, `**bold**`, `*italic*` and
 * `{{variable}}` placeholders. A body line that would read as a heading or a keywords line is
 * written with a leading `\`. Parsed by the server (upload), serialized by the admin editor,
 * and rendered — as the block/inline model below — by the admin preview and the operator panel.
 */

/** A section of a script. */
export interface ScriptSectionDoc { key: string; title: string; body: string }
/** An objection with its search keywords. */
export interface ObjectionDoc { key: string; title: string; body: string; keywords: string[] }
/** A script's content (the stored Script without its offer). */
export interface ScriptDoc { sections: ScriptSectionDoc[]; objections: ObjectionDoc[] }

/** Inline pieces of script text: plain text, a `{{variable}}`, and bold/italic spans (nested). */
export type ScriptInline =
  | { kind: 'text'; text: string }
  | { kind: 'var'; name: string }
  | { kind: 'bold' | 'italic'; children: ScriptInline[] };

/** Blocks of a body: a paragraph (its lines), a bullet list or a numbered list (their items). */
export type ScriptBlock =
  | { kind: 'p'; lines: ScriptInline[][] }
  | { kind: 'ul' | 'ol'; items: ScriptInline[][] };

const OBJECTIONS_TITLE = /^(возражения|objections)$/i;
/** The title written for the objections part. */
export const OBJECTIONS_HEADING = 'Возражения';
const KEYWORDS = /^(ключевые слова|keywords)\s*:\s*(.*)$/i;
const H2 = /^##\s+(\S.*?)\s*#*$/;
const H3 = /^###\s+(\S.*?)\s*#*$/;
/** Lines of a body that the parser would take for structure (after any leading `\`s). */
const STRUCTURAL = /^(\s*)(\\*)(#{2,3}\s|(?:ключевые слова|keywords)\s*:)/i;
const ESCAPED = /^(\s*)\\(\\*(?:#{2,3}\s|(?:ключевые слова|keywords)\s*:))/i;

function keyOf(title: string, taken: Set<string>): string {
  const base = title.toLowerCase().replace(/[^a-zа-яё0-9]+/gi, '_').replace(/^_+|_+$/g, '').slice(0, 40) || 'section';
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}_${i}`;
  taken.add(key);
  return key;
}

/** Splits a keywords line's list: comma-separated, trimmed, lower-cased, empties dropped. */
function keywordsOf(list: string): string[] {
  return list.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
}

/**
 * Parses script Markdown. Text before the first `## ` heading is ignored; keys come from the
 * titles (sections first, then objections, `_2`, `_3` … on clashes).
 */
export function parseScriptMarkdown(md: string): ScriptDoc {
  type Part = { title: string; body: string[]; keywords: string[]; objection: boolean };
  const parts: Part[] = [];
  let inObjections = false;
  let current: Part | null = null;
  for (const line of md.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const h2 = H2.exec(line);
    const h3 = H3.exec(line);
    if (h2 && !line.startsWith('###')) {
      const title = (h2[1] ?? '').trim();
      inObjections = OBJECTIONS_TITLE.test(title);
      current = inObjections ? null : { title, body: [], keywords: [], objection: false };
      if (current) parts.push(current);
    } else if (h3 && inObjections) {
      current = { title: (h3[1] ?? '').trim(), body: [], keywords: [], objection: true };
      parts.push(current);
    } else if (current) {
      const kw = KEYWORDS.exec(line.trim());
      if (kw && current.objection) current.keywords = keywordsOf(kw[2] ?? '');
      else current.body.push(line.replace(ESCAPED, '$1$2'));
    }
  }
  const keys = new Set<string>();
  const bodyOf = (p: Part) => p.body.join('\n').trim();
  const sections = parts.filter((p) => !p.objection).map((p) => ({ key: keyOf(p.title, keys), title: p.title, body: bodyOf(p) }));
  const objections = parts.filter((p) => p.objection).map((p) => ({ key: keyOf(p.title, keys), title: p.title, body: bodyOf(p), keywords: p.keywords }));
  return { sections, objections };
}

/** A body as Markdown: lines the parser would take for structure get a leading `\`. */
function bodyMarkdown(body: string): string {
  return body.trim().split('\n').map((l) => l.replace(STRUCTURAL, '$1\\$2$3')).join('\n');
}

/** The script as Markdown (what parseScriptMarkdown reads back to the same script). */
export function scriptToMarkdown(s: Pick<ScriptDoc, 'sections' | 'objections'>): string {
  const parts: string[] = [];
  for (const sec of s.sections) parts.push(`## ${sec.title}\n\n${bodyMarkdown(sec.body)}\n`);
  if (s.objections.length) {
    parts.push(`## ${OBJECTIONS_HEADING}\n`);
    for (const o of s.objections) {
      const kw = o.keywords.length ? `Ключевые слова: ${o.keywords.join(', ')}\n` : '';
      parts.push(`### ${o.title}\n${kw}\n${bodyMarkdown(o.body)}\n`);
    }
  }
  return parts.join('\n');
}

const INLINE = /\*\*(?=\S)([\s\S]*?\S)\*\*|\*(?=[^\s*])([^*]*?[^\s*])\*|\*([^\s*])\*|\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g;

/** Splits text into inline pieces: `**bold**`, `*italic*` (both may hold variables) and `{{variable}}`. */
export function scriptInline(text: string): ScriptInline[] {
  const out: ScriptInline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ kind: 'text', text: text.slice(last, at) });
    const [, bold, italic, single, name] = m;
    if (bold !== undefined) out.push({ kind: 'bold', children: scriptInline(bold) });
    else if (italic !== undefined || single !== undefined) out.push({ kind: 'italic', children: scriptInline(italic ?? single ?? '') });
    else out.push({ kind: 'var', name: name ?? '' });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

/** Splits a body into blocks: paragraphs (blank lines between), bullet lists and numbered lists. */
export function scriptBlocks(body: string): ScriptBlock[] {
  const out: ScriptBlock[] = [];
  let open = false;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line.trim() === '') { open = false; continue; }
    const last = open ? out[out.length - 1] : undefined;
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const kind = bullet ? 'ul' : 'ol';
      const item = scriptInline(((bullet ?? numbered)?.[1] ?? '').trim());
      if (last && last.kind === kind) last.items.push(item);
      else out.push({ kind, items: [item] });
    } else if (last && last.kind === 'p') last.lines.push(scriptInline(line.trim()));
    else out.push({ kind: 'p', lines: [scriptInline(line.trim())] });
    open = true;
  }
  return out;
}
