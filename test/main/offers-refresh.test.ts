/**
 * A catalogue change reaches the desk by pull: after the admin changes a price, the next sync
 * refreshes the cached offers, so the local rule check refuses a confirm at the old price before
 * the save leaves, and the renderer is told (`catalogue.changed`) to re-read the offers (real
 * server process, real host).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { drain, eventually, nextEvent, ok, rawClient, useServerRig } from './harness';
import type { Offer, SaveResultArgs } from '../../shared/domain/schemas';

jest.setTimeout(600_000);

/** The offers the host has cached for the login (read-only; WAL allows it while the host runs). */
function cachedOffers(hostDataDir: string, login: string): Offer[] {
  const db = new Database(path.join(hostDataDir, 'client', `${login}.sqlite`), { readonly: true, fileMustExist: true });
  try {
    const v = db.prepare("SELECT value FROM settings WHERE key = 'cache.offers'").pluck().get() as string | undefined;
    return v === undefined ? [] : (JSON.parse(v) as Offer[]);
  } finally {
    db.close();
  }
}

describe('offers refresh on pull', () => {
  const rig = useServerRig('prozvon-offers-');

  test('a price changed on the server is refused locally at the old price after the next pull', async () => {
    const h = await rig.host('op');
    await ok(h.api['auth.login']({ serverUrl: rig.server.url, login: 'operator1', password: 'operator' }));
    await ok(h.api['offers.list']({}));
    const view = await ok(h.api['queue.next']({}));
    if (!view) throw new Error('the demo queue is empty');
    const main = view.order.lines.find((l) => l.main);
    if (!main) throw new Error('the order has no main line');

    const admin = await rawClient(rig.server.url, 'admin', 'admin');
    const offer = (await admin.get('/offers') as { offers: Offer[] }).offers.find((o) => o.sku === main.offerSku) as Offer;
    const newPrice = offer.priceKop + 10_000;
    const put = await fetch(`${rig.server.url}/api/v1/admin/offers/${offer.sku}`, {
      method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.auth.token}` },
      body: JSON.stringify({ ...offer, priceKop: newPrice }),
    });
    expect(put.status).toBe(200);

    const announced = nextEvent(h.api, 'catalogue.changed', () => true);
    await drain(h.api);
    await announced;
    await eventually(async () => cachedOffers(path.join(rig.dir, 'op'), 'operator1').find((o) => o.sku === offer.sku)?.priceKop === newPrice);

    const at = new Date().toISOString();
    await ok(h.api['call.log']({ callId: `refresh-${view.order.id}`, orderId: view.order.id, startedAt: at, answeredAt: at, endedAt: at, outcome: 'answered' }));
    const args: SaveResultArgs = {
      orderId: view.order.id, result: 'confirm', variant: null, problem: null, callbackAt: null, comment: '',
      customer: { ...view.order.customer, name: 'Иванов Иван Иванович', gender: 'male' },
      address: { postalCode: '125009', region: 'Москва', district: '', city: 'Москва', cityId: null, street: 'Тверская улица', house: '7', building: '', korpus: '', apartment: '' },
      lines: [main], delivery: { id: 'СДЭК:door-3', method: 'courier', carrier: 'СДЭК', priceKop: 39_000, daysMin: 1, daysMax: 2 },
    };
    const r = await h.api['order.saveResult'](args);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('rule_violation');
    expect(r.error.message).toContain(`Строка 1 «${main.name}»: цена`);
    await drain(h.api);
    expect((await admin.order(view.order.id)).status).not.toBe('confirmed');
  });
});
