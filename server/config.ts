import { z } from 'zod';
import { DEFAULT_CALLING_WINDOW, parseCallingWindow, type CallingWindow } from '../shared/domain/calling-window';

/** Server settings from the environment (README "Configuration"). */
export const ServerConfig = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8787),
  dataDir: z.string().nullable().default(null),
  databaseUrl: z.string().nullable().default(null),
  /** Schema for the PostgreSQL objects (tests use one schema per run). */
  databaseSchema: z.string().regex(/^[a-z_][a-z0-9_]*$/).nullable().default(null),
  ingestApiKey: z.string().nullable().default(null),
  /** Key outside systems send as X-Api-Key to the integrations changes feed (unset: feed refused). */
  integrationApiKey: z.string().nullable().default(null),
  /** Key a PBX sends as X-Api-Key with its call events to POST /pbx/events (unset: events refused). */
  pbxApiKey: z.string().nullable().default(null),
  timeZone: z.string().default('Europe/Moscow'),
  /**
   * The calling window (`HH:MM-HH:MM`, customer time) while the center has not set one; the
   * CALLING_WINDOW variable, else 09:00-21:00 (shared/domain/calling-window.ts).
   */
  callingWindow: z.string().refine((s) => parseCallingWindow(s) !== null, 'CALLING_WINDOW: HH:MM-HH:MM, start before end')
    .default(() => process.env.CALLING_WINDOW || '09:00-21:00'),
  sipWsUrl: z.string().default('ws://127.0.0.1:8088'),
  sipDomain: z.string().default('127.0.0.1'),
  tokenTtlHours: z.coerce.number().positive().default(12),
  leaseMinutes: z.coerce.number().positive().default(10),
  /** Outgoing webhooks (docs/integrations.md): first retry delay, request timeout, give-up age, idle poll. */
  webhookBaseDelayMs: z.coerce.number().int().min(1).default(10_000),
  webhookTimeoutMs: z.coerce.number().int().min(100).max(60_000).default(10_000),
  webhookGiveUpHours: z.coerce.number().positive().default(24),
  webhookPollMs: z.coerce.number().int().min(10).default(1_000),
  demo: z.boolean().default(false),
  logLevel: z.string().default('info'),
});
export type ServerConfig = z.infer<typeof ServerConfig>;

/** Reads the configuration from an environment map and the command-line flags. */
export function configFromEnv(env: Record<string, string | undefined>, argv: readonly string[]): ServerConfig {
  const opt = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);
  return ServerConfig.parse({
    host: opt(env.HOST),
    port: opt(env.PORT),
    dataDir: opt(env.DATA_DIR) ?? null,
    databaseUrl: opt(env.DATABASE_URL) ?? null,
    databaseSchema: opt(env.DATABASE_SCHEMA) ?? null,
    ingestApiKey: opt(env.INGEST_API_KEY) ?? null,
    integrationApiKey: opt(env.INTEGRATION_API_KEY) ?? null,
    pbxApiKey: opt(env.PBX_API_KEY) ?? null,
    timeZone: opt(env.TIME_ZONE),
    callingWindow: opt(env.CALLING_WINDOW),
    sipWsUrl: opt(env.SIP_WS_URL),
    sipDomain: opt(env.SIP_DOMAIN),
    tokenTtlHours: opt(env.TOKEN_TTL_HOURS),
    leaseMinutes: opt(env.LEASE_MINUTES),
    webhookBaseDelayMs: opt(env.WEBHOOK_BASE_DELAY_MS),
    webhookTimeoutMs: opt(env.WEBHOOK_TIMEOUT_MS),
    webhookGiveUpHours: opt(env.WEBHOOK_GIVE_UP_HOURS),
    webhookPollMs: opt(env.WEBHOOK_POLL_MS),
    demo: argv.includes('--demo'),
    logLevel: opt(env.PROZVON_LOG_LEVEL) ?? opt(env.LOG_LEVEL),
  });
}

/** The configured calling window (used while the center has not stored its own). */
export function configuredWindow(config: ServerConfig): CallingWindow {
  return parseCallingWindow(config.callingWindow) ?? DEFAULT_CALLING_WINDOW;
}
