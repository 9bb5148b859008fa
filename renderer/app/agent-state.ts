/** The desk's own agent-state changes (between calls), shown in the header and sent to the board. */
import type { AgentState, BreakReason } from '../../shared/api/live';
import type { Api } from '../../shared/ipc/contract';
import { useOrderStore } from '../stores/order-store';
import { useSessionStore } from '../stores/session-store';
import { call } from './api-context';

const CALL_STATES: readonly AgentState[] = ['dialing', 'ringing', 'talking', 'hold'];

/** Sets the agent state and reports it to the live board. */
export function reportAgentState(api: Api, state: AgentState, orderId: number | null = null, breakReason: BreakReason | null = null, since?: Date): void {
  useSessionStore.getState().setAgentState(state, breakReason, since);
  void call(api, 'agent.setState', { state, breakReason, orderId, callId: null, sipRegistered: null }).catch(() => undefined);
}

/** The open order was saved or returned: wrap-up ends (a break or a call in progress stays). */
export function finishWrapUp(api: Api): void {
  if (useSessionStore.getState().agentState === 'wrapUp') reportAgentState(api, 'ready');
}

/**
 * After the desk (re)starts (held orders already opened): asks the server which state this login
 * session left off in (`agent.resume`) and takes it up — a break with its reason and start time;
 * otherwise wrap-up while an order is open, else Готов (a call of the page that is gone is over).
 * A call or a break begun on this page meanwhile wins; without the server the desk is Готов.
 */
export async function restoreAgentState(api: Api): Promise<void> {
  const resume = await call(api, 'agent.resume', {}).then((r) => r.resume).catch(() => null);
  const current = useSessionStore.getState().agentState;
  if (current === 'break' || CALL_STATES.includes(current)) return;
  const view = useOrderStore.getState().view;
  const state: AgentState = resume?.state === 'break' ? 'break' : view ? 'wrapUp' : 'ready';
  const since = resume?.state === state ? new Date(resume.since) : undefined;
  reportAgentState(api, state, view?.order.id ?? null, resume?.state === 'break' ? resume.breakReason : null, since);
}
