/** The desk's own agent-state changes (between calls), shown in the header and sent to the board. */
import type { AgentState } from '../../shared/api/live';
import type { Api } from '../../shared/ipc/contract';
import { useSessionStore } from '../stores/session-store';
import { call } from './api-context';

/** Sets the agent state and reports it to the live board. */
export function reportAgentState(api: Api, state: AgentState, orderId: number | null = null): void {
  useSessionStore.getState().setAgentState(state, null);
  void call(api, 'agent.setState', { state, breakReason: null, orderId, callId: null, sipRegistered: null }).catch(() => undefined);
}

/** The open order was saved or returned: wrap-up ends (a break or a call in progress stays). */
export function finishWrapUp(api: Api): void {
  if (useSessionStore.getState().agentState === 'wrapUp') reportAgentState(api, 'ready');
}
