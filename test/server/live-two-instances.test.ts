/**
 * Two server processes on one PostgreSQL schema: the live fan-out goes through LISTEN/NOTIFY, so
 * an operator's state sent to instance A reaches a lead connected to instance B, and a lead's
 * message posted to B reaches the operator connected to A.
 */
import { client, startServerProcess, type ServerProcess } from './support/server-process';
import { LiveClient, PASSWORD, agentIs, startWithFixture, type Fixture } from './support/live-fixture';

jest.setTimeout(180_000);

let a: ServerProcess;
let b: ServerProcess;
let fx: Fixture;

beforeAll(async () => {
  const started = await startWithFixture('pg');
  a = started.srv;
  fx = started.fx;
  b = await startServerProcess({ pg: true, schema: started.schema as string, keep: true });
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

test('an operator state on A reaches the lead on B; a message posted on B reaches the operator on A', async () => {
  const leadToken = await b.login('leada', PASSWORD);
  const lead = await LiveClient.open(b.url, leadToken);
  await lead.next((m) => m.type === 'board');
  const op = await LiveClient.open(a.url, await a.login('op1', PASSWORD));
  await op.next((m) => m.type === 'welcome');

  op.send({ type: 'state', state: 'ready', sipRegistered: true });
  expect((await lead.next(agentIs(fx.op1, 'ready'))).agent).toMatchObject({ userId: fx.op1, sipRegistered: true });
  op.send({ type: 'state', state: 'break', breakReason: 'lunch' });
  expect((await lead.next(agentIs(fx.op1, 'break'))).agent).toMatchObject({ breakReason: 'lunch' });

  expect((await client(b.url, leadToken).post('/messages', { toUserId: fx.op1, text: 'Обед до 14:00' })).status).toBe(201);
  expect(await op.next((m) => m.type === 'message')).toMatchObject({ text: 'Обед до 14:00', from: 'Лида А' });

  op.close();
  await lead.next(agentIs(fx.op1, 'offline'));
  const board = await client(a.url, await a.login('leada', PASSWORD)).get('/board');
  expect(board.body.agents.find((x: { userId: number }) => x.userId === fx.op1).state).toBe('offline');
  lead.close();
});
