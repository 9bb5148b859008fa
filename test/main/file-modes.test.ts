/** The client cache is owner-only: folders 700, the per-login database with -wal/-shm and session.json 600, under umask 022, existing wider ones narrowed. */
import fs from 'node:fs';
import path from 'node:path';
import { dbFileFor, ensurePrivateDir, openDb } from '../../main/db/open-db';
import { MainServices } from '../../main/services/main-services';
import { FileTokenStore, type StoredSession } from '../../main/sync/token-store';
import { rmTmp, tmpDir } from './fixtures';

const mode = (p: string): string => (fs.statSync(p).mode & 0o777).toString(8);
const posixOnly = process.platform === 'win32' ? describe.skip : describe;

posixOnly('cache file permissions (umask 022)', () => {
  let dir: string;
  let umask: number;
  beforeEach(() => { umask = process.umask(0o022); dir = tmpDir('prozvon-modes-'); });
  afterEach(() => { process.umask(umask); rmTmp(dir); });

  test('a new data folder, client folder, database, WAL files, app.json and session.json are owner-only', () => {
    const data = path.join(dir, 'web');
    ensurePrivateDir(data);
    const client = path.join(data, 'client');
    const services = new MainServices({ dataDir: client, tokenStore: new FileTokenStore(path.join(data, 'session.json')), emit: () => undefined });
    services.setLastServer('http://127.0.0.1:8787');
    const file = dbFileFor(client, 'operator1');
    const db = openDb(file);
    db.prepare('CREATE TABLE t (x)').run();
    db.prepare('INSERT INTO t VALUES (1)').run();
    try {
      expect(fs.existsSync(`${file}-wal`)).toBe(true);
      expect(fs.existsSync(`${file}-shm`)).toBe(true);
      expect([mode(data), mode(client)]).toEqual(['700', '700']);
      expect([file, `${file}-wal`, `${file}-shm`, path.join(client, 'app.json')].map(mode)).toEqual(['600', '600', '600', '600']);
    } finally {
      db.close();
    }
    const store = new FileTokenStore(path.join(data, 'session.json'));
    store.save({ serverUrl: 'http://127.0.0.1:8787', login: 'operator1', auth: {} } as unknown as StoredSession);
    expect(mode(path.join(data, 'session.json'))).toBe('600');
  });

  test('folders and files left wide by an older version are narrowed when opened', () => {
    const client = path.join(dir, 'client');
    fs.mkdirSync(client, { mode: 0o755 });
    const file = dbFileFor(client, 'operator1');
    openDb(file).close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      if (!fs.existsSync(f)) fs.writeFileSync(f, '');
    }
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.chmodSync(f, 0o644);
    fs.chmodSync(client, 0o755);
    const session = path.join(dir, 'session.json');
    fs.writeFileSync(session, '{}', { mode: 0o644 });
    expect([mode(client), mode(file), mode(session)]).toEqual(['755', '644', '644']);

    new MainServices({ dataDir: client, tokenStore: new FileTokenStore(session), emit: () => undefined });
    expect(mode(client)).toBe('700');
    const db = openDb(file);
    try {
      expect([file, `${file}-wal`, `${file}-shm`].map(mode)).toEqual(['600', '600', '600']);
    } finally {
      db.close();
    }
    expect(new FileTokenStore(session).load()).toBeNull();
    expect(mode(session)).toBe('600');
  });
});
