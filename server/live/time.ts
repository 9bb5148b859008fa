/** A timestamptz column value (Date from pg/PGlite, or a string) as a UTC ISO string. */
export function toIso(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  return new Date(String(v)).toISOString();
}

/** Like toIso, keeping null. */
export function toIsoOrNull(v: unknown): string | null {
  return v === null || v === undefined ? null : toIso(v);
}
