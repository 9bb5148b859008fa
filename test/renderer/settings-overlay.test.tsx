/** The operator's settings overlay (F10): loads, validates and saves the softphone settings; the wiring restarts on save. */
import { screen, waitFor, within } from '@testing-library/react';
import { useSoftphoneSettingsStore } from '../../renderer/app/softphone-settings';
import { createSoftphoneWiring } from '../../renderer/app/softphone-wiring';
import type { SoftphoneConfig, SoftphoneService } from '../../renderer/softphone/softphone-service';
import { initialCallStoreState, useCallStore } from '../../renderer/softphone/call-store';
import { useSessionStore } from '../../renderer/stores/session-store';
import { MemoryApi, SESSION } from './support/memory-api';
import { renderDesk, resetStores } from './support/render-desk';

const dialog = () => screen.getByRole('dialog', { name: 'Настройки' });
const saved = (mem: MemoryApi) => Object.fromEntries(mem.requests('settings.set').map((r) => [r.key, r.value]));

async function openSettings(mem: MemoryApi) {
  const r = await renderDesk(mem);
  await r.user.keyboard('{F10}');
  await within(dialog()).findByLabelText('Формат набора номера');
  return r;
}

test('F10 opens the settings with the stored values; F1 lists F10', async () => {
  const stored: Record<string, unknown> = {
    'softphone.dialFormat': { style: 'eight', prefix: '9' },
    'softphone.dtmfMethod': 'info',
    'softphone.noAnswerTimeoutSec': 30,
    'softphone.sipOverride': { wsUrl: 'wss://pbx.example:8089/ws', domain: 'pbx.example', user: '1001', password: 's' },
  };
  const mem = new MemoryApi({ 'settings.get': (req) => stored[req.key] ?? null });
  const { user } = await openSettings(mem);
  const d = within(dialog());
  expect(d.getByLabelText<HTMLSelectElement>('Формат набора номера').value).toBe('eight');
  expect(d.getByLabelText<HTMLInputElement>(/Префикс/).value).toBe('9');
  expect(d.getByLabelText<HTMLSelectElement>(/DTMF/).value).toBe('info');
  expect(d.getByLabelText<HTMLInputElement>(/Ждать ответа/).value).toBe('30');
  expect(d.getByLabelText<HTMLInputElement>('Использовать учётную запись с сервера').checked).toBe(false);
  expect(d.getByLabelText<HTMLInputElement>(/Адрес SIP-сервера/).value).toBe('wss://pbx.example:8089/ws');
  expect(d.getByText(/Софтфон не подключён/)).toBeInTheDocument();

  await user.keyboard('{Escape}');
  await user.keyboard('{F1}');
  expect(within(screen.getByRole('dialog', { name: 'Горячие клавиши' })).getByText('F10')).toBeInTheDocument();
});

test('the header button opens the settings too', async () => {
  const mem = new MemoryApi();
  const { user } = await renderDesk(mem);
  await user.click(screen.getByRole('button', { name: 'F10 Настройки' }));
  expect(await within(dialog()).findByLabelText('Формат набора номера')).toBeInTheDocument();
});

test('an invalid SIP URL (or empty fields) shows errors and nothing is saved', async () => {
  const mem = new MemoryApi();
  const { user } = await openSettings(mem);
  const d = within(dialog());
  await user.click(d.getByLabelText('Использовать учётную запись с сервера'));
  await user.type(d.getByLabelText(/Адрес SIP-сервера/), 'http://pbx.example/ws');
  await user.type(d.getByLabelText('SIP-домен'), 'pbx.example');
  await user.click(d.getByRole('button', { name: 'Сохранить' }));
  expect(await d.findByText('Адрес должен начинаться с ws:// или wss://.')).toBeInTheDocument();
  expect(d.getByText('Укажите логин.')).toBeInTheDocument();
  expect(d.getByText('Укажите пароль.')).toBeInTheDocument();
  expect(d.getByLabelText(/Адрес SIP-сервера/).getAttribute('aria-invalid')).toBe('true');
  expect(mem.requests('settings.set')).toHaveLength(0);
  expect(dialog()).toBeInTheDocument();
});

test('a timeout out of 5–180 or a bad prefix is refused', async () => {
  const mem = new MemoryApi();
  const { user } = await openSettings(mem);
  const d = within(dialog());
  await user.clear(d.getByLabelText(/Ждать ответа/));
  await user.type(d.getByLabelText(/Ждать ответа/), '3');
  await user.type(d.getByLabelText(/Префикс/), '9a');
  await user.click(d.getByRole('button', { name: 'Сохранить' }));
  expect(await d.findByText('Целое число от 5 до 180.')).toBeInTheDocument();
  expect(d.getByText('Только цифры, * и #, не длиннее 8 символов.')).toBeInTheDocument();
  expect(mem.requests('settings.set')).toHaveLength(0);
});

