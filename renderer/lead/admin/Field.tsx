/** Labelled form controls of the admin screens, with an error line tied to the control. */
import { useId, type ReactNode } from 'react';

interface Common { label: string; error?: string | undefined; hint?: ReactNode }

/** A text-like input with its label. */
export function TextField({ label, error, hint, value, onChange, type = 'text', ...rest }: Common & {
  value: string; onChange(v: string): void; type?: string; required?: boolean; disabled?: boolean; list?: string; inputMode?: 'numeric' | 'decimal' | 'text'; autoComplete?: string;
}) {
  const id = useId();
  return (
    <label className="lead-field">
      <span>{label}</span>
      <input type={type} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-err` : undefined} {...rest} />
      {hint ? <small className="muted">{hint}</small> : null}
      {error ? <span id={`${id}-err`} className="lead-field-error">{error}</span> : null}
    </label>
  );
}

/** A select with its label. */
export function SelectField({ label, error, value, onChange, options }: Common & {
  value: string; onChange(v: string): void; options: { value: string; label: string }[];
}) {
  const id = useId();
  return (
    <label className="lead-field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-err` : undefined}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {error ? <span id={`${id}-err`} className="lead-field-error">{error}</span> : null}
    </label>
  );
}

/** A checkbox with its label. */
export function CheckField({ label, checked, onChange }: { label: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <label className="lead-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

/** Field errors of a zod issue list, keyed by the first path element. */
export function issuesByField(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = String(i.path[0] ?? '_');
    out[key] ??= i.message;
  }
  return out;
}
