/**
 * The `order.history` channel against a real server process (PGlite): main asks the server for
 * the held order's story (a save with its comment and author comes back after the push); with
 * the server away the channel refuses in words that it works only online.
 */
import { randomUUID } from 'node:crypto';
import { drain, noAnswerCall, noAnswerSave, ok, useServerRig } from './harness';

jest.setTimeout(600_000);

describe('order.history with a real server process', () => {
  const rig = useServerRig('prozvon-history-');

  test('online: the server\'s story of the held order; offline: refused in words', async () => {
    const h = await rig.host('history');
    await ok(h.api['auth.login']({ serverUrl: rig.server.url, login: 'operator3', password: 'operator' }));
    const view = (await ok(h.api['queue.next']({})))!;
    await ok(h.api['call.log'](noAnswerCall(view.order.id, `h-${randomUUID()}`)));
    await ok(h.api['order.saveResult'](noAnswerSave(view.order, 'Гудки, не берёт')));
    await drain(h.api);
    const again = await ok(h.api['order.claim']({ orderId: view.order.id }));
    expect(again.order.id).toBe(view.order.id);

    const story = await ok(h.api['order.history']({ orderId: view.order.id }));
    const saved = story.entries.filter((e) => e.kind === 'result');
    expect(saved.at(-1)).toMatchObject({ kind: 'result', result: 'noAnswer', comment: expect.stringMatching(/Гудки, не берёт$/) });
    expect(story.entries.some((e) => e.kind === 'call')).toBe(true);

    await rig.server.stop();
    const offline = await h.api['order.history']({ orderId: view.order.id });
    expect(offline).toEqual({ ok: false, error: { code: 'offline', message: expect.stringContaining('смотреть историю заказа возможно только онлайн') } });
  });
});
