/** The outcome line after a save: polite for success, an alert for a failure. */

/** A save outcome as shown. */
export interface Status { kind: 'ok' | 'error'; text: string }

/** The status line, or nothing before the first save. */
export function StatusLine({ status }: { status: Status | null }) {
  if (!status) return null;
  return <span role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'lead-error' : 'lead-ok'}>{status.text}</span>;
}
