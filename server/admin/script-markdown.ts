import type { Script } from '../../shared/api/http';

type Parsed = Omit<Script, 'offerSku'>;

const OBJECTIONS_TITLE = /^(возражения|objections)$/i;
const KEYWORDS = /^(ключевые слова|keywords)\s*:\s*(.*)$/i;

function keyOf(title: string, taken: Set<string>): string {
  const base = title.toLowerCase().replace(/[^a-zа-яё0-9]+/gi, '_').replace(/^_+|_+$/g, '').slice(0, 40) || 'section';
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}_${i}`;
  taken.add(key);
  return key;
}

/**
 * Parses an uploaded Markdown script: each `## Title` starts a section; under `## Возражения`
 * (or `## Objections`) each `### Title` is an objection whose optional line
 * `Ключевые слова: a, b` gives its search keywords. `{{variables}}` stay as they are.
 */
export function parseScriptMarkdown(md: string): Parsed {
  const sections: Parsed['sections'] = [];
  const objections: Parsed['objections'] = [];
  const keys = new Set<string>();
  let inObjections = false;
  let current: { title: string; body: string[]; keywords: string[]; objection: boolean } | null = null;
  const flush = () => {
    if (!current) return;
    const body = current.body.join('\n').trim();
    if (current.objection) objections.push({ key: keyOf(current.title, keys), title: current.title, body, keywords: current.keywords });
    else if (!OBJECTIONS_TITLE.test(current.title)) sections.push({ key: keyOf(current.title, keys), title: current.title, body });
    current = null;
  };
  for (const line of md.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const h2 = /^##\s+(.+?)\s*#*$/.exec(line);
    const h3 = /^###\s+(.+?)\s*#*$/.exec(line);
    if (h2 && !line.startsWith('###')) {
      flush();
      const title = (h2[1] ?? '').trim();
      inObjections = OBJECTIONS_TITLE.test(title);
      current = { title, body: [], keywords: [], objection: false };
    } else if (h3 && inObjections) {
      flush();
      current = { title: (h3[1] ?? '').trim(), body: [], keywords: [], objection: true };
    } else if (current) {
      const kw = KEYWORDS.exec(line.trim());
      if (kw && current.objection) current.keywords = (kw[2] ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
      else current.body.push(line);
    }
  }
  flush();
  return { sections, objections };
}
