/**
 * The operator's desk with its real softphone, end to end in browser mode (desk-rig.ts: Kamailio,
 * the demo server on PGlite, the browser host, Chromium with fake media; customers are SIP.js UAs).
 * operator1 takes the Next order and calls from the phone field: the customer answers, audio flows
 * both ways, DTMF, hold/resume, hangup; the order shows the answered call and Подтвердить saves.
 * Busy (486) and no answer (timeout → CANCEL) are logged on the order with their outcomes; an
 * inbound call from a known customer pops their orders before answering; a Kamailio restart
 * mid-shift turns the header's SIP light back to registered within 5 s.
 */
import type { CallAttempt, CallOutcome } from '../../shared/domain/schemas';
import { e164FromDisplay, startDeskRig, type DeskRig } from './support/desk-rig';
import { poll } from './support/poll';
import type { CustomerUa } from './support/customer-ua';

jest.setTimeout(240_000);

let rig: DeskRig;

beforeAll(async () => {
  rig = await startDeskRig('desk-call');
  await rig.login('operator1', 'operator');
  await rig.sipLight('registered');
  // the no-answer timeout is a local setting, read when the softphone starts: shorten it and reload
  await rig.handlers['settings.set']({ key: 'softphone.noAnswerTimeoutSec', value: 6 });
  await rig.page.reload();
  await rig.page.getByRole('button', { name: /Следующий заказ/ }).waitFor({ timeout: 30_000 });
  await rig.sipLight('registered');
});

afterAll(async () => {
  await rig?.close();
});

const page = () => rig.page;
const orderRegion = () => page().getByRole('region', { name: /^Заказ № / });
const callBar = () => page().getByRole('region', { name: 'Панель звонка' }).first();
const agentPill = () => page().locator('header .state-pill');

/** Takes the next order (F2) and returns its id and the customer's E.164 number. */
async function nextOrder(): Promise<{ id: number; e164: string }> {
  await page().keyboard.press('F2');
  await orderRegion().waitFor({ timeout: 15_000 });
  const id = Number((await orderRegion().getAttribute('aria-label'))?.replace(/\D/g, ''));
  const display = await orderRegion().locator('.phone-field input').inputValue();
  return { id, e164: e164FromDisplay(display) };
}

/** The calls of an order as the main process holds them (after call.log). */
async function callsOf(orderId: number): Promise<CallAttempt[]> {
  const view = await rig.handlers['order.get']({ orderId });
  return view.order.calls;
}

async function waitOutcome(orderId: number, outcome: CallOutcome, count: number): Promise<CallAttempt[]> {
  return poll(() => callsOf(orderId), (calls) => calls.length >= count && calls.at(-1)?.outcome === outcome);
}

/** Types into a suggestion field and picks the first suggestion with Enter. */
async function pick(label: string, text: string): Promise<void> {
  const input = page().getByRole('combobox', { name: label, exact: true });
  await input.fill('');
  await input.pressSequentially(text, { delay: 30 });
  await page().getByRole('listbox').getByRole('option').first().waitFor({ timeout: 10_000 });
  await input.press('Enter');
}

let confirmedPhone = '';
let confirmedId = 0;

