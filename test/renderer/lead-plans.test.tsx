/** Plans: CSV upload shows the server's per-line errors; the form validates and saves tomorrow's plan; live updates keep typed values. */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider } from '../../renderer/app/api-context';
import '../../renderer/lead/lead-i18n';
import { PlansView } from '../../renderer/lead/plans/PlansView';
import { useBoardStore } from '../../renderer/lead/board-store';
import { useSessionStore } from '../../renderer/stores/session-store';
import { localDayKeyOf } from '../../shared/domain/reports';
import type { BoardAgent } from '../../shared/api/live';
import type { Res } from '../../shared/ipc/contract';
import { MemoryApi, Refusal, SESSION } from './support/memory-api';

jest.setTimeout(20_000);

const tomorrow = localDayKeyOf(new Date(Date.now() + 86_400_000), 'Europe/Moscow');

function setup(csvAnswer: (csv: string) => Res<'plans.uploadCsv'> = () => ({ day: tomorrow, saved: 0, errors: [] })) {
  useBoardStore.getState().reset();
  useSessionStore.setState({ session: { ...SESSION, user: { id: 2, login: 'lead', name: 'Лидия', role: 'lead' } } });
  const mem = new MemoryApi({
    'plans.list': (req) => ({
      day: req.day,
      rows: [{ userId: 1, login: 'anna', name: 'Анна', targetConfirmed: 10, targetCalls: 80 }, { userId: 2, login: 'boris', name: 'Борис', targetConfirmed: 8, targetCalls: 60 }],
    }),
    'plans.uploadCsv': (req) => csvAnswer(req.csv),
    'plans.save': (req) => ({ day: req.day, saved: req.rows.length }),
  });
  const user = userEvent.setup();
  render(<ApiProvider api={mem.api}><PlansView /></ApiProvider>);
  return { mem, user };
}

describe('lead plans', () => {
  test('a CSV upload lists the errors line by line', async () => {
    const csv = 'login;targetConfirmed;targetCalls\nanna;12;90\nboris;x;60\nnobody;1;2\n';
    const { mem, user } = setup(() => ({
      day: tomorrow,
      saved: 0,
      errors: [
        { line: 3, message: 'строка 3: план подтверждений «x» — не целое число ≥ 0' },
        { line: 4, message: 'оператор «nobody» не найден в вашей команде' },
      ],
    }));
    await screen.findByRole('rowheader', { name: 'Анна' });
    await user.upload(screen.getByLabelText('Загрузить CSV'), new File([csv], 'plan.csv', { type: 'text/csv' }));
    const list = await screen.findByRole('list', { name: 'Ошибки в файле' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-line'))).toEqual(['3', '4']);
    expect(items[0]).toHaveTextContent('строка 3: план подтверждений «x» — не целое число ≥ 0');
    expect(items[1]).toHaveTextContent('Строка 4: оператор «nobody» не найден');
    expect(screen.getByText('Сохранено строк: 0, ошибок: 2')).toBeInTheDocument();
    expect(mem.requests('plans.uploadCsv')).toEqual([{ day: tomorrow, csv }]);
  });

  test('every bad line of a long file is listed, none dropped', async () => {
    const errors = Array.from({ length: 60 }, (_, i) => ({ line: i + 2, message: `строка ${i + 2}: пустой логин` }));
    const { user } = setup(() => ({ day: tomorrow, saved: 0, errors }));
    await screen.findByRole('rowheader', { name: 'Анна' });
    await user.upload(screen.getByLabelText('Загрузить CSV'), new File(['x'], 'plan.csv', { type: 'text/csv' }));
    const list = await screen.findByRole('list', { name: 'Ошибки в файле' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(errors.map((e) => e.message));
    expect(screen.getByText('Сохранено строк: 0, ошибок: 60')).toBeInTheDocument();
  });

  test('a refused upload says why', async () => {
    const { user } = setup(() => { throw new Refusal('invalid_csv', 'Файл не содержит строк плана'); });
    await screen.findByRole('rowheader', { name: 'Анна' });
    await user.upload(screen.getByLabelText('Загрузить CSV'), new File(['\n'], 'plan.csv', { type: 'text/csv' }));
    expect(await screen.findByText('Сервер отклонил файл — Файл не содержит строк плана')).toBeInTheDocument();
  });

  test('the form marks a bad number and saves valid targets for tomorrow', async () => {
    const { mem, user } = setup();
    await screen.findByRole('rowheader', { name: 'Анна' });
    expect(screen.getByLabelText('День плана')).toHaveValue(tomorrow);
    const annaConfirmed = screen.getByLabelText('План подтверждений: Анна');
    expect(annaConfirmed).toHaveValue('10');
    await user.clear(annaConfirmed);
    await user.type(annaConfirmed, '1.5');
    await user.click(screen.getByRole('button', { name: 'Сохранить план' }));
    expect(annaConfirmed).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Исправьте отмеченные поля');
    expect(mem.requests('plans.save')).toEqual([]);

    await user.clear(annaConfirmed);
    await user.type(annaConfirmed, '15');
    await user.click(screen.getByRole('button', { name: 'Сохранить план' }));
    expect(await screen.findByText('План сохранён для операторов: 2')).toBeInTheDocument();
    expect(mem.requests('plans.save')).toEqual([
      { day: tomorrow, rows: [{ userId: 1, targetConfirmed: 15, targetCalls: 80 }, { userId: 2, targetConfirmed: 8, targetCalls: 60 }] },
    ]);
  });

  test('typed values survive live board updates (a new operator joins the form, nothing is wiped)', async () => {
    const { mem, user } = setup();
    await screen.findByRole('rowheader', { name: 'Анна' });
    const annaConfirmed = screen.getByLabelText('План подтверждений: Анна');
    await user.clear(annaConfirmed);
    await user.type(annaConfirmed, '42');
    const live = (a: Partial<BoardAgent> & { userId: number; name: string }): BoardAgent => ({
      login: `op${a.userId}`, state: 'ready', breakReason: null, since: new Date().toISOString(), orderId: null, offerName: null,
      callId: null, callStartedAt: null, quality: null, sipRegistered: true,
      counters: { calls: 1, answered: 1, confirmed: 0, processed: 0, noAnswerStreak: 0 }, ...a,
    });
    act(() => {
      useBoardStore.getState().applyMessage({ type: 'agent', agent: live({ userId: 1, name: 'Анна', login: 'anna', state: 'talking' }) });
      useBoardStore.getState().applyMessage({ type: 'agent', agent: live({ userId: 3, name: 'Вера' }) });
    });
    expect(await screen.findByRole('rowheader', { name: 'Вера' })).toBeInTheDocument();
    expect(screen.getByLabelText('План подтверждений: Анна')).toHaveValue('42');
    expect(mem.requests('plans.list')).toHaveLength(1);
  });
});
