/**
 * Launches Debian's Chromium through playwright-core with the project's required flags
 * (briefs/common.md). Shared by every end-to-end test.
 */
import { chromium, type Browser } from 'playwright-core';

/** Flags every e2e Chromium gets. */
export const CHROMIUM_BASE_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Extra flags for calls: fake mic/camera, auto-granted getUserMedia, ICE candidates on loopback
 * (without it a lo-only host gives "Established" with 0 bytes), an audible ringtone without a click,
 * and no throttling of timers in background tabs (SIP keep-alives and re-registration).
 */
export const CHROMIUM_MEDIA_FLAGS = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Starts a headless Chromium; `media: true` adds the fake-media and WebRTC flags for calls. */
export async function launchChromium(opts: { media?: boolean; args?: string[] } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_BASE_FLAGS, ...(opts.media ? CHROMIUM_MEDIA_FLAGS : []), ...(opts.args ?? [])],
  });
}
