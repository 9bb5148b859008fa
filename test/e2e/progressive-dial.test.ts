/**
 * Progressive dialing end to end (desk-rig.ts: real Kamailio, the demo server, the browser host,
 * Chromium; customers are SIP.js UAs). The admin sets operator1's preview to 8 s; Next order opens
 * an order, shows the countdown and dials by itself through the real PBX: the customer answers.
 * On the next order Esc cancels the preview and nothing is dialed until the operator decides.
 */
import { client } from '../server/support/server-process';
import { e164FromDisplay, startDeskRig, type DeskRig } from './support/desk-rig';
import { poll } from './support/poll';

jest.setTimeout(240_000);

const PREVIEW_S = 8;
let rig: DeskRig;

beforeAll(async () => {
  rig = await startDeskRig('progressive-dial');
  const admin = client(rig.server.url, await rig.server.login('admin', 'admin'));
  const users = await admin.get('/admin/users');
  const op = (users.body.users as { id: number; login: string }[]).find((u) => u.login === 'operator1');
  if (!op) throw new Error('operator1 missing from the demo users');
  expect((await admin.call('PATCH', `/admin/users/${op.id}`, { previewSeconds: PREVIEW_S })).status).toBe(200);
  // the widest calling window: every demo order is inside except in the minute 23:59 of some Russian zone (…:59 UTC)
  expect((await admin.call('PUT', '/admin/settings', { callingWindow: { start: '00:00', end: '23:59' } })).status).toBe(200);
  await rig.login('operator1', 'operator');
  await rig.sipLight('registered');
});

afterAll(async () => {
  await rig?.close();
});

const page = () => rig.page;
const orderRegion = () => page().getByRole('region', { name: /^Заказ № / });
const countdown = () => page().getByRole('timer');

/** Presses Next order away from a :59 minute (the one minute the window above is closed somewhere). */
async function nextOrder(): Promise<{ id: number; e164: string }> {
  await poll(async () => new Date().getUTCMinutes(), (m) => m < 58, 130_000);
  await page().keyboard.press('F2');
  await orderRegion().waitFor({ timeout: 15_000 });
  const id = Number((await orderRegion().getAttribute('aria-label'))?.replace(/\D/g, ''));
  const display = await orderRegion().locator('.phone-field input').inputValue();
  return { id, e164: e164FromDisplay(display) };
}

test('Next order shows the preview countdown, then dials by itself: the customer answers', async () => {
  const { id, e164 } = await nextOrder();
  await countdown().getByText(/^Набор через \d+ с$/).waitFor({ timeout: 5_000 });
  const customer = await rig.customer(e164, 'answer');
  const est = await rig.waitCall((s) => s.call.phase === 'established', (PREVIEW_S + 15) * 1000);
  expect(est.call).toMatchObject({ direction: 'outbound', remoteNumber: e164, orderId: id });
  await countdown().waitFor({ state: 'detached' });
  await page().keyboard.press('F4');
  await rig.waitCall((s) => s.call.phase === 'ended' || s.call.phase === 'idle');
  expect((await poll(() => customer.state(), (c) => c.sessionState === 'Terminated')).sessionState).toBe('Terminated');
  await orderRegion().getByRole('button', { name: 'Вернуть в очередь' }).click();
  await orderRegion().waitFor({ state: 'detached' });
  await customer.close();
});

test('Esc cancels the preview: nothing is dialed', async () => {
  await nextOrder();
  await countdown().waitFor({ timeout: 5_000 });
  const endsAt = Date.now() + PREVIEW_S * 1000;
  await page().keyboard.press('Escape');
  await countdown().waitFor({ state: 'detached', timeout: 5_000 });
  // watch the call state until well past the moment the preview would have dialed
  const watched = await poll(() => rig.callState(), (s) => s.call.phase !== 'idle' && s.call.phase !== 'ended', endsAt + 3_000 - Date.now());
  expect(['idle', 'ended']).toContain(watched.call.phase);
  await orderRegion().getByRole('button', { name: 'Вернуть в очередь' }).click();
  await orderRegion().waitFor({ state: 'detached' });
});
