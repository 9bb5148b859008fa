/**
 * One script rendering: the operator's panel shows every element the admin preview shows (bold,
 * italic, lists, line breaks, variables), with the variables filled from the form.
 */
import { render, screen, within } from '@testing-library/react';
import '../../renderer/lead/lead-i18n';
import { MarkdownPreview } from '../../renderer/lead/admin/MarkdownPreview';
import type { Script } from '../../shared/api/http';
import { scriptToMarkdown } from '../../shared/domain/script-markdown';
import { MemoryApi } from './support/memory-api';
import { openOrder } from './support/render-desk';

jest.setTimeout(20_000);

const RICH: Script = {
  offerSku: 'KREM-X',
  sections: [
    { key: 'приветствие', title: 'Приветствие', body: 'Здравствуйте, **{{customerName}}**!\nМеня зовут *{{operatorName}}*.\n\nУ вас заказ {{offerName}}.' },
    { key: 'итог', title: 'Итог', body: 'Итого **к оплате за {{offerName}}**:\n- товар *со скидкой*\n- клиент {{customerName}}\n\n1. Адрес\n2. Дата\n\nСпасибо!' },
  ],
  objections: [
    { key: 'дорого', title: 'Дорого', body: 'Понимаю! *Сейчас* **акция**:\n- второй −50 %\n- третий в подарок', keywords: ['дорого', 'цена'] },
    { key: 'подумаю', title: 'Подумаю', body: '1. Акция только сегодня\n2. Для {{customerName}}', keywords: [] },
  ],
};

/** The values the desk fills in for the memory session and order. */
const VALUES: Record<string, string> = { customerName: 'Иван', operatorName: 'Анна Оператор', offerName: 'Крем Х' };

/** The body's element structure: tags and text, a preview's variable chip read as the value the desk fills in. */
function shape(nodes: Node[]): string {
  return nodes.map((n) => {
    if (n.nodeType === Node.TEXT_NODE) return n.textContent ?? '';
    const el = n as HTMLElement;
    if (el.classList.contains('lead-var')) return VALUES[(el.textContent ?? '').slice(2, -2)] ?? '?';
    const tag = el.tagName.toLowerCase();
    return `<${tag}>${shape([...el.childNodes])}</${tag}>`;
  }).join('');
}
const bodyNodes = (container: Element) => [...container.children].filter((c) => !['H4', 'H5'].includes(c.tagName) && !c.classList.contains('muted'));

test('the panel shows every element of the preview, variables filled', async () => {
  const preview = render(<MarkdownPreview markdown={scriptToMarkdown(RICH)} known={new Set(Object.keys(VALUES))} />);
  const region = screen.getByRole('region', { name: 'Предпросмотр' });
  const previewParts = [...region.querySelectorAll('section')];
  const previewShapes = previewParts.map((s) => shape(bodyNodes(s)));
  const previewTitles = previewParts.map((s) => s.querySelector('h4, h5')?.textContent);
  for (const element of ['<strong>Иван</strong>', '<em>Анна Оператор</em>', '<ul><li>', '<ol><li>', '<br>', '<p>']) expect(previewShapes.join('')).toContain(element);
  preview.unmount();

  const { user } = await openOrder(new MemoryApi({ 'script.get': () => RICH }));
  const panel = screen.getByRole('complementary', { name: 'Скрипт' });
  const sections = [...panel.querySelectorAll('.script-section')];
  const panelShapes = sections.map((s) => shape(bodyNodes(s)));
  const panelTitles = sections.map((s) => s.querySelector('h4')?.lastChild?.textContent);
  for (const o of RICH.objections) {
    await user.click(within(panel).getByRole('button', { name: new RegExp(o.title) }));
    panelShapes.push(shape([...panel.querySelector('.objection-body')!.childNodes]));
    panelTitles.push(o.title);
  }
  expect(panelShapes).toEqual(previewShapes);
  expect(panelTitles).toEqual(previewTitles);
  expect(panel).not.toHaveTextContent('{{');
});
