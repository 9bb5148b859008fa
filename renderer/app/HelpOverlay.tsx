/** F1: every hotkey of the desk in one overlay; Esc or F1 closes it. */
import { useTranslation } from 'react-i18next';
import { HOTKEYS } from './hotkeys';

/** The hotkey help overlay. */
export function HelpOverlay({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label={t('help.title')} onClick={onClose}>
      <div className="overlay-card" onClick={(e) => e.stopPropagation()}>
        <div className="overlay-head">
          <h2>{t('help.title')}</h2>
          <button type="button" className="btn btn-ghost" onClick={onClose} aria-label={t('common.close')}>Esc</button>
        </div>
        <table className="hotkeys">
          <tbody>
            {HOTKEYS.map((h) => (
              <tr key={h.keys}>
                <td><kbd>{h.keys}</kbd></td>
                <td>{t(h.action)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
