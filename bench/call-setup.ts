/**
 * Call-setup benchmark (issue 6): click → INVITE on the wire and click → Established, median of
 * 20 calls, for the Prozvon softphone service and for a bare SIP.js SimpleUser, through the same
 * real Kamailio to the same auto-answering customer UA, in one run (interleaved).
 * Run: npx tsx bench/call-setup.ts [calls=20]
 * "On the wire" = the moment the UA hands the INVITE to its WebSocket (page-side send() probe).
 */
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/support/chromium';
import { startKamailio } from '../test/e2e/support/kamailio';
import { startSipPages } from '../test/e2e/support/sip-pages';
import { openCustomer } from '../test/e2e/support/customer-ua';
import { openOperator } from '../test/e2e/support/operator-ua';

const CALLS = Number(process.argv[2] ?? 20);
const DOMAIN = '127.0.0.1';
const CUSTOMER = '+79123456789';

interface Sample { invite: number; established: number }

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function serviceCall(page: Page): Promise<Sample> {
  return page.evaluate(async (target) => {
    const store = window.harness.useCallStore;
    const t0 = performance.now();
    const res = window.op.call(target, { orderId: 1, tab: 'new' });
    if (!res.ok) throw new Error(res.code);
    await new Promise<void>((resolve, reject) => {
      const stop = store.subscribe((s) => {
        if (s.call.phase === 'established') { stop(); resolve(); }
        if (s.call.phase === 'ended') { stop(); reject(new Error(`call ended: ${s.call.lastOutcome}`)); }
      });
    });
    const established = performance.now() - t0;
    const invite = window.__wire.find((w) => w.method === 'INVITE' && w.callId === res.callId);
    await window.op.hangup();
    await new Promise<void>((resolve) => {
      const stop = store.subscribe((s) => { if (s.call.phase === 'ended') { stop(); resolve(); } });
      if (store.getState().call.phase === 'ended') { stop(); resolve(); }
    });
    window.op.resultSaved();
    return { invite: invite ? invite.at - t0 : NaN, established };
  }, CUSTOMER);
}

async function simpleUserCall(page: Page): Promise<Sample> {
  return page.evaluate(async ({ domain, target }) => {
    const w = window as unknown as { bare: InstanceType<typeof window.harness.SimpleUser>; bareAnswered: (() => void) | null; bareHungUp: (() => void) | null };
    const answered = new Promise<void>((r) => { w.bareAnswered = r; });
    const t0 = performance.now();
    await w.bare.call(`sip:${target}@${domain}`, { inviteWithoutSdp: false });
    await answered;
    const established = performance.now() - t0;
    const invite = window.__wire.find((x) => x.method === 'INVITE' && x.at >= t0);
    const hungUp = new Promise<void>((r) => { w.bareHungUp = r; });
    await w.bare.hangup();
    await hungUp;
    return { invite: invite ? invite.at - t0 : NaN, established };
  }, { domain: DOMAIN, target: CUSTOMER });
}

async function main(): Promise<void> {
  const [kam, pages, browser] = await Promise.all([startKamailio(), startSipPages(), launchChromium({ media: true })]);
  try {
    await openCustomer(browser, pages, { wsUrl: kam.wsUrl, domain: DOMAIN, user: CUSTOMER, mode: 'answer' });
    const op = await openOperator(browser, pages, {
      wsUrl: kam.wsUrl, domain: DOMAIN, user: 'operator1', password: '', displayName: 'Bench',
      dialFormat: { style: 'plus7', prefix: '' }, dtmfMethod: 'rfc4733',
    });
    const reg = await op.waitFor((s) => s.registration === 'registered');
    if (reg.registration !== 'registered') throw new Error('operator did not register');

    const barePage = await (await browser.newContext()).newPage();
    await barePage.goto(pages.operatorUrl);
    await barePage.evaluate(async ({ wsUrl, domain }) => {
      const w = window as unknown as { bare: InstanceType<typeof window.harness.SimpleUser>; bareAnswered: (() => void) | null; bareHungUp: (() => void) | null };
      w.bare = new window.harness.SimpleUser(wsUrl, {
        aor: `sip:bare@${domain}`,
        media: { constraints: { audio: true, video: false }, remote: { audio: new Audio() } },
        userAgentOptions: {
          logBuiltinEnabled: false,
          // the same ICE bounds as the service; SimpleUser's defaults (public STUN, 5 s) stall offline
          sessionDescriptionHandlerFactoryOptions: { iceGatheringTimeout: 2000, peerConnectionConfiguration: { iceServers: [] } },
        },
        delegate: { onCallAnswered: () => w.bareAnswered?.(), onCallHangup: () => w.bareHungUp?.() },
      });
      await w.bare.connect();
      await w.bare.register();
    }, { wsUrl: kam.wsUrl, domain: DOMAIN });

    // warm-up (first getUserMedia, JIT) — not counted
    await serviceCall(op.page);
    await simpleUserCall(barePage);
    const svc: Sample[] = [];
    const bare: Sample[] = [];
    for (let i = 0; i < CALLS; i++) {
      svc.push(await serviceCall(op.page));
      bare.push(await simpleUserCall(barePage));
    }
    const row = (name: string, xs: Sample[]) => {
      const inv = median(xs.map((x) => x.invite));
      const est = median(xs.map((x) => x.established));
      console.log(`${name.padEnd(22)} click→INVITE ${inv.toFixed(1).padStart(7)} ms   click→Established ${est.toFixed(1).padStart(7)} ms`);
      return { inv, est };
    };
    console.log(`call setup through Kamailio ${kam.wsUrl}, median of ${CALLS} calls each (interleaved)`);
    const a = row('Prozvon softphone', svc);
    const b = row('bare SIP.js SimpleUser', bare);
    console.log(`ratio softphone/SimpleUser: INVITE ${(a.inv / b.inv).toFixed(2)}×, Established ${(a.est / b.est).toFixed(2)}×`);
  } finally {
    await browser.close().catch(() => undefined);
    await pages.close();
    await kam.stop();
  }
}

main().catch((e: unknown) => { console.error(e); process.exitCode = 1; });