test('click-to-call → answered, audio both ways, DTMF, hold/resume, hangup → the order shows the call and Подтвердить saves', async () => {
  const { id, e164 } = await nextOrder();
  const customer = await rig.customer(e164, 'answer');
  const before = (await callsOf(id)).length;

  await orderRegion().getByRole('button', { name: /Позвонить/ }).click();
  await callBar().getByText('Разговор', { exact: true }).waitFor({ timeout: 15_000 });
  const est = await rig.waitCall((s) => s.call.phase === 'established');
  expect(est.call).toMatchObject({ direction: 'outbound', remoteNumber: e164, orderId: id });
  await agentPill().getByText('Разговор').waitFor();

  const opBytes = await poll(() => page().evaluate(() => window.__audioBytes()), (b) => b.sent > 0 && b.received > 0);
  const cuBytes = await poll(() => customer.audioBytes(), (b) => b.sent > 0 && b.received > 0);
  expect([opBytes.sent > 0, opBytes.received > 0, cuBytes.sent > 0, cuBytes.received > 0]).toEqual([true, true, true, true]);

  // DTMF from the call bar's keypad (RFC 4733: seen on the sender's tonechange)
  await callBar().getByRole('button', { name: 'Клавиатура' }).click();
  const keypad = callBar().getByRole('group', { name: 'Клавиатура' });
  // pressed quickly, one after the other: tones still queued in the sender must not be replaced
  await keypad.getByRole('button', { name: '1', exact: true }).waitFor();
  await page().evaluate(() => {
    const keys = [...document.querySelectorAll<HTMLButtonElement>('[role="group"][aria-label="Клавиатура"] button')];
    for (const k of ['1', '5', '#']) keys.find((b) => b.textContent === k)?.click();
  });
  await poll(() => page().evaluate(() => window.__dtmfTones), (t) => t.length >= 3);
  expect((await page().evaluate(() => window.__dtmfTones)).join('')).toBe('15#');

  // hold and resume by hotkey; the UI and both ends follow the negotiated SDP
  await page().keyboard.press('Control+h');
  await callBar().getByRole('button', { name: 'Снять с удержания' }).waitFor();
  expect(await page().evaluate(() => window.__audioDirection())).toBe('sendonly');
  expect(await customer.audioDirection()).toBe('recvonly');
  await agentPill().getByText('Удержание').waitFor();
  await page().keyboard.press('Control+h');
  await callBar().getByRole('button', { name: 'Удержание' }).waitFor();
  expect(await page().evaluate(() => window.__audioDirection())).toBe('sendrecv');
  expect(await customer.audioDirection()).toBe('sendrecv');

  // mute keeps the call up
  await page().keyboard.press('Control+m');
  await callBar().getByRole('button', { name: 'Вкл. микрофон' }).waitFor();
  await page().keyboard.press('Control+m');
  await callBar().getByRole('button', { name: 'Выкл. микрофон' }).waitFor();

  await page().keyboard.press('F4');
  await callBar().getByText('Дозвонились').waitFor({ timeout: 10_000 });
  await agentPill().getByText('Оформление').waitFor();
  await orderRegion().getByText(/разговор был/).waitFor({ timeout: 10_000 });
  const calls = await waitOutcome(id, 'answered', before + 1);
  expect(calls.at(-1)).toMatchObject({ orderId: id, outcome: 'answered', answeredAt: expect.any(String) });
  expect((await poll(() => customer.state(), (c) => c.sessionState === 'Terminated')).sessionState).toBe('Terminated');

  await page().getByLabel('ФИО', { exact: true }).fill('Смирнова Ольга Петровна');
  await page().getByLabel('Женский').check();
  await pick('Город', 'Екатер');
  await pick('Улица', 'Малыш');
  await pick('Дом', '1');
  await page().getByRole('radiogroup', { name: 'Варианты доставки' }).locator('label.option.chosen').waitFor({ timeout: 15_000 });
  await page().keyboard.press('F5');
  await page().getByText(/Всё заполнено/).waitFor();
  await page().keyboard.press('F5');
  await page().getByText(new RegExp(`Заказ № ${id} сохранён: Подтвердить`)).waitFor({ timeout: 15_000 });
  // wrap-up ends with the saved result
  await agentPill().getByText('Готов').waitFor();
  expect((await rig.waitCall((s) => s.call.phase === 'idle')).call.phase).toBe('idle');

  const admin = await rig.server.login('admin', 'admin');
  const server = await poll(async () => {
    const r = await fetch(`${rig.server.url}/api/v1/orders/${id}`, { headers: { authorization: `Bearer ${admin}` } });
    const j = (await r.json()) as { order?: { status: string; calls: CallAttempt[] }; status?: string; calls?: CallAttempt[] };
    return j.order ?? (j as { status: string; calls: CallAttempt[] });
  }, (o) => o.status === 'confirmed' && o.calls.some((c) => c.outcome === 'answered'));
  expect(server.status).toBe('confirmed');
  expect(server.calls.map((c) => c.outcome)).toContain('answered');
  confirmedPhone = e164;
  confirmedId = id;
  await customer.close();
});

