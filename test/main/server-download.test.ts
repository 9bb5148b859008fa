/**
 * Against a REAL server process, through the browser-mode host as the UI drives it: report export
 * files over `server.download` (bytes, name from Content-Disposition, typed requests, refusals),
 * the typed lead/admin channels reaching their routes, and the claim instant `takenAt`.
 */
import { EXPORT_HEADERS } from '../../server/reports/export-csv';
import { ok, useServerRig } from './harness';

jest.setTimeout(600_000);

describe('server.download and takenAt with a real server process', () => {
  const rig = useServerRig('prozvon-download-');
  const host = async (name: string, login: string, password: string) => {
    const h = await rig.host(name);
    await ok(h.api['auth.login']({ serverUrl: rig.server.url, login, password }));
    return h;
  };

  test('a lead downloads the operators report as CSV: UTF-8 BOM, the header line, the server\'s file name', async () => {
    const h = await host('lead', 'lead', 'lead');
    const file = await ok(h.api['server.download']({ report: 'operators', format: 'csv', query: { from: '2026-11-01', to: '2026-11-28', granularity: 'day' } }));
    expect(file.fileName).toBe('operators_2026-11-01_2026-11-28.csv');
    expect(file.contentType).toMatch(/^text\/csv/);
    const bytes = Buffer.from(file.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const firstLine = bytes.subarray(3).toString('utf8').split(/\r?\n/)[0];
    expect(firstLine).toBe(EXPORT_HEADERS.join(';'));

    const xlsx = await ok(h.api['server.download']({ report: 'operators', format: 'xlsx', query: { from: '2026-11-28', to: '2026-11-28' } }));
    expect(xlsx.fileName).toBe('operators_2026-11-28_2026-11-28.xlsx');
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  });

  test('anything but a known report, format and query is refused before reaching the server; server refusals keep their code', async () => {
    const lead = await host('lead2', 'lead', 'lead');
    const query = { from: '2026-11-01', to: '2026-11-28' };
    const bad: unknown[] = [
      { path: '/reports/operators.csv' },
      { report: '../auth/me', format: 'csv', query },
      { report: 'operators', format: 'json', query },
      { report: 'operators', format: 'csv', query: { ...query, path: '/admin/users' } },
      { report: 'operators', format: 'csv', query: { ...query, offerSku: '../x' } },
    ];
    for (const req of bad) {
      const r = await (lead.api['server.download'] as (x: unknown) => ReturnType<typeof lead.api['server.download']>)(req);
      expect([req, r.ok ? 'ok' : r.error.code]).toEqual([req, 'invalid_request']);
    }
    const badQuery = await lead.api['server.download']({ report: 'operators', format: 'csv', query: { from: '2026-11-28', to: '2026-11-01' } });
    expect(badQuery.ok ? 'ok' : badQuery.error.code).toBe('invalid_input');

    const op = await host('op-refused', 'operator2', 'operator');
    const refused = await op.api['server.download']({ report: 'operators', format: 'csv', query });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
  });

  test('typed lead channels reach their routes; a plan the lead sets reaches the operator\'s app live', async () => {
    const lead = await host('lead-typed', 'lead', 'lead');
    const op = await rig.host('op-plan');
    const welcomed = new Promise((resolve) => op.api.on('live.message', (m) => { if (m.type === 'welcome') resolve(m); }));
    await ok(op.api['auth.login']({ serverUrl: rig.server.url, login: 'operator3', password: 'operator' }));
    await welcomed;
    const board = await ok(lead.api['lead.board']({}));
    const agent = board.agents.find((a) => a.login === 'operator3');
    expect(agent).toBeDefined();
    const day = '2026-12-20';
    const changed = new Promise((resolve) => op.api.on('live.message', (m) => { if (m.type === 'plan.changed') resolve(m); }));
    expect(await ok(lead.api['plans.save']({ day, rows: [{ userId: agent!.userId, targetConfirmed: 11, targetCalls: 70 }] }))).toEqual({ day, saved: 1 });
    expect(await changed).toEqual({ type: 'plan.changed', day });
    expect(await ok(op.api['plans.mine']({ day }))).toMatchObject({ day, targetConfirmed: 11, targetCalls: 70 });
    expect((await ok(lead.api['plans.list']({ day }))).rows).toContainEqual(expect.objectContaining({ userId: agent!.userId, targetConfirmed: 11, targetCalls: 70 }));
    expect((await ok(lead.api['reports.operators']({ from: '2026-11-01', to: '2026-11-02' }))).granularity).toBe('day');
    const refused = await op.api['lead.board']({});
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
  });

  test('a claim records the server\'s claim instant as takenAt; renewing keeps it; the held list shows it', async () => {
    const h = await host('op', 'operator1', 'operator');
    const view = await ok(h.api['queue.next']({}));
    expect(view).not.toBeNull();
    expect(view!.takenAt).toBe(view!.order.updatedAt);
    expect(Date.parse(view!.takenAt!)).toBeLessThanOrEqual(Date.now());
    const again = await ok(h.api['order.claim']({ orderId: view!.order.id }));
    expect(again.takenAt).toBe(view!.takenAt);
    const held = await ok(h.api['order.held']({}));
    expect(held.find((v) => v.order.id === view!.order.id)?.takenAt).toBe(view!.takenAt);
  });
});
