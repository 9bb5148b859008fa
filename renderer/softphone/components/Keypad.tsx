/** DTMF keypad: 12 keys; also accepts typed digits while focused. */
import { useTranslation } from 'react-i18next';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** Calls `onTone` with each pressed key. */
export function Keypad({ onTone }: { onTone(tone: string): void }) {
  const { t } = useTranslation();
  return (
    <div
      className="keypad"
      role="group"
      aria-label={t('softphone.keypad')}
      tabIndex={0}
      onKeyDown={(e) => { if (KEYS.includes(e.key)) { e.preventDefault(); onTone(e.key); } }}
    >
      {KEYS.map((k) => (
        <button type="button" key={k} onClick={() => onTone(k)}>{k}</button>
      ))}
    </div>
  );
}
