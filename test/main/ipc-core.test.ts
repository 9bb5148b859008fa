/** The IPC wrapper's pure core: every channel rejects malformed payloads (fuzzed), untrusted senders are refused. */
import fc from 'fast-check';
import { createDispatcher, senderCheck, type Handlers, type Sender } from '../../main/ipc/ipc-core';
import { AppError } from '../../main/errors';
import { channels, type ChannelName } from '../../shared/ipc/contract';

const names = Object.keys(channels) as ChannelName[];
const trusted: Sender = { id: 1, url: 'file:///opt/prozvon/dist/renderer/index.html' };

function recordingHandlers(): { handlers: Handlers; calls: string[] } {
  const calls: string[] = [];
  const handlers = Object.fromEntries(names.map((n) => [n, () => { calls.push(n); return null; }])) as unknown as Handlers;
  return { handlers, calls };
}

describe('IPC dispatcher', () => {
  const check = senderCheck({ webContentsId: () => 1, origins: ['http://127.0.0.1:5173'], fileRoot: 'file:///opt/prozvon/dist/renderer' });

  test.each(names)('%s rejects malformed payloads with invalid_request naming the channel, handler not called', async (name) => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers, check);
    const schema = channels[name].req;
    await fc.assert(fc.asyncProperty(
      fc.oneof(fc.anything(), fc.object(), fc.record({ orderId: fc.anything(), key: fc.anything(), tab: fc.anything(), phone: fc.anything() })),
      async (payload) => {
        fc.pre(payload !== undefined && !schema.safeParse(payload).success);
        const reply = await dispatch(trusted, name, payload);
        expect(reply.ok).toBe(false);
        if (!reply.ok) {
          expect(reply.error.code).toBe('invalid_request');
          expect(reply.error.message.startsWith(`${name}: `)).toBe(true);
          expect(reply.error.message).toMatch(/: .+: /);
        }
      },
    ), { numRuns: 60 });
    expect(calls).toEqual([]);
  });

  test('validation errors name the offending field', async () => {
    const { handlers } = recordingHandlers();
    const dispatch = createDispatcher(handlers, check);
    const reply = await dispatch(trusted, 'order.get', { orderId: 'x' });
    expect(reply).toEqual({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('orderId: ') } });
    const list = await dispatch(trusted, 'queue.list', { tab: 'new', offset: 0, limit: 100000 });
    expect(!list.ok && list.error.message).toContain('limit: ');
  });

  test('a well-formed call reaches its handler and answers {ok:true,value}', async () => {
    const { handlers, calls } = recordingHandlers();
    const reply = await createDispatcher(handlers, check)(trusted, 'order.get', { orderId: 5 });
    expect(reply).toEqual({ ok: true, value: null });
    expect(calls).toEqual(['order.get']);
  });

  test('unknown channels are refused', async () => {
    const { handlers } = recordingHandlers();
    const reply = await createDispatcher(handlers, check)(trusted, 'fs.readFile', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  test('service errors become {ok:false,error:{code,message}}; unexpected ones are internal', async () => {
    const { handlers } = recordingHandlers();
    handlers['queue.next'] = () => { throw new AppError('offline', 'Нет связи с сервером'); };
    handlers['order.held'] = () => { throw new Error('disk full'); };
    const dispatch = createDispatcher(handlers, check);
    expect(await dispatch(trusted, 'queue.next', {})).toEqual({ ok: false, error: { code: 'offline', message: 'Нет связи с сервером' } });
    expect(await dispatch(trusted, 'order.held', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  test.each<[string, Sender]>([
    ['another webContents', { id: 2, url: 'file:///opt/prozvon/dist/renderer/index.html' }],
    ['a foreign web origin', { id: 1, url: 'https://evil.example/' }],
    ['a file outside the renderer folder', { id: 1, url: 'file:///tmp/evil.html' }],
    ['a sibling folder with the same prefix', { id: 1, url: 'file:///opt/prozvon/dist/renderer-evil/index.html' }],
    ['no frame URL', { id: 1, url: null }],
    ['a garbage URL', { id: 1, url: 'not a url' }],
  ])('calls from %s are refused before parsing', async (_label, sender) => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers, check);
    for (const name of names) {
      const reply = await dispatch(sender, name, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(calls).toEqual([]);
  });

  test('our window from the dev server origin is trusted; no window means nobody is', () => {
    expect(check({ id: 1, url: 'http://127.0.0.1:5173/#/queue' })).toBe(true);
    expect(check(trusted)).toBe(true);
    expect(senderCheck({ webContentsId: () => null, origins: [], fileRoot: 'file:///opt/prozvon/dist/renderer' })(trusted)).toBe(false);
  });
});
