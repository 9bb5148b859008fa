/** The lead's list of desk call logs that disagree with the PBX, under the report. */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { ApiProvider } from '../../renderer/app/api-context';
import '../../renderer/lead/lead-i18n';
import { PbxFlags } from '../../renderer/lead/reports/PbxFlags';
import { useSessionStore } from '../../renderer/stores/session-store';
import type { PbxFlagsResponse } from '../../shared/api/pbx';
import { MemoryApi, SESSION } from './support/memory-api';

const FLAGS: PbxFlagsResponse = {
  enabled: true,
  flags: [
    { callId: 'c1', orderId: 41, userId: 3, operatorName: 'Анна', startedAt: '2026-11-28T07:05:00.000Z', flag: 'notReported', message: 'АТС не сообщала об этом звонке: он записан только по данным рабочего места.' },
    { callId: 'c2', orderId: 42, userId: 3, operatorName: 'Анна', startedAt: '2026-11-28T08:00:00.000Z', flag: 'talkTimeMismatch', message: 'Длительность разговора: по рабочему месту 10 с, по АТС 60 с.' },
  ],
};

function setup(reply: () => PbxFlagsResponse) {
  useSessionStore.setState({ session: { ...SESSION, user: { id: 2, login: 'lead', name: 'Лидия', role: 'lead' } } });
  const mem = new MemoryApi({ 'pbx.flags': reply });
  render(<ApiProvider api={mem.api}><PbxFlags from="2026-11-28" to="2026-11-28" /></ApiProvider>);
  return mem;
}

test('the flags of the report\'s days in the center\'s zone: when, who, which order, what disagrees', async () => {
  const mem = setup(() => FLAGS);
  const table = await screen.findByRole('table');
  expect(mem.calls.find((c) => c.channel === 'pbx.flags')?.req).toEqual({ from: '2026-11-27T21:00:00.000Z', to: '2026-11-28T21:00:00.000Z' });
  const rows = within(table).getAllByRole('row').slice(1);
  expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
    ['28.11.2026 10:05', 'Анна', '41', FLAGS.flags[0]?.message],
    ['28.11.2026 11:00', 'Анна', '42', FLAGS.flags[1]?.message],
  ]);
  expect(screen.getByRole('heading')).toHaveTextContent('Звонки, расходящиеся с данными АТС');
});

test('no disagreements: it says so', async () => {
  setup(() => ({ enabled: true, flags: [] }));
  expect(await screen.findByText('Расхождений с АТС нет.')).toBeInTheDocument();
});

test('the center does not verify calls by the PBX: nothing is shown', async () => {
  const mem = setup(() => ({ enabled: false, flags: [] }));
  await waitFor(() => expect(mem.calls.some((c) => c.channel === 'pbx.flags')).toBe(true));
  await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
  expect(screen.queryByRole('heading')).toBeNull();
});