test('busy (486) and no answer (timeout → CANCEL) are logged on the order with their outcomes', async () => {
  const { id, e164 } = await nextOrder();
  const before = (await callsOf(id)).length;
  const customer: CustomerUa = await rig.customer(e164, 'busy');
  const callButton = orderRegion().getByRole('button', { name: /Позвонить/ });

  await callButton.click();
  await callBar().getByText('Занято').waitFor({ timeout: 15_000 }).catch(async (e: unknown) => { await page().screenshot({ path: '/tmp/sp-busy.png' }); throw e; });
  expect((await waitOutcome(id, 'busy', before + 1)).at(-1)).toMatchObject({ orderId: id, outcome: 'busy', answeredAt: null });
  await orderRegion().getByText(/без ответа/).waitFor({ timeout: 10_000 });

  await customer.setMode('noAnswer');
  const cancelsBefore = (await customer.state()).cancels;
  await callButton.click();
  await callBar().getByText('Идут гудки…').waitFor({ timeout: 15_000 });
  await callBar().getByText('Не ответил').waitFor({ timeout: 20_000 });
  expect((await waitOutcome(id, 'noAnswer', before + 2)).slice(before).map((c) => c.outcome)).toEqual(['busy', 'noAnswer']);
  expect((await poll(() => customer.state(), (c) => c.cancels > cancelsBefore)).cancels).toBe(cancelsBefore + 1);
  await agentPill().getByText('Оформление').waitFor();

  await orderRegion().getByRole('button', { name: 'Вернуть в очередь' }).click();
  await orderRegion().waitFor({ state: 'detached' });
  await customer.close();
});

test('an inbound call from a known customer pops their orders before answering', async () => {
  expect(confirmedPhone).not.toBe('');
  if (await orderRegion().count()) {
    await orderRegion().getByRole('button', { name: 'Вернуть в очередь' }).click();
    await orderRegion().waitFor({ state: 'detached' });
  }
  const customer = await rig.customer(confirmedPhone, 'answer');
  await customer.call('operator1');
  const pop = page().getByRole('dialog', { name: 'Входящий звонок' });
  await pop.getByRole('cell', { name: String(confirmedId), exact: true }).waitFor({ timeout: 15_000 });
  // the orders are on screen while the call still rings
  const ringing = await rig.callState();
  expect(ringing.call.phase).toBe('incoming');
  // the ringtone really plays (the renderer's CSP allows it) and nothing says it was blocked
  expect(await poll(() => page().evaluate(() => (window as unknown as { __prozvonSoftphone: { service: { ringing: boolean } } }).__prozvonSoftphone.service.ringing), (r) => r)).toBe(true);
  expect(ringing.notice).toBeNull();
  await agentPill().getByText('Вызов').waitFor();

  await page().keyboard.press('F3');
  await rig.waitCall((s) => s.call.phase === 'established');
  await agentPill().getByText('Разговор').waitFor();
  await customer.hangup();
  await pop.getByText('Дозвонились').waitFor({ timeout: 10_000 });
  await pop.getByRole('button', { name: 'Готово' }).click();
  await pop.waitFor({ state: 'detached' });
  await agentPill().getByText('Готов').waitFor();
  await customer.close();
});

test('Kamailio restarted mid-shift → the header SIP light is registered again within 5 s', async () => {
  await rig.kam.stop(true);
  await page().locator('header .sip-light:not([data-registration="registered"])').waitFor({ timeout: 10_000 });
  await rig.kam.start();
  await rig.sipLight('registered', 5_000);
  expect((await rig.callState()).registration).toBe('registered');
});