test('valid values are saved under the softphone keys, the softphone is told to restart, the overlay closes', async () => {
  const mem = new MemoryApi();
  const { user } = await openSettings(mem);
  const revision = useSoftphoneSettingsStore.getState().revision;
  const d = within(dialog());
  await user.selectOptions(d.getByLabelText('Формат набора номера'), 'seven');
  await user.type(d.getByLabelText(/Префикс/), '0#');
  await user.selectOptions(d.getByLabelText(/DTMF/), 'info');
  await user.clear(d.getByLabelText(/Ждать ответа/));
  await user.type(d.getByLabelText(/Ждать ответа/), '60');
  await user.click(d.getByLabelText('Использовать учётную запись с сервера'));
  await user.type(d.getByLabelText(/Адрес SIP-сервера/), 'wss://pbx.example:8089/ws');
  await user.type(d.getByLabelText('SIP-домен'), 'pbx.example');
  await user.type(d.getByLabelText('SIP-логин'), '1001');
  await user.type(d.getByLabelText('SIP-пароль'), 'secret');
  await user.click(d.getByRole('button', { name: 'Сохранить' }));
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Настройки' })).toBeNull());
  expect(saved(mem)).toEqual({
    'softphone.dialFormat': { style: 'seven', prefix: '0#' },
    'softphone.dtmfMethod': 'info',
    'softphone.noAnswerTimeoutSec': 60,
    'softphone.sipOverride': { wsUrl: 'wss://pbx.example:8089/ws', domain: 'pbx.example', user: '1001', password: 'secret' },
  });
  expect(useSoftphoneSettingsStore.getState().revision).toBe(revision + 1);
});

test('with the server account the override is cleared (null) and the defaults are saved', async () => {
  const mem = new MemoryApi();
  const { user } = await openSettings(mem);
  await user.click(within(dialog()).getByRole('button', { name: 'Сохранить' }));
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Настройки' })).toBeNull());
  expect(saved(mem)).toEqual({
    'softphone.dialFormat': { style: 'plus7', prefix: '' },
    'softphone.dtmfMethod': 'rfc4733',
    'softphone.noAnswerTimeoutSec': 45,
    'softphone.sipOverride': null,
  });
});

test('Esc closes without saving', async () => {
  const mem = new MemoryApi();
  const { user } = await openSettings(mem);
  await user.type(within(dialog()).getByLabelText(/Префикс/), '9');
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('dialog', { name: 'Настройки' })).toBeNull();
  expect(mem.requests('settings.set')).toHaveLength(0);
  expect(screen.getByRole('button', { name: /Следующий заказ/ })).toBeInTheDocument();
});

const flush = () => new Promise((r) => setTimeout(r, 0));

test('the wiring restarts the softphone with the saved settings, after the current call', async () => {
  resetStores();
  useCallStore.setState(initialCallStoreState());
  const stored: Record<string, unknown> = {};
  const mem = new MemoryApi({ 'settings.get': (req) => stored[req.key] ?? null });
  const made: { config: SoftphoneConfig; stopped: number }[] = [];
  const wiring = createSoftphoneWiring(mem.api, {
    create: (config) => {
      const f = { config, stopped: 0 };
      made.push(f);
      return { start: async () => undefined, stop: async () => { f.stopped += 1; } } as unknown as SoftphoneService;
    },
  });
  const sip = { wsUrl: 'ws://127.0.0.1:8088', domain: '127.0.0.1', user: 'operator1', password: 'x', displayName: 'Анна' };
  useSessionStore.getState().setSession({ ...SESSION, sip });
  await flush(); await flush();
  expect(made).toHaveLength(1);

  useCallStore.setState({ call: { ...useCallStore.getState().call, phase: 'established' } });
  stored['softphone.dtmfMethod'] = 'info';
  stored['softphone.sipOverride'] = { wsUrl: 'wss://pbx.example/ws', domain: 'pbx.example', user: '1001', password: 's' };
  useSoftphoneSettingsStore.setState((s) => ({ revision: s.revision + 1 }));
  await flush(); await flush();
  expect(made).toHaveLength(1);

  useCallStore.setState({ call: { ...useCallStore.getState().call, phase: 'idle' } });
  await flush(); await flush();
  expect(made).toHaveLength(2);
  expect(made[0]?.stopped).toBe(1);
  expect(made[1]?.config).toMatchObject({ wsUrl: 'wss://pbx.example/ws', domain: 'pbx.example', user: '1001', password: 's', dtmfMethod: 'info' });
  await wiring.dispose();
});
