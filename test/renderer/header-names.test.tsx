/** The header's controls are named by what they show (axe «label-content-name-mismatch»), with a hidden prefix where the text alone is cryptic. */
import { screen, within } from '@testing-library/react';
import { renderDesk } from './support/render-desk';
import { MemoryApi } from './support/memory-api';

test('state pill, sync light, plan, language and help: the visible text starts or makes up the name', async () => {
  await renderDesk(new MemoryApi());
  const header = screen.getByRole('banner');
  const byName = (name: RegExp) => within(header).getByRole('button', { name });

  const pill = byName(/^Статус оператора: /);
  expect(pill).not.toHaveAttribute('aria-label');
  const sync = byName(/^Связь с сервером: /);
  expect(sync).not.toHaveAttribute('aria-label');
  const lang = byName(/^EN Язык интерфейса$/);
  expect(lang).not.toHaveAttribute('aria-label');
  const help = byName(/^F1 Справка$/);
  expect(help).toHaveAttribute('aria-keyshortcuts', 'F1');
  expect(within(header).getByTestId('plan-progress')).not.toHaveAttribute('aria-label');
  // the visible words are in the names: the state, the connection word, the language code
  expect(pill).toHaveAccessibleName(/^Статус оператора: Готов \d+:\d\d$/);
  expect(sync).toHaveAccessibleName(/^Связь с сервером: (онлайн|нет связи|синхронизация|—)/);
  expect(within(lang).getByText('EN')).toHaveAttribute('lang', 'en');
});
