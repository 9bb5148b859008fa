import { z } from 'zod';

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
  timeZone: z.string().default('Europe/Moscow'),
  sipWsUrl: z.string().default('ws://127.0.0.1:8088'),
  sipDomain: z.string().default('127.0.0.1'),
  tokenTtlHours: z.coerce.number().positive().default(12),
  leaseMinutes: z.coerce.number().positive().default(10),
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
    timeZone: opt(env.TIME_ZONE),
    sipWsUrl: opt(env.SIP_WS_URL),
    sipDomain: opt(env.SIP_DOMAIN),
    tokenTtlHours: opt(env.TOKEN_TTL_HOURS),
    leaseMinutes: opt(env.LEASE_MINUTES),
    demo: argv.includes('--demo'),
    logLevel: opt(env.PROZVON_LOG_LEVEL) ?? opt(env.LOG_LEVEL),
  });
}
