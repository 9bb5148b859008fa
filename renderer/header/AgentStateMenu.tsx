/** Agent state with the break menu (lunch, technical, training, other); reported to the live board. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentState, BreakReason } from '../../shared/api/live';
import { call, useApi } from '../app/api-context';
import { useSessionStore } from '../stores/session-store';
import { useOrderStore } from '../stores/order-store';
import { Elapsed } from './Elapsed';

const BREAKS: readonly BreakReason[] = ['lunch', 'technical', 'training', 'other'];

/** The state button and its menu. */
export function AgentStateMenu() {
  const { t } = useTranslation();
  const api = useApi();
  const state = useSessionStore((s) => s.agentState);
  const reason = useSessionStore((s) => s.breakReason);
  const since = useSessionStore((s) => s.stateSince);
  const setAgentState = useSessionStore((s) => s.setAgentState);
  const [open, setOpen] = useState(false);

  const choose = (next: AgentState, why: BreakReason | null) => {
    setOpen(false);
    setAgentState(next, why);
    const orderId = useOrderStore.getState().view?.order.id ?? null;
    void call(api, 'agent.setState', { state: next, breakReason: why, orderId, callId: null, sipRegistered: null }).catch(() => undefined);
  };

  const label = state === 'break' && reason ? `${t('agent.break')}: ${t(`agent.breakReason.${reason}`)}` : t(`agent.state.${state}`);
  return (
    <div className="agent-state">
      <button type="button" className={`state-pill state-${state}`} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        <span className="dot" aria-hidden="true" />
        <span className="sr-only">{`${t('agent.menu')}: `}</span>
        <span>{label}</span>
        <Elapsed since={since} />
        <span aria-hidden="true" className="caret">▾</span>
      </button>
      {open ? (
        <ul className="menu" role="menu">
          <li role="none">
            <button type="button" role="menuitem" className="state-ready" onClick={() => choose('ready', null)}>
              <span className="dot" aria-hidden="true" />{t('agent.state.ready')}
            </button>
          </li>
          <li role="separator" className="menu-sep">{t('agent.break')}</li>
          {BREAKS.map((b) => (
            <li role="none" key={b}>
              <button type="button" role="menuitem" className="state-break" onClick={() => choose('break', b)}>
                <span className="dot" aria-hidden="true" />{t(`agent.breakReason.${b}`)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
