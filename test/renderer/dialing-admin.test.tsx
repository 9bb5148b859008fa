/** Admin → users: an operator's progressive dialing and auto-next seconds (empty is off), checked before sending. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider } from '../../renderer/app/api-context';
import '../../renderer/lead/lead-i18n';
import { AdminView } from '../../renderer/lead/admin/AdminView';
import { useSessionStore } from '../../renderer/stores/session-store';
import type { Res } from '../../shared/ipc/contract';
import { MemoryApi, SESSION } from './support/memory-api';

jest.setTimeout(30_000);

const ANNA: Res<'admin.users'>['users'][number] = {
  id: 5, login: 'anna', name: 'Анна', role: 'operator', teamId: null, active: true, sipWsUrl: null, sipDomain: null, sipUser: null,
  hasSipPassword: false, offerSkus: [], dialing: { previewSeconds: 5, wrapUpSeconds: null },
};

test('the preview and wrap-up seconds are edited per user and only changes are sent', async () => {
  useSessionStore.setState({ session: { ...SESSION, user: { id: 1, login: 'admin', name: 'Админ', role: 'admin' } } });
  const mem = new MemoryApi({
    'admin.users': () => ({ users: [ANNA] }),
    'admin.teams': () => ({ teams: [] }),
    'admin.updateUser': (req) => ({ ...ANNA, dialing: { previewSeconds: req.patch.previewSeconds ?? null, wrapUpSeconds: req.patch.wrapUpSeconds ?? null } }),
    'admin.offers': () => ({ offers: [] }),
  });
  const user = userEvent.setup();
  render(<ApiProvider api={mem.api}><AdminView /></ApiProvider>);
  await user.click(await screen.findByRole('button', { name: 'Изменить: Анна' }, { timeout: 10_000 }));
  const form = screen.getByRole('form', { name: 'Пользователь Анна' });
  const preview = within(form).getByLabelText(/Автонабор: пауза перед набором/);
  const wrapUp = within(form).getByLabelText(/Автопереход: следующий заказ через/);
  expect(preview).toHaveValue('5');
  expect(wrapUp).toHaveValue('');

  await user.clear(preview);
  await user.type(preview, '31');
  await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
  expect(preview).toHaveAttribute('aria-invalid', 'true');
  expect(mem.requests('admin.updateUser')).toEqual([]);

  await user.clear(preview);
  await user.type(wrapUp, '15');
  await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
  expect(await screen.findByText('Сохранено.')).toBeInTheDocument();
  expect(mem.requests('admin.updateUser')).toEqual([{
    id: 5,
    patch: { name: 'Анна', role: 'operator', teamId: null, active: true, sipWsUrl: null, sipDomain: null, sipUser: null, previewSeconds: null, wrapUpSeconds: 15 },
  }]);
});
