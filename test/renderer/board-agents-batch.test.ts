/** The lead board store applies a coalesced `agents` message like the single `agent` messages it holds, in order. */
import { useBoardStore } from '../../renderer/lead/board-store';
import type { BoardAgent } from '../../shared/api/live';

const row = (userId: number, state: BoardAgent['state']): BoardAgent => ({
  userId, login: `op${userId}`, name: `Оператор ${userId}`, state, breakReason: state === 'break' ? 'lunch' : null, since: '2026-11-28T09:00:00.000Z',
  orderId: null, offerName: null, callId: null, callStartedAt: null, quality: null, sipRegistered: true,
  counters: { calls: 0, answered: 0, confirmed: 0, processed: 0, noAnswerStreak: 0 },
});

test('every row of an agents message is upserted; a later row of the same operator wins', () => {
  const store = useBoardStore.getState();
  store.reset();
  store.setSnapshot([row(1, 'ready'), row(2, 'ready'), row(3, 'ready')], {});
  expect(store.applyMessage({ type: 'agents', agents: [row(1, 'talking'), row(4, 'ready'), row(1, 'wrapUp'), row(3, 'break')] })).toBe(true);
  const agents = useBoardStore.getState().agents;
  expect(Object.values(agents).map((a) => [a.userId, a.state])).toEqual([[1, 'wrapUp'], [2, 'ready'], [3, 'break'], [4, 'ready']]);
});
