/**
 * The webhook signature: `X-Prozvon-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>`
 * with `X-Prozvon-Timestamp` in Unix seconds (docs/integrations.md "Verifying the signature").
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The `X-Prozvon-Signature` value of a body sent at `timestamp` (Unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Whether `signature` is the signature of `body` at `timestamp` and the timestamp is within
 * `toleranceSec` of `nowSec` (a receiver's replay protection). Constant-time comparison.
 */
export function verifyWebhook(secret: string, timestamp: string, body: string, signature: string, nowSec: number, toleranceSec = 300): boolean {
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowSec - Number(timestamp)) > toleranceSec) return false;
  const expected = Buffer.from(signWebhook(secret, Number(timestamp), body));
  const got = Buffer.from(signature);
  return got.length === expected.length && timingSafeEqual(got, expected);
}
