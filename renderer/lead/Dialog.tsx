/** A small modal dialog: labelled, focus moves in on open, stays inside, returns on close; Esc closes. */
import { useId, useRef, type ReactNode } from 'react';
import { useDialogFocus } from '../app/use-dialog-focus';

/** A modal box with a title; `onClose` runs on Esc and on the backdrop. */
export function Dialog({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const onKeyDown = useDialogFocus(box, onClose);
  return (
    <div className="lead-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div ref={box} className="lead-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown}>
        <h3 id={titleId}>{title}</h3>
        {children}
      </div>
    </div>
  );
}
