/** Header sync light: the initial sync's progress from `sync.status` events («загружено 40 из 120»), gone when the sync ends. */
import { act, screen, waitFor } from '@testing-library/react';
import type { SyncStatus } from '../../shared/ipc/contract';
import { MemoryApi } from './support/memory-api';
import { renderDesk } from './support/render-desk';

const status = (p: Partial<SyncStatus>): SyncStatus => ({ online: true, pending: 0, lastSyncAt: null, syncing: false, progress: null, lastError: null, ...p });

test('shows done of total while the first pull runs, a count when the server gives no total, nothing once synced', async () => {
  const mem = new MemoryApi();
  await renderDesk(mem);
  expect(screen.queryByTestId('sync-progress')).toBeNull();

  act(() => mem.emit('sync.status', status({ syncing: true, progress: { done: 40, total: 120 } })));
  await waitFor(() => expect(screen.getByTestId('sync-progress')).toHaveTextContent('загружено 40 из 120'));
  act(() => mem.emit('sync.status', status({ syncing: true, progress: { done: 120, total: 120 } })));
  await waitFor(() => expect(screen.getByTestId('sync-progress')).toHaveTextContent('загружено 120 из 120'));

  act(() => mem.emit('sync.status', status({ syncing: true, progress: { done: 500, total: null } })));
  await waitFor(() => expect(screen.getByTestId('sync-progress')).toHaveTextContent(/^· загружено 500$/));

  act(() => mem.emit('sync.status', status({ syncing: false })));
  await waitFor(() => expect(screen.queryByTestId('sync-progress')).toBeNull());
  expect(screen.getByRole('button', { name: /Связь с сервером: онлайн/ })).toBeInTheDocument();
});
