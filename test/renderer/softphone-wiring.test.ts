/**
 * The softphone wiring without SIP: a fake service records how it is created, started and stopped
 * with the session, and the ports are checked against the Api and the desk's stores.
 */
import '../../renderer/i18n';
import { createSoftphoneWiring, orderForCaller, usePhoneUiStore } from '../../renderer/app/softphone-wiring';
import { softphoneSettingsSaved } from '../../renderer/app/softphone-settings';
import type { SoftphoneConfig, SoftphonePorts, SoftphoneService } from '../../renderer/softphone/softphone-service';
import { useCallStore, initialCallStoreState } from '../../renderer/softphone/call-store';
import { useOrderStore } from '../../renderer/stores/order-store';
import { useSessionStore } from '../../renderer/stores/session-store';
import type { CustomerHistory } from '../../shared/api/http';
import { MemoryApi, SESSION, makeOrder, viewOf } from './support/memory-api';
import { resetStores } from './support/render-desk';

const SIP = { wsUrl: 'ws://127.0.0.1:8088', domain: '127.0.0.1', user: 'operator1', password: 'x', displayName: 'Анна' };

interface Fake { config: SoftphoneConfig; ports: SoftphonePorts; started: number; stopped: number; saved: number; dialed: unknown[] }

function setup(settings: Record<string, unknown> = {}) {
  const mem = new MemoryApi({ 'settings.get': (req) => settings[req.key] ?? null });
  const fakes: Fake[] = [];
  const wiring = createSoftphoneWiring(mem.api, {
    create: (config, ports) => {
      const f: Fake = { config, ports, started: 0, stopped: 0, saved: 0, dialed: [] };
      fakes.push(f);
      return {
        start: async () => { f.started += 1; },
        stop: async () => { f.stopped += 1; },
        resultSaved: () => { f.saved += 1; },
        call: (n: string, ctx: unknown) => { f.dialed.push([n, ctx]); return { ok: false, code: 'notRegistered', message: '' }; },
        answer: async () => undefined,
        hangup: async () => undefined,
      } as unknown as SoftphoneService;
    },
  });
  return { mem, fakes, wiring };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  resetStores();
  useCallStore.setState(initialCallStoreState());
  usePhoneUiStore.setState({ pop: null, refusal: null });
});

test('an operator with a SIP account gets a started softphone with the local settings; logout stops it', async () => {
  const { fakes, wiring } = setup({ 'softphone.dialFormat': { style: 'eight', prefix: '9' }, 'softphone.noAnswerTimeoutSec': 30 });
  useSessionStore.getState().setSession({ ...SESSION, sip: SIP });
  await flush(); await flush();
  expect(fakes).toHaveLength(1);
  expect(fakes[0]?.config).toMatchObject({ ...SIP, dialFormat: { style: 'eight', prefix: '9' }, dtmfMethod: 'rfc4733', noAnswerTimeoutMs: 30_000 });
  expect(fakes[0]?.started).toBe(1);
  expect(wiring.current()).not.toBeNull();

  useSessionStore.getState().setSession(null);
  await flush(); await flush();
  expect(fakes[0]?.stopped).toBe(1);
  expect(wiring.current()).toBeNull();
  await wiring.dispose();
});

test('no softphone without a SIP account or for a lead; dialing then says why', async () => {
  const { fakes, wiring } = setup();
  useSessionStore.getState().setSession({ ...SESSION, sip: null });
  await flush(); await flush();
  useSessionStore.getState().setSession({ ...SESSION, user: { ...SESSION.user, role: 'lead' }, sip: SIP });
  await flush(); await flush();
  expect(fakes).toHaveLength(0);
  wiring.actions.onCall('+79123456789', 1);
  expect(usePhoneUiStore.getState().refusal).toBe('noSoftphone');
  await wiring.dispose();
});

test('ports: call log, agent states (call states, wrap-up while an order is open, a break stays), quality, refusals', async () => {
  const { mem, fakes, wiring } = setup();
  useSessionStore.getState().setSession({ ...SESSION, sip: SIP });
  await flush(); await flush();
  const ports = fakes[0]!.ports;

  const attempt = { callId: 'c1', orderId: 5, startedAt: '2026-11-28T09:00:00.000Z', answeredAt: null, endedAt: '2026-11-28T09:00:10.000Z', outcome: 'busy' as const };
  ports.onCallLogged(attempt);
  ports.onAgentState?.('talking', 'c1');
  ports.onQuality?.('c1', { rttMs: 20, jitterMs: 2, lossPct: 0 });
  await flush();
  expect(mem.requests('call.log')).toEqual([attempt]);
  expect(useSessionStore.getState().agentState).toBe('talking');
  expect(mem.requests('agent.setState').at(-1)).toMatchObject({ state: 'talking', callId: 'c1', sipRegistered: true });
  expect(mem.requests('agent.quality')).toEqual([{ callId: 'c1', quality: { rttMs: 20, jitterMs: 2, lossPct: 0 } }]);

  useOrderStore.getState().open(viewOf(makeOrder({ id: 9 })));
  ports.onAgentState?.('ready', null);
  await flush();
  expect(useSessionStore.getState().agentState).toBe('wrapUp');
  expect(mem.requests('agent.setState').at(-1)).toMatchObject({ state: 'wrapUp', orderId: 9 });

  useSessionStore.getState().setAgentState('break', 'lunch');
  ports.onAgentState?.('offline', null);
  ports.onAgentState?.('ready', null);
  await flush();
  expect(useSessionStore.getState().agentState).toBe('break');
  expect(mem.requests('agent.setState').slice(-2)).toEqual([
    expect.objectContaining({ state: 'break', breakReason: 'lunch', sipRegistered: false }),
    expect.objectContaining({ state: 'break', breakReason: 'lunch', sipRegistered: true }),
  ]);

  wiring.actions.onCall('+79123456789', 9);
  expect(fakes[0]?.dialed).toEqual([['+79123456789', { orderId: 9, tab: 'new' }]]);
  expect(usePhoneUiStore.getState().refusal).toBe('notRegistered');
  await wiring.dispose();
});

