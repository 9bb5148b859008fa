/**
 * `npm run server` — the Prozvon CRM server. Env: HOST, PORT, DATA_DIR, DATABASE_URL,
 * INGEST_API_KEY, TIME_ZONE, SIP_WS_URL, SIP_DOMAIN, PROZVON_LOG_LEVEL (JSON log lines on stdout,
 * redacted, see logging.ts; LOG_LEVEL is read when it is unset), CALLING_WINDOW (config.ts),
 * PROZVON_CLOCK_START (clock.ts); flag `--demo` seeds demo data into an
 * empty database. Prints `listening <url>` on stdout when ready; drains and closes on SIGTERM/SIGINT.
 */
import { configFromEnv } from './config';
import { startServer } from './server';
import { clockFrom } from './clock';
import { DEMO_CREDENTIALS } from './demo/seed';

async function main(): Promise<void> {
  const config = configFromEnv(process.env, process.argv.slice(2));
  const server = await startServer(config, clockFrom(process.env.PROZVON_CLOCK_START));
  if (config.demo) process.stdout.write(`demo users: ${DEMO_CREDENTIALS}\n`);
  process.stdout.write(`listening ${server.url} (${server.db.kind})\n`);
  const stop = (signal: string) => {
    server.app.log.info({ signal }, 'shutting down');
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`prozvon server failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
