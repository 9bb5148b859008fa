/** The shell of an admin screen: the titled section, its list table and its edit form. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusLine, type Status } from '../StatusLine';

/** The screen's section named `title`, with the load error when there is one. */
export function AdminSection({ title, error, children }: { title: string; error: string | null; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {error ? <p role="alert" className="lead-error">{error}</p> : null}
      {children}
    </section>
  );
}

/** A column heading: its label, right-aligned when numeric. */
export type AdminColumn = string | { label: string; numeric: true };

/** The list table named `label`: the headings plus an empty one over the row actions. */
export function AdminTable({ label, columns, children }: { label: string; columns: readonly AdminColumn[]; children: ReactNode }) {
  return (
    <table className="lead-table" aria-label={label}>
      <thead><tr>
        {columns.map((c) => (typeof c === 'string'
          ? <th key={c} scope="col">{c}</th>
          : <th key={c.label} scope="col" className="r">{c.label}</th>))}
        <th scope="col" />
      </tr></thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** «Да» / «Нет» for a flag. */
export function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return <>{value ? t('lead.common.yes') : t('lead.common.no')}</>;
}

/** The row's edit button, named after the record. */
export function EditButton({ name, onClick }: { name: string; onClick(): void }) {
  const { t } = useTranslation();
  return <button type="button" className="btn btn-small" aria-label={t('lead.admin.editOf', { name })} onClick={onClick}>{t('lead.admin.edit')}</button>;
}

/**
 * The edit form titled `title`: the fields in a grid, then save (`saveLabel`, default «Сохранить»),
 * cancel while `editing`, and the status line.
 */
export function EditForm({ title, editing, onSubmit, onCancel, status, saveLabel, className, children }: {
  title: string; editing: boolean; onSubmit(): Promise<void>; onCancel(): void; status: Status | null;
  saveLabel?: string; className?: string; children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form className={className} onSubmit={(e) => { e.preventDefault(); void onSubmit(); }} aria-label={title}>
      <h3>{title}</h3>
      <div className="lead-form-grid">{children}</div>
      <div className="lead-buttons">
        <button type="submit" className="btn btn-primary">{saveLabel ?? t('lead.common.save')}</button>
        {editing ? <button type="button" className="btn" onClick={onCancel}>{t('lead.common.cancel')}</button> : null}
        <StatusLine status={status} />
      </div>
    </form>
  );
}