test('a saved result ends the wrap-up of the softphone', async () => {
  const { fakes, wiring } = setup();
  useSessionStore.getState().setSession({ ...SESSION, sip: SIP });
  await flush(); await flush();
  useOrderStore.getState().setNotice({ kind: 'saved', result: 'confirm', queued: false, orderId: 9 });
  expect(fakes[0]?.saved).toBe(1);
  await wiring.dispose();
});

const history = (orders: Partial<CustomerHistory['orders'][number]>[]): CustomerHistory => ({
  phone: '+79123456789',
  orders: orders.map((o, i) => ({ id: i + 1, createdAt: '2026-11-01T10:00:00.000Z', status: 'confirmed', offerName: 'Крем', customerName: 'Иван Петров', totalKop: 100_00, problem: null, comment: '', lastCallAt: null, ...o })),
});

test('the screen pop: the caller\'s history is shown and the call goes on their newest open order', async () => {
  const h = history([{ id: 3, status: 'confirmed', createdAt: '2026-11-20T10:00:00.000Z' }, { id: 4, status: 'no_answer', createdAt: '2026-11-10T10:00:00.000Z' }, { id: 5, status: 'new', createdAt: '2026-11-15T10:00:00.000Z' }]);
  expect(orderForCaller(h)).toEqual({ orderId: 5, name: 'Иван Петров' });
  expect(orderForCaller(history([{ status: 'cancelled' }]))).toEqual({ orderId: null, name: 'Иван Петров' });

  const { mem, fakes, wiring } = setup();
  mem.handlers['customer.history'] = () => h;
  useSessionStore.getState().setSession({ ...SESSION, sip: SIP });
  await flush(); await flush();
  const info = await fakes[0]!.ports.lookupCaller!('+79123456789');
  expect(info).toEqual({ orderId: 5, name: 'Иван Петров' });
  expect(usePhoneUiStore.getState().pop).toEqual({ phone: '+79123456789', history: h });
  await wiring.dispose();
});

test('an inbound caller\'s number goes to the server with `ringing`, before the lookup and with the call', async () => {
  const { mem, fakes, wiring } = setup();
  const order: string[] = [];
  mem.handlers['customer.history'] = () => { order.push('lookup'); return history([]); };
  mem.handlers['agent.setState'] = (req) => { order.push(`state:${req.state}`); return null; };
  useSessionStore.getState().setSession({ ...SESSION, sip: SIP });
  await flush(); await flush();
  const ports = fakes[0]!.ports;
  const setState = () => mem.requests('agent.setState');
  const before = setState().length;
  await ports.lookupCaller!('+79123456789');
  expect(order).toEqual(['state:ringing', 'lookup']);
  expect(setState().slice(before)).toEqual([expect.objectContaining({ state: 'ringing', remoteNumber: '+79123456789' })]);

  useCallStore.setState({ call: { ...useCallStore.getState().call, phase: 'incoming', direction: 'inbound', callId: 'in-1', remoteNumber: '+79123456789' } });
  ports.onAgentState?.('ringing', 'in-1');
  ports.onAgentState?.('talking', 'in-1');
  await flush();
  expect(setState().slice(-2)).toEqual([
    expect.objectContaining({ state: 'ringing', callId: 'in-1', remoteNumber: '+79123456789' }),
    expect.objectContaining({ state: 'talking', callId: 'in-1', remoteNumber: null }),
  ]);
  await wiring.dispose();
});

test('a DTMF method changed in settings after a call applies to the next call from the same order (restart in wrap-up, never mid-call)', async () => {
  const settings: Record<string, unknown> = {};
  const { fakes, wiring } = setup(settings);
  useSessionStore.getState().setSession({ ...SESSION, sip: SIP });
  await flush(); await flush();
  expect(fakes).toHaveLength(1);
  expect(fakes[0]?.config.dtmfMethod).toBe('rfc4733');
  const setPhase = (phase: 'established' | 'ended' | 'idle') =>
    useCallStore.setState({ call: { ...useCallStore.getState().call, phase, callId: 'c1', orderId: 9 } });

  // changed during a call: kept until the call is over
  setPhase('established');
  settings['softphone.dtmfMethod'] = 'info';
  softphoneSettingsSaved();
  await flush(); await flush();
  expect(fakes).toHaveLength(1);

  // the call ends; the result is not saved yet (wrap-up): the softphone restarts with the new method
  setPhase('ended');
  await flush(); await flush();
  expect(fakes).toHaveLength(2);
  expect(fakes[0]?.stopped).toBe(1);
  expect(fakes[1]?.config.dtmfMethod).toBe('info');
  expect(useCallStore.getState().call.phase).toBe('ended');

  // changed again while still in wrap-up: applied at once
  settings['softphone.dtmfMethod'] = 'rfc4733';
  softphoneSettingsSaved();
  await flush(); await flush();
  expect(fakes).toHaveLength(3);
  expect(fakes[2]?.config.dtmfMethod).toBe('rfc4733');
  await wiring.dispose();
});
