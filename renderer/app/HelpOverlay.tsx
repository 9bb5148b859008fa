/** F1: every hotkey of the desk in one modal dialog; Esc or F1 closes it and focus returns where it was. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { HOTKEYS } from './hotkeys';
import { useDialogFocus } from './use-dialog-focus';

const CLOSE_KEYS = ['F1'] as const;

/** The hotkey help overlay. */
export function HelpOverlay({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const onKeyDown = useDialogFocus(box, onClose, { closeKeys: CLOSE_KEYS, isolateKeys: true });
  return (
    <div ref={box} className="overlay" role="dialog" aria-modal="true" aria-label={t('help.title')} tabIndex={-1} onClick={onClose} onKeyDown={onKeyDown}>
      <div className="overlay-card" onClick={(e) => e.stopPropagation()}>
        <div className="overlay-head">
          <h2>{t('help.title')}</h2>
          <button type="button" className="btn btn-ghost" onClick={onClose} aria-keyshortcuts="Escape">{t('common.close')} <kbd>Esc</kbd></button>
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
