import type { Sql } from '../db/db';
import type { ServerConfig } from '../config';
import type { CenterSettings } from '../../shared/api/lead';
import { DEFAULT_ALERT_THRESHOLDS } from '../../shared/domain/reports';

/**
 * Center settings stored in `center_settings` (keys `timeZone`, `workingHours`, `alerts`), with
 * the configured time zone and the default alert thresholds when a key is absent.
 */
export async function readCenterSettings(sql: Sql, config: ServerConfig): Promise<CenterSettings> {
  const { rows } = await sql.query<{ key: string; value: unknown }>(
    "SELECT key, value FROM center_settings WHERE key IN ('timeZone','workingHours','alerts')",
  );
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const tz = map.get('timeZone');
  const wh = map.get('workingHours') as CenterSettings['workingHours'] | undefined;
  const alerts = map.get('alerts') as Partial<CenterSettings['alerts']> | undefined;
  return {
    timeZone: typeof tz === 'string' && tz ? tz : config.timeZone,
    workingHours: wh && typeof wh === 'object' ? wh : null,
    alerts: { ...DEFAULT_ALERT_THRESHOLDS, ...(alerts && typeof alerts === 'object' ? alerts : {}) },
  };
}

/** Writes the given settings keys (upsert). */
export async function writeCenterSettings(sql: Sql, patch: Partial<CenterSettings>): Promise<void> {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    await sql.query(
      'INSERT INTO center_settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value',
      [key, JSON.stringify(value)],
    );
  }
}
