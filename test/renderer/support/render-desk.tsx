/** Renders the whole desk on a MemoryApi (operator session) and waits until it is ready. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../../renderer/i18n';
import { App } from '../../../renderer/app/App';
import type { PhoneActions } from '../../../renderer/app/phone-slot';
import { useOrderStore } from '../../../renderer/stores/order-store';
import { useQueueStore } from '../../../renderer/stores/queue-store';
import { useSessionStore } from '../../../renderer/stores/session-store';
import { MemoryApi } from './memory-api';

/** Resets every store between tests. */
export function resetStores(): void {
  useOrderStore.setState({ view: null, form: null, revision: 0, armed: null, variant: null, saving: false, notice: null });
  useQueueStore.setState({ counts: {}, countsCached: false, tab: 'new', lists: {}, notice: null, taking: false });
  useSessionStore.setState({ session: null, restored: false, sync: null, agentState: 'offline', breakReason: null, offers: [], reasons: [] });
}

/** Renders the app and waits for the queue column. */
export async function renderDesk(mem: MemoryApi, phone?: PhoneActions, opts?: Parameters<typeof userEvent.setup>[0]) {
  resetStores();
  const user = userEvent.setup(opts);
  const utils = render(<App api={mem.api} phone={phone} />);
  await screen.findByRole('button', { name: /Следующий заказ/ });
  return { user, ...utils };
}

/** Renders the app, presses F2 and waits for the order form. */
export async function openOrder(mem: MemoryApi, phone?: PhoneActions, opts?: Parameters<typeof userEvent.setup>[0]) {
  const r = await renderDesk(mem, phone, opts);
  await r.user.keyboard('{F2}');
  await screen.findByRole('region', { name: /Результат/ });
  await screen.findByText('Приветствие');
  return r;
}
