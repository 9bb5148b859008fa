/** An agent state as a colour dot AND its name (never colour alone). */
import { useTranslation } from 'react-i18next';
import type { AgentState, BreakReason } from '../../../shared/api/live';

/** The state cell of a board row. */
export function StateBadge({ state, breakReason }: { state: AgentState; breakReason: BreakReason | null }) {
  const { t } = useTranslation();
  const label = t(`lead.state.${state}`);
  const reason = state === 'break' && breakReason ? ` · ${t(`lead.breakReason.${breakReason}`)}` : '';
  return (
    <span className={`lead-state lead-state-${state}`} data-state={state}>
      <span className="lead-dot" aria-hidden="true" />
      {label}{reason}
    </span>
  );
}
