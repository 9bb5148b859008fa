/** The main-process logger: level from PROZVON_LOG_LEVEL, phones masked to their last 4 digits, tokens and passwords never written. */
import http from 'node:http';
import { Writable } from 'node:stream';
import { createLogger, levelFromEnv } from '../../main/log';
import { startSocketHost } from '../../main/browser-host/socket-host';
import type { Handlers } from '../../main/ipc/ipc-core';
import { maskPhone, redactForLog, redactText, REDACTED } from '../../shared/domain/log-redact';
import { channels, type ChannelName } from '../../shared/ipc/contract';

/** A logger writing into an array of parsed JSON lines. */
function captured(level: 'info' | 'debug' = 'debug') {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk: Buffer, _enc, cb) { lines.push(...String(chunk).split('\n').filter(Boolean)); cb(); } });
  return { logger: createLogger({ level, stream }), lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const PHONE = '+79123456789';
const TOKEN = 'tok_9f8e7d6c5b4a39281706';

describe('shared log redaction', () => {
  test.each([
    ['+7 (912) 345-67-89', '+* (***) ***-67-89'],
    ['89123456789', '*******6789'],
    ['+79123456789', '+*******6789'],
  ])('maskPhone(%s)', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  test('masks phones inside text and keeps other numbers and dates', () => {
    expect(redactText(`Клиент ${PHONE} по заказу 12345, звонок 2026-11-28T08:00:00.000Z`))
      .toBe('Клиент +*******6789 по заказу 12345, звонок 2026-11-28T08:00:00.000Z');
  });

  test('removes URL tokens and Authorization values', () => {
    expect(redactText(`GET /?t=${TOKEN}&x=1`)).toBe(`GET /?t=${REDACTED}&x=1`);
    expect(redactText(`Authorization: Bearer ${TOKEN}`)).toBe(`Authorization: Bearer ${REDACTED}`);
  });

  test('secret keys are replaced at any depth; numeric phone fields are masked', () => {
    expect(redactForLog({ auth: { token: TOKEN, user: { login: 'operator1' } }, password: 'x', sipPassword: 'y', customer: { phone: 79123456789 } }))
      .toEqual({ auth: { token: REDACTED, user: { login: 'operator1' } }, password: REDACTED, sipPassword: REDACTED, customer: { phone: '*******6789' } });
  });

  test('errors keep type and message, masked', () => {
    expect(redactForLog(new TypeError(`нет ответа от ${PHONE}`))).toMatchObject({ type: 'TypeError', message: 'нет ответа от +*******6789' });
  });
});

describe('main logger', () => {
  test('level comes from PROZVON_LOG_LEVEL, info by default', () => {
    expect(levelFromEnv({})).toBe('info');
    expect(levelFromEnv({ PROZVON_LOG_LEVEL: 'DEBUG' })).toBe('debug');
    expect(levelFromEnv({ PROZVON_LOG_LEVEL: 'loud' })).toBe('info');
    const { logger, lines } = captured('info');
    logger.debug('hidden');
    logger.info('shown');
    expect(lines).toHaveLength(1);
  });

  test('a logged phone is masked and a token is absent, in objects, messages and errors', () => {
    const { logger, lines, records } = captured();
    logger.info({ order: { id: 7, customer: { phone: PHONE } }, auth: { token: TOKEN }, url: `/?t=${TOKEN}` }, `звонок на ${PHONE}`);
    logger.error({ err: new Error(`sync failed for ${PHONE} with Bearer ${TOKEN}`) }, 'sync failed');
    logger.child({ phone: PHONE, password: TOKEN }).child({ token: TOKEN }).warn('child bindings');
    const text = lines.join('\n');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain('9123456789');
    const [first, second] = records();
    expect(first).toMatchObject({ msg: 'звонок на +*******6789', order: { customer: { phone: '+*******6789' } }, auth: { token: REDACTED }, url: `/?t=${REDACTED}` });
    expect(second).toMatchObject({ level: 50, msg: 'sync failed', err: { message: `sync failed for +*******6789 with Bearer ${REDACTED}` } });
    expect(records()[2]).toMatchObject({ msg: 'child bindings', phone: '+*******6789', password: REDACTED, token: REDACTED });
  });

  test('the browser host logs each request with its own request id and never the URL token', async () => {
    const { logger, records } = captured();
    const handlers = Object.fromEntries((Object.keys(channels) as ChannelName[]).map((n) => [n, () => null])) as unknown as Handlers;
    const host = await startSocketHost({ handlers, rendererDir: null, logger });
    try {
      const get = (p: string) => new Promise<number | undefined>((resolve, reject) => {
        http.get({ host: '127.0.0.1', port: host.port, path: p }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); }).on('error', reject);
      });
      expect(await get(`/?t=${host.token}`)).toBe(200);
      expect(await get('/queue')).toBe(200);
    } finally {
      await host.close();
    }
    const requests = records().filter((r) => r.msg === 'http request');
    expect(requests).toHaveLength(2);
    expect(requests.every((r) => typeof r.reqId === 'string' && (r.reqId as string).length > 0)).toBe(true);
    expect(new Set(requests.map((r) => r.reqId)).size).toBe(2);
    expect(JSON.stringify(records())).not.toContain(host.token);
  });
});
