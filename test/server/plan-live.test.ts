/**
 * A plan set by the lead reaches the operator live: PUT plans and POST plans/csv publish
 * `plan.changed {day}` on the bus, and the hub sends it to the sockets of exactly those operators.
 */
import { client } from './support/server-process';
import { LiveClient } from './support/live-fixture';
import { useLiveServer } from './support/live-server';

jest.setTimeout(180_000);

const live = useLiveServer(['leada', 'op1', 'op2', 'op3']);
const { t } = live;
const planChanged = (day: string) => (m: Record<string, unknown>) => m.type === 'plan.changed' && m.day === day;

test('PUT plans and a CSV upload tell the affected operators, and only them', async () => {
  const [op1, op2, op3] = await Promise.all([LiveClient.open(live.srv.url, t.op1), LiveClient.open(live.srv.url, t.op2), LiveClient.open(live.srv.url, t.op3)]);
  try {
    await Promise.all([op1, op2, op3].map((c) => c.next((m) => m.type === 'welcome')));
    const put = await client(live.srv.url, t.leada).call('PUT', '/plans', { day: '2026-12-05', rows: [{ userId: live.fx.op1, targetConfirmed: 9, targetCalls: 50 }] });
    expect(put.status).toBe(200);
    expect(await op1.next(planChanged('2026-12-05'))).toEqual({ type: 'plan.changed', day: '2026-12-05' });

    const csv = await fetch(`${live.srv.url}/api/v1/plans/csv?day=2026-12-06`, {
      method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${t.leada}` }, body: 'op2;3;30\n',
    });
    expect(csv.status).toBe(200);
    expect(await op2.next(planChanged('2026-12-06'))).toEqual({ type: 'plan.changed', day: '2026-12-06' });
    // The bus delivers in order: once op2 got the second event, op1 would have had any copy of it.
    expect(op1.messages.filter(planChanged('2026-12-06'))).toEqual([]);
    expect(op2.messages.filter(planChanged('2026-12-05'))).toEqual([]);
    expect(op3.messages.filter((m) => m.type === 'plan.changed')).toEqual([]);
  } finally {
    for (const c of [op1, op2, op3]) c.close();
  }
});
