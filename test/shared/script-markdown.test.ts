/**
 * The one script Markdown format: parse and serialize are inverse (property tests), escaping of
 * body lines that look like structure, and the block/inline model the preview and panel render.
 */
import fc from 'fast-check';
import {
  parseScriptMarkdown, scriptBlocks, scriptInline, scriptToMarkdown, type ScriptDoc,
} from '../../shared/domain/script-markdown';

const SCRIPT: ScriptDoc = {
  sections: [
    { key: 'приветствие', title: 'Приветствие', body: 'Здравствуйте, {{customerName}}!\nМеня зовут {{operatorName}}.' },
    { key: 'итог', title: 'Итог', body: 'Итого **{{total}}**:\n- товар\n- доставка' },
  ],
  objections: [{ key: 'дорого', title: 'Дорого', body: 'Понимаю вас, *это важно*.', keywords: ['дорого', 'цена'] }],
};

/** Lines that stress the format: headings, keyword lines, escapes, lists, inline marks, blanks. */
const trickyLine = fc.constantFrom(
  '## Раздел', '### Возражение', '## Возражения', '## Objections', '###  Цена  ##', 'Ключевые слова: Дорого, цена', 'keywords:  a,,b ',
  '\\## не заголовок', '\\\\### два слеша', '  ## с отступом', '- пункт', '* пункт', '1. первый', '2) второй', '**жирный** {{total}}',
  '*курсив* и {{ customerName }}', '', '   ', '##', '## ', '#### четыре', 'текст # с решёткой', 'C#', '\uFEFFbom',
);
const anyLine = fc.oneof(trickyLine, fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ' ')));
const markdownish = fc.array(anyLine, { maxLength: 40 }).map((lines) => lines.join('\n'));

const word = fc.stringMatching(/^[A-Za-zА-Яа-яЁё0-9]{1,8}$/);
const title = fc.tuple(word, fc.stringMatching(/^[A-Za-zА-Яа-я0-9 #*{}_.,!?-]{0,16}$/), word)
  .map(([a, mid, b]) => `${a}${mid}${b}`)
  .filter((t) => !/^(возражения|objections)$/i.test(t));
const body = fc.array(anyLine, { maxLength: 8 }).map((lines) => lines.join('\n').trim());
const keyword = fc.stringMatching(/^[a-zа-я0-9]([a-zа-я0-9 ]{0,8}[a-zа-я0-9])?$/);
const doc: fc.Arbitrary<ScriptDoc> = fc.record({
  sections: fc.array(fc.record({ key: fc.constant(''), title, body }), { maxLength: 4 }),
  objections: fc.array(fc.record({ key: fc.constant(''), title, body, keywords: fc.array(keyword, { maxLength: 3 }) }), { maxLength: 4 }),
});
const withoutKeys = (d: ScriptDoc) => ({
  sections: d.sections.map(({ title: t, body: b }) => ({ title: t, body: b })),
  objections: d.objections.map(({ title: t, body: b, keywords }) => ({ title: t, body: b, keywords })),
});

describe('script Markdown round trip', () => {
  test('any text: what parse reads, serialize writes back to the same script, and serializing is stable', () => {
    fc.assert(fc.property(markdownish, (x) => {
      const s = parseScriptMarkdown(x);
      const md = scriptToMarkdown(s);
      expect(parseScriptMarkdown(md)).toEqual(s);
      expect(scriptToMarkdown(parseScriptMarkdown(md))).toBe(md);
    }), { numRuns: 400 });
  });

  test('any script with tidy titles, bodies and keywords: parse(serialize(s)) keeps every title, body and keyword', () => {
    fc.assert(fc.property(doc, (s) => {
      const back = parseScriptMarkdown(scriptToMarkdown(s));
      expect(withoutKeys(back)).toEqual(withoutKeys(s));
      const keys = [...back.sections, ...back.objections].map((p) => p.key);
      expect(new Set(keys).size).toBe(keys.length);
    }), { numRuns: 300 });
  });

  test('the Markdown of a script: sections, then the objections with their keywords line', () => {
    const md = scriptToMarkdown(SCRIPT);
    expect(md).toContain('## Приветствие\n\nЗдравствуйте, {{customerName}}!');
    expect(md).toContain('## Возражения\n');
    expect(md).toContain('### Дорого\nКлючевые слова: дорого, цена\n');
    expect(parseScriptMarkdown(md)).toEqual(SCRIPT);
  });

  test('a body line that reads as a heading or a keywords line is escaped and comes back as typed', () => {
    const s: ScriptDoc = { sections: [], objections: [{ key: 'x', title: 'X', body: '## не раздел\nКлючевые слова: не ключи\n\\### уже со слешем', keywords: [] }] };
    const md = scriptToMarkdown(s);
    expect(md).toContain('\\## не раздел\n\\Ключевые слова: не ключи\n\\\\### уже со слешем');
    expect(parseScriptMarkdown(md)).toEqual(s);
  });

  test('keys come from titles, sections first, clashes numbered', () => {
    const s = parseScriptMarkdown('## Возражения\n### Цена\nдорого\n## Цена\nтекст\n## Цена\nещё');
    expect(s.sections.map((x) => x.key)).toEqual(['цена', 'цена_2']);
    expect(s.objections.map((x) => x.key)).toEqual(['цена_3']);
  });
});

describe('the block and inline model', () => {
  test('paragraphs keep their lines; bullet and numbered lists', () => {
    expect(scriptBlocks('Первая\nвторая\n\n- а\n* б\n1. раз\n2) два\nпосле').map((b) => b.kind)).toEqual(['p', 'ul', 'ol', 'p']);
    const [p] = scriptBlocks('Первая\nвторая');
    expect(p?.kind === 'p' && p.lines.length).toBe(2);
  });

  test('bold and italic may hold variables; an unclosed star stays text', () => {
    expect(scriptInline('Итого **{{total}}**, *очень* выгодно * и всё')).toEqual([
      { kind: 'text', text: 'Итого ' },
      { kind: 'bold', children: [{ kind: 'var', name: 'total' }] },
      { kind: 'text', text: ', ' },
      { kind: 'italic', children: [{ kind: 'text', text: 'очень' }] },
      { kind: 'text', text: ' выгодно * и всё' },
    ]);
    expect(scriptInline('{{ customerName }}, *а*')).toEqual([
      { kind: 'var', name: 'customerName' }, { kind: 'text', text: ', ' }, { kind: 'italic', children: [{ kind: 'text', text: 'а' }] },
    ]);
  });

  test('the inline model loses no text: pieces put together give the line back', () => {
    const flat = (xs: ReturnType<typeof scriptInline>): string => xs.map((x) => (x.kind === 'text' ? x.text : x.kind === 'var' ? `{{${x.name}}}`
      : x.kind === 'bold' ? `**${flat(x.children)}**` : `*${flat(x.children)}*`)).join('');
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => {
      const canonical = s.replace(/\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g, '{{$1}}');
      expect(flat(scriptInline(canonical))).toBe(canonical);
    }), { numRuns: 300 });
  });
});
