/**
 * The live board's data: one BoardAgent per operator, queue sizes per tab and the alert limits.
 * Plain data only; the live subscription (board/use-board-live.ts) feeds it, rows select by id.
 */
import { create } from 'zustand';
import type { BoardAgent, ServerMessage } from '../../shared/api/live';
import type { QueueTab } from '../../shared/domain/schemas';
import { DEFAULT_ALERT_THRESHOLDS, type AlertThresholds } from '../../shared/domain/reports';

/** Queue sizes per tab, as the board snapshot gives them. */
export type QueueSizes = Partial<Record<QueueTab, number>>;

/** How the board rows are ordered. */
export type BoardSort = 'state' | 'name' | 'since';

export interface BoardStoreState {
  agents: Record<number, BoardAgent>;
  queue: QueueSizes;
  /** False until the first snapshot arrived. */
  loaded: boolean;
  /** The last load error (Russian text), null when fine. */
  error: string | null;
  sort: BoardSort;
  /** Alert limits of the center (from `GET board`). */
  thresholds: AlertThresholds;
  /** Server clock minus local clock (ms), so live durations match the server's instants. */
  clockOffsetMs: number;
  /** Replaces everything with a snapshot (`GET board` or a `board` live message). */
  setSnapshot(agents: readonly BoardAgent[], queue: QueueSizes): void;
  /** Upserts one operator's row (a live `agent` message). */
  applyAgent(agent: BoardAgent): void;
  /** Applies a live message; returns true when it changed the board. */
  applyMessage(msg: ServerMessage): boolean;
  /** Stores the alert limits and the clock offset of a `GET board` answer. */
  setServerInfo(thresholds: AlertThresholds, clockOffsetMs: number): void;
  setError(error: string | null): void;
  setSort(sort: BoardSort): void;
  reset(): void;
}

const initial = {
  agents: {}, queue: {}, loaded: false, error: null, sort: 'state' as BoardSort,
  thresholds: DEFAULT_ALERT_THRESHOLDS, clockOffsetMs: 0,
};

/** The board store (one per window). */
export const useBoardStore = create<BoardStoreState>()((set, get) => ({
  ...initial,
  setSnapshot: (agents, queue) => {
    const byId: Record<number, BoardAgent> = {};
    for (const a of agents) byId[a.userId] = a;
    set({ agents: byId, queue: { ...queue }, loaded: true, error: null });
  },
  applyAgent: (agent) => set((s) => ({ agents: { ...s.agents, [agent.userId]: agent } })),
  applyMessage: (msg) => {
    if (msg.type === 'agent') {
      get().applyAgent(msg.agent);
      return true;
    }
    if (msg.type === 'agents') {
      set((s) => ({ agents: { ...s.agents, ...Object.fromEntries(msg.agents.map((a) => [a.userId, a])) } }));
      return true;
    }
    if (msg.type === 'board') {
      get().setSnapshot(msg.agents, msg.queue);
      return true;
    }
    return false;
  },
  setServerInfo: (thresholds, clockOffsetMs) => set({ thresholds, clockOffsetMs }),
  setError: (error) => set({ error }),
  setSort: (sort) => set({ sort }),
  reset: () => set({ ...initial }),
}));

/** Display order of states when sorting by state: busy first, then available, then away. */
const STATE_RANK: Record<BoardAgent['state'], number> = {
  talking: 0, hold: 1, ringing: 2, dialing: 3, wrapUp: 4, ready: 5, break: 6, offline: 7,
};

/** The row order of the board for a sort key (ties by name, then id). */
export function sortedAgentIds(agents: Record<number, BoardAgent>, sort: BoardSort): number[] {
  const list = Object.values(agents);
  const byName = (a: BoardAgent, b: BoardAgent) => a.name.localeCompare(b.name, 'ru') || a.userId - b.userId;
  list.sort((a, b) => {
    if (sort === 'state') return STATE_RANK[a.state] - STATE_RANK[b.state] || byName(a, b);
    if (sort === 'since') return Date.parse(a.since) - Date.parse(b.since) || byName(a, b);
    return byName(a, b);
  });
  return list.map((a) => a.userId);
}
