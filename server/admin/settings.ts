import type { Sql } from '../db/db';
import { configuredWindow, type ServerConfig } from '../config';
import { CallingWindow } from '../../shared/domain/calling-window';
import type { AppDeps, RouteModule } from '../app-deps';
import type { CenterSettings } from '../../shared/api/lead';
import { DEFAULT_ALERT_THRESHOLDS } from '../../shared/domain/reports';
import { DEFAULT_BLACKLIST_ACTION, DEFAULT_NON_BUYER_RETURNS } from '../../shared/domain/buyout';
import { centerContextOf, type CenterContext } from '../../shared/domain/center';
import { allow, ANY_ROLE } from '../auth/access';

/**
 * Center settings stored in `center_settings` (keys `timeZone`, `workingHours`, `alerts`,
 * `nonBuyerReturns`, `blacklistAction`, `callingWindow`), with the configured time zone and the defaults when a key is absent.
 */
export async function readCenterSettings(sql: Sql, config: ServerConfig): Promise<CenterSettings> {
  return centerSettingsOf(await storedSettings(sql), config);
}

/** SQL of the stored settings as one JSON object (key → value); also read together with other directories. */
export const STORED_SETTINGS_SQL = "SELECT COALESCE(json_object_agg(key, value), '{}') FROM center_settings WHERE key IN ('timeZone','workingHours','alerts','nonBuyerReturns','blacklistAction','pbxVerifiedCalls','callingWindow')";

async function storedSettings(sql: Sql): Promise<Record<string, unknown>> {
  const { rows } = await sql.query<{ settings: Record<string, unknown> }>(`SELECT (${STORED_SETTINGS_SQL}) AS settings`);
  return rows[0]?.settings ?? {};
}

/** A stored calling window, else the configured one (CALLING_WINDOW, else 09:00–21:00). */
export function storedWindowOr(value: unknown, config: ServerConfig): CallingWindow {
  const w = CallingWindow.safeParse(value);
  return w.success ? w.data : configuredWindow(config);
}

/** Center settings from the stored key → value pairs, with the defaults for absent keys. */
export function centerSettingsOf(stored: Record<string, unknown>, config: ServerConfig): CenterSettings {
  const tz = stored.timeZone;
  const wh = stored.workingHours as CenterSettings['workingHours'] | undefined;
  const alerts = stored.alerts as Partial<CenterSettings['alerts']> | undefined;
  return {
    timeZone: typeof tz === 'string' && tz ? tz : config.timeZone,
    workingHours: wh && typeof wh === 'object' ? wh : null,
    alerts: { ...DEFAULT_ALERT_THRESHOLDS, ...(alerts && typeof alerts === 'object' ? alerts : {}) },
    nonBuyerReturns: typeof stored.nonBuyerReturns === 'number' ? stored.nonBuyerReturns : DEFAULT_NON_BUYER_RETURNS,
    blacklistAction: stored.blacklistAction === 'invalid' ? 'invalid' : DEFAULT_BLACKLIST_ACTION,
    pbxVerifiedCalls: stored.pbxVerifiedCalls === true,
    callingWindow: storedWindowOr(stored.callingWindow, config),
  };
}

/** The center context the rules read, from the stored key → value pairs. */
export function centerContextFromStored(stored: Record<string, unknown>, config: ServerConfig): CenterContext {
  return centerContextOf(centerSettingsOf(stored, config), config.timeZone);
}

/** The center context the rules read (one place on the server: saves, login, GET center/context, live). */
export async function readCenterContext(sql: Sql, config: ServerConfig): Promise<CenterContext> {
  return centerContextFromStored(await storedSettings(sql), config);
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
