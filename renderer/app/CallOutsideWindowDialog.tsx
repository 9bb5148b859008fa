/**
 * Click-to-call outside the customer's calling window asks first: the dialog says the customer's
 * time and the window; focus starts on «Позвонить», Enter confirms, Esc cancels, Tab stays inside.
 */
import { useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallingWindow } from '../../shared/domain/calling-window';
import { useDialogFocus } from './use-dialog-focus';

/** The confirmation dialog (rendered only while asking). */
export function CallOutsideWindowDialog({ customerTime, window, onConfirm, onCancel }: {
  customerTime: string | null; window: CallingWindow; onConfirm(): void; onCancel(): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const bodyId = useId();
  const box = useRef<HTMLDivElement>(null);
  const focusKeys = useDialogFocus(box, onCancel, { isolateKeys: true });
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) { e.preventDefault(); onConfirm(); return; }
    focusKeys(e);
  };
  const body = customerTime
    ? t('zone.ask.body', { time: customerTime, start: window.start, end: window.end })
    : t('zone.ask.bodyUnknown', { start: window.start, end: window.end });
  return (
    <div className="overlay" onMouseDown={(e) => { if (e.target === e.currentTarget) onCancel(); }}>
      <div ref={box} className="overlay-card" role="alertdialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={bodyId} tabIndex={-1} onKeyDown={onKeyDown}>
        <h2 id={titleId}>{t('zone.ask.title')}</h2>
        <p id={bodyId}>{body}</p>
        <div className="row">
          <button type="button" className="btn btn-call" onClick={onConfirm}>{t('zone.ask.call')} <kbd>Enter</kbd></button>
          <button type="button" className="btn btn-ghost" onClick={onCancel}>{t('zone.ask.cancel')} <kbd>Esc</kbd></button>
        </div>
      </div>
    </div>
  );
}
