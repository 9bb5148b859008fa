/** Who is logged in, the sync light and the agent state shown in the header. Plain data only. */
import { create } from 'zustand';
import type { Session, SyncStatus } from '../../shared/ipc/contract';
import type { AgentState, BreakReason } from '../../shared/api/live';
import type { Offer, Reason } from '../../shared/domain/schemas';
import type { CenterContext } from '../../shared/domain/center';

export interface SessionState {
  session: Session | null;
  /** False until the restored session has been asked for once. */
  restored: boolean;
  sync: SyncStatus | null;
  agentState: AgentState;
  breakReason: BreakReason | null;
  /** When the current agent state began (ISO). */
  stateSince: string;
  offers: Offer[];
  reasons: Reason[];
  setSession(session: Session | null): void;
  setRestored(): void;
  setSync(sync: SyncStatus): void;
  setAgentState(state: AgentState, reason: BreakReason | null, now?: Date): void;
  setCatalog(offers: Offer[], reasons: Reason[]): void;
  /** The server's new center context (live `center.changed`): the rules and the zone follow it without re-login. */
  setCenter(center: CenterContext): void;
}

/** The session store (one per window). */
export const useSessionStore = create<SessionState>()((set, get) => ({
  session: null,
  restored: false,
  sync: null,
  agentState: 'offline',
  breakReason: null,
  stateSince: new Date().toISOString(),
  offers: [],
  reasons: [],
  setSession: (session) => set({ session, restored: true }),
  setRestored: () => set({ restored: true }),
  setSync: (sync) => set({ sync }),
  setAgentState: (agentState, breakReason, now = new Date()) => {
    if (get().agentState === agentState && get().breakReason === breakReason) return;
    set({ agentState, breakReason, stateSince: now.toISOString() });
  },
  setCatalog: (offers, reasons) => set({ offers, reasons }),
  setCenter: (center) => {
    const session = get().session;
    if (session) set({ session: { ...session, center, timeZone: center.timeZone } });
  },
}));
