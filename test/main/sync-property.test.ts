/**
 * Property (fast-check) against a REAL server process: random sequences of takes, draft edits,
 * call logs, saves, kill -9 restarts of the main-services process and duplicate pushes. After
 * each sequence: every mutation applied exactly once, the outbox drained, no rejection, drafts of
 * unsaved orders kept, and the cache equals the server's view for that operator.
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Mutation } from '../../shared/api/http';
import {
  buildHost, clientIdOf, drain, noAnswerCall, noAnswerSave, ok, rawClient, removeBundle, startHost, startServer,
  type HostProc, type ServerProc,
} from './harness';
import { rmTmp, tmpDir } from './fixtures';
import type { Order } from '../../shared/domain/schemas';

jest.setTimeout(900_000);

type Cmd =
  | { kind: 'take' }
  | { kind: 'edit'; pick: number; text: string }
  | { kind: 'call'; pick: number }
  | { kind: 'save'; pick: number }
  | { kind: 'drop' }
  | { kind: 'dup' };

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'take' as const }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(9), text: fc.string({ minLength: 1, maxLength: 40 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('call' as const), pick: fc.nat(9) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('save' as const), pick: fc.nat(9) }), weight: 3 },
  { arbitrary: fc.constant({ kind: 'drop' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'dup' as const }), weight: 1 },
);

interface Model { order: Order; calls: string[]; saved: boolean; draft: string | null }

describe('sync property (real server)', () => {
  let dir: string;
  let bundle: string;
  let server: ServerProc;
  let run = 0;

  beforeAll(async () => {
    dir = tmpDir('prozvon-prop-');
    [bundle, server] = await Promise.all([buildHost(), startServer(path.join(dir, 'server'))]);
  });
  afterAll(async () => {
    await server?.stop();
    removeBundle(bundle);
    rmTmp(dir);
  });

  test('edits, saves, drops, duplicates, restarts → exactly once, drained, cache = server view', async () => {
    const admin = await rawClient(server.url, 'admin', 'admin');
    const op = await rawClient(server.url, 'operator5', 'operator');
    await fc.assert(fc.asyncProperty(fc.array(cmd, { minLength: 3, maxLength: 12 }), async (cmds) => {
      const hostDir = path.join(dir, `host-${++run}`);
      let h: HostProc = await startHost(bundle, hostDir, server.url);
      try {
        await ok(h.api['auth.login']({ serverUrl: server.url, login: 'operator5', password: 'operator' }));
        const orders: Model[] = [];
        const sent: Mutation[] = [];
        const open = () => orders.filter((o) => !o.saved);
        for (const c of [{ kind: 'take' } as Cmd, ...cmds]) {
          if (c.kind === 'take') {
            const v = await ok(h.api['queue.next']({}));
            if (v && !orders.some((o) => o.order.id === v.order.id)) orders.push({ order: v.order, calls: [], saved: false, draft: null });
          } else if (c.kind === 'edit' || c.kind === 'call' || c.kind === 'save') {
            const candidates = c.kind === 'save' ? open().filter((o) => o.calls.length > 0) : open();
            const m = candidates[c.pick % Math.max(1, candidates.length)];
            if (!m) continue;
            if (c.kind === 'edit') {
              const o = m.order;
              await ok(h.api['draft.save']({ orderId: o.id, customer: o.customer, address: o.address, lines: o.lines, delivery: null, deliveryOptions: [], comment: c.text, result: null, problem: null, callbackAt: null, updatedAt: new Date().toISOString() }));
              m.draft = c.text;
            } else if (c.kind === 'call') {
              const call = noAnswerCall(m.order.id, `p-${randomUUID()}`);
              const { mutationId } = await ok(h.api['call.log'](call));
              sent.push({ id: mutationId, name: 'logCall.v1', args: call });
              m.calls.push(call.callId);
            } else {
              const args = noAnswerSave(m.order);
              const { mutationId } = await ok(h.api['order.saveResult'](args));
              sent.push({ id: mutationId, name: 'saveResult.v1', args });
              m.saved = true;
            }
          } else if (c.kind === 'drop') {
            await h.kill9();
            h = await startHost(bundle, hostDir, server.url);
            expect((await ok(h.api['auth.session']({})))?.user.login).toBe('operator5');
          } else if (sent.length > 0) {
            const res = await op.push(clientIdOf(hostDir, 'operator5'), [...sent].sort((a, b) => a.id - b.id));
            expect(res.status).toBe(200);
          }
        }
        await drain(h.api);

        // Exactly once: each save moved failedAttempts by one, each call is there once.
        for (const m of orders) {
          const s = await admin.order(m.order.id);
          for (const callId of m.calls) expect(s.calls.filter((x) => x.callId === callId)).toHaveLength(1);
          if (m.saved) expect([s.status, s.failedAttempts]).toEqual(['no_answer', m.order.failedAttempts + 1]);
          else expect(s.failedAttempts).toBe(m.order.failedAttempts);
        }
        const clientId = clientIdOf(hostDir, 'operator5');
        expect((await op.pull(clientId)).flatMap((p) => p.rejections)).toEqual([]);
        expect((await ok(h.api['sync.status']({}))).pending).toBe(0);

        // Drafts of unsaved orders survive drops.
        for (const m of open()) {
          if (m.draft !== null) expect((await ok(h.api['order.get']({ orderId: m.order.id }))).draft?.comment).toBe(m.draft);
        }

        // Cache = the server's view for this operator (a fresh client's full pull), after quiescence.
        const compare = async () => {
          await ok(h.api['sync.now']({}));
          const cache = (await ok(h.api['order.held']({}))).map((v) => ({ id: v.order.id, version: v.order.version, status: v.order.status })).sort((a, b) => a.id - b.id);
          const latest = new Map<number, Order>();
          for (const p of await op.pull(randomUUID())) for (const o of p.orders) latest.set(o.id, o);
          const view = [...latest.values()].map((o) => ({ id: o.id, version: o.version, status: o.status })).sort((a, b) => a.id - b.id);
          return { cache, view };
        };
        let cmp = await compare();
        if (JSON.stringify(cmp.cache) !== JSON.stringify(cmp.view)) cmp = await compare();
        expect(cmp.cache).toEqual(cmp.view);
      } finally {
        await h.kill9();
      }
    }), { numRuns: 15, endOnFailure: true });
  });
});
