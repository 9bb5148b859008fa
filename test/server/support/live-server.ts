/** The fixture server (PGlite) around a server test file, with the fixture users logged in. */
import type { ServerProcess } from './server-process';
import { PASSWORD, startWithFixture, type Fixture } from './live-fixture';

export interface LiveServer {
  srv: ServerProcess;
  fx: Fixture;
  /** a bearer token per login asked for */
  t: Record<string, string>;
}

/**
 * Starts the fixture server in beforeAll and logs in `logins` (fixture password), stops it in
 * afterAll; the fields are set once beforeAll ran (`t` is the same object throughout).
 */
export function useLiveServer(logins: string[]): LiveServer {
  const live = { t: {} } as LiveServer;
  beforeAll(async () => {
    ({ srv: live.srv, fx: live.fx } = await startWithFixture('pglite'));
    for (const login of logins) live.t[login] = await live.srv.login(login, PASSWORD);
  });
  afterAll(async () => { await live.srv?.stop(); });
  return live;
}
