import type { Sql } from '../db/db';
import type { ServerConfig } from '../config';
import type { AppDeps, RouteModule } from '../app-deps';
import type { CenterSettings } from '../../shared/api/lead';
import { DEFAULT_ALERT_THRESHOLDS } from '../../shared/domain/reports';
import { centerContextOf, type CenterContext } from '../../shared/domain/center';
import { allow, ANY_ROLE } from '../auth/access';

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

/**
 * The center context of the rules (shared/domain/center.ts) from the center settings: the ONE
 * place the server builds it — the save of a result, the login reply, `GET center/context` and
 * the live `center.changed` message all use it.
 */
export async function readCenterContext(sql: Sql, config: ServerConfig): Promise<CenterContext> {
  return centerContextOf(await readCenterSettings(sql, config), config.timeZone);
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

/**
 * Writes an admin's settings change and announces it on the bus (`centerChanged`), so every
 * instance sends the new center context to its live connections (`center.changed`).
 */
export async function changeCenterSettings(deps: Pick<AppDeps, 'db' | 'config' | 'bus'>, patch: Partial<CenterSettings>): Promise<CenterSettings> {
  await writeCenterSettings(deps.db, patch);
  await deps.bus.publish({ kind: 'centerChanged' });
  return readCenterSettings(deps.db, deps.config);
}

/** GET /center/context — the center context of the rules (every logged-in role). */
export const centerRoutes: RouteModule = (app, { db, config }) => {
  app.get('/center/context', allow(ANY_ROLE, 'all'), async () => {
    return readCenterContext(db, config);
  });
};
