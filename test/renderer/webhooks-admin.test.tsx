/** Admin → Вебхуки: the form checks URL / secret / events before sending, pause and resume, deliveries with replay of a dead letter. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider } from '../../renderer/app/api-context';
import '../../renderer/lead/lead-i18n';
import { WebhooksAdmin } from '../../renderer/lead/admin/WebhooksAdmin';
import { useSessionStore } from '../../renderer/stores/session-store';
import type { Res } from '../../shared/ipc/contract';
import { MemoryApi, SESSION } from './support/memory-api';

jest.setTimeout(20_000);

const ENDPOINT: Res<'admin.createWebhook'> = {
  id: 3, url: 'https://shop.example/hook', kinds: ['confirmed'], paused: false, secretHint: '…cdef', pending: 1, delivered: 5, dead: 1,
};
const DELIVERIES: Res<'admin.webhookDeliveries'> = {
  deliveries: [
    { id: 11, eventId: 101, orderId: 7, kind: 'confirmed', state: 'dead', attempts: 30, nextAttemptAt: null, lastAttemptAt: '2026-12-02T10:00:00.000Z',
      lastStatus: 500, lastLatencyMs: 42, lastError: 'ответ HTTP 500', deliveredAt: null },
    { id: 12, eventId: 102, orderId: 8, kind: 'confirmed', state: 'delivered', attempts: 1, nextAttemptAt: null, lastAttemptAt: '2026-12-02T10:00:00.000Z',
      lastStatus: 200, lastLatencyMs: 12, lastError: null, deliveredAt: '2026-12-02T10:00:00.000Z' },
  ],
  attempts: [],
};

function setup() {
  useSessionStore.setState({ session: { ...SESSION, user: { id: 1, login: 'admin', name: 'Админ', role: 'admin' } } });
  const mem = new MemoryApi({
    'admin.webhooks': () => ({ endpoints: [ENDPOINT] }),
    'admin.createWebhook': (req) => ({ ...ENDPOINT, id: 4, url: req.url, kinds: req.kinds }),
    'admin.updateWebhook': (req) => ({ ...ENDPOINT, ...req.patch }),
    'admin.deleteWebhook': () => ({ ok: true }),
    'admin.webhookDeliveries': () => DELIVERIES,
    'admin.replayDelivery': () => ({ replayed: 1 }),
    'admin.replayDead': () => ({ replayed: 1 }),
  });
  const user = userEvent.setup();
  render(<ApiProvider api={mem.api}><WebhooksAdmin /></ApiProvider>);
  return { mem, user };
}

test('a new endpoint: a bad URL and a short secret are refused before sending; then it is sent with the chosen events', async () => {
  const { mem, user } = setup();
  await screen.findByRole('rowheader', { name: 'https://shop.example/hook' });
  const form = screen.getByRole('form', { name: 'Новый вебхук' });
  await user.type(within(form).getByLabelText('Адрес (URL)'), 'ftp://x');
  await user.type(within(form).getByLabelText('Секрет подписи'), 'short');
  await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
  expect(await screen.findByText('Исправьте отмеченные поля', { exact: false })).toBeInTheDocument();
  expect(screen.getByText('Адрес вида https://сервер/путь (или http://)')).toBeInTheDocument();
  expect(mem.requests('admin.createWebhook')).toEqual([]);

  await user.clear(within(form).getByLabelText('Адрес (URL)'));
  await user.type(within(form).getByLabelText('Адрес (URL)'), 'https://crm.example/in');
  await user.click(within(form).getByRole('button', { name: 'Сгенерировать секрет' }));
  await user.click(within(form).getByLabelText('Отказ'));
  await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
  const sent = mem.requests('admin.createWebhook');
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ url: 'https://crm.example/in', kinds: ['confirmed', 'cancelled'] });
  expect(sent[0]?.secret).toMatch(/^[0-9a-f]{64}$/);
});

test('pause, deliveries with status, latency and error, replay of a dead letter and of all of them', async () => {
  const { mem, user } = setup();
  await user.click(await screen.findByRole('button', { name: 'Поставить на паузу https://shop.example/hook' }));
  expect(mem.requests('admin.updateWebhook')).toEqual([{ id: 3, patch: { paused: true } }]);
  await user.click(screen.getByRole('button', { name: 'Доставки https://shop.example/hook' }));
  const dead = await screen.findByRole('row', { name: /101/ });
  expect(within(dead).getByText('500')).toBeInTheDocument();
  expect(within(dead).getByText('42 мс')).toBeInTheDocument();
  expect(within(dead).getByText('ответ HTTP 500')).toBeInTheDocument();
  await user.click(within(dead).getByRole('button', { name: 'Повторить событие 101' }));
  expect(mem.requests('admin.replayDelivery')).toEqual([{ id: 11 }]);
  expect(within(screen.getByRole('row', { name: /102/ })).queryByRole('button')).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Повторить недоставленные https://shop.example/hook' }));
  expect(mem.requests('admin.replayDead')).toEqual([{ id: 3 }]);
});
