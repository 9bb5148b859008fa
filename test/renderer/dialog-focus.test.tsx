/**
 * Dialogs that are dialogs (F1 help, F10 settings, the lead's Dialog): focus moves in on open,
 * Tab and Shift+Tab stay inside, Esc (and the opening key) closes, focus returns where it was;
 * keys pressed inside a desk dialog do not reach the desk's hotkeys.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import '../../renderer/i18n';
import { Dialog } from '../../renderer/lead/Dialog';
import { MemoryApi } from './support/memory-api';
import { openOrder, renderDesk } from './support/render-desk';

// the whole desk renders per test; the machine running the suite may be busy
jest.setTimeout(30_000);

/** Presses Tab `count` times and checks focus never leaves `box`. */
async function tabAround(user: ReturnType<typeof userEvent.setup>, box: HTMLElement, count: number, shift = false) {
  for (let i = 0; i < count; i++) {
    await user.keyboard(shift ? '{Shift>}{Tab}{/Shift}' : '{Tab}');
    expect(box).toContainElement(document.activeElement as HTMLElement);
  }
}

test('F1: focus moves into the help, Tab stays inside, Esc closes and focus returns to the field', async () => {
  const { user } = await openOrder(new MemoryApi());
  const name = screen.getByLabelText('ФИО');
  await user.click(name);
  await user.keyboard('{F1}');
  const help = screen.getByRole('dialog', { name: 'Горячие клавиши' });
  expect(help).toContainElement(document.activeElement as HTMLElement);
  await tabAround(user, help, 3);
  await tabAround(user, help, 3, true);
  // a desk hotkey pressed inside the dialog does nothing on the desk
  await user.keyboard('{F7}');
  expect(screen.getByRole('button', { name: /^Недозвон/ })).toHaveAttribute('aria-pressed', 'false');
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(name).toHaveFocus();
});

test('F1 pressed again inside the help closes it and focus returns', async () => {
  const { user } = await renderDesk(new MemoryApi());
  const next = screen.getByRole('button', { name: /Следующий заказ/ });
  next.focus();
  await user.keyboard('{F1}');
  expect(screen.getByRole('dialog', { name: 'Горячие клавиши' })).toContainElement(document.activeElement as HTMLElement);
  await user.keyboard('{F1}');
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(next).toHaveFocus();
});

test('F10: focus moves into the settings, Tab and Shift+Tab stay inside, F10 closes and focus returns', async () => {
  const { user } = await openOrder(new MemoryApi());
  const call = screen.getByRole('button', { name: /Позвонить/ });
  call.focus();
  await user.keyboard('{F10}');
  const settings = screen.getByRole('dialog', { name: 'Настройки' });
  await within(settings).findByLabelText('Формат набора номера');
  expect(settings).toContainElement(document.activeElement as HTMLElement);
  const count = settings.querySelectorAll('button:not([disabled]), input:not([disabled]), select').length;
  await tabAround(user, settings, count + 1);
  await tabAround(user, settings, 2, true);
  await user.keyboard('{F10}');
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(call).toHaveFocus();
});

test('Esc closes the settings without disarming a chosen result', async () => {
  const { user } = await openOrder(new MemoryApi());
  await user.keyboard('{F9}');
  const invalid = screen.getByRole('button', { name: /^Невалид/ });
  expect(invalid).toHaveAttribute('aria-pressed', 'true');
  const before = document.activeElement;
  await user.keyboard('{F10}');
  await within(screen.getByRole('dialog', { name: 'Настройки' })).findByLabelText('Формат набора номера');
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(invalid).toHaveAttribute('aria-pressed', 'true');
  expect(document.activeElement).toBe(before);
});

function LeadScreen() {
  const [open, setOpen] = useState(false);
  return (
    <main>
      <button type="button" onClick={() => setOpen(true)}>Написать</button>
      <button type="button">Другая кнопка</button>
      {open ? (
        <Dialog title="Сообщение оператору" onClose={() => setOpen(false)}>
          <textarea aria-label="Текст" />
          <button type="button">Отправить</button>
          <button type="button" onClick={() => setOpen(false)}>Отмена</button>
        </Dialog>
      ) : null}
    </main>
  );
}

test('the lead Dialog: focus in on open, trapped, Esc closes, focus back on the opener', async () => {
  const user = userEvent.setup();
  render(<LeadScreen />);
  const opener = screen.getByRole('button', { name: 'Написать' });
  await user.click(opener);
  const dialog = screen.getByRole('dialog', { name: 'Сообщение оператору' });
  expect(screen.getByLabelText('Текст')).toHaveFocus();
  await tabAround(user, dialog, 5);
  await user.keyboard('{Shift>}{Tab}{/Shift}');
  expect(dialog).toContainElement(document.activeElement as HTMLElement);
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(opener).toHaveFocus();
});
