/**
 * Where the session token is kept between restarts. Electron uses `safeStorage`
 * (main/electron/safe-storage-token-store.ts); browser mode a file with 0600 permissions in a
 * 0700 folder (an older, wider file is narrowed when read).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LoginResponse } from '../../shared/api/http';
import { ensurePrivateDir, PRIVATE_FILE_MODE, restrictMode } from '../db/open-db';

export const StoredSession = z.object({ serverUrl: z.string(), login: z.string(), auth: LoginResponse });
export type StoredSession = z.infer<typeof StoredSession>;

export interface TokenStore {
  load(): StoredSession | null;
  save(session: StoredSession): void;
  clear(): void;
}

/** Writes a file atomically (temp file + rename) with the given mode, in an owner-only folder. */
export function writeFileAtomic(file: string, data: string | Buffer, mode = PRIVATE_FILE_MODE): void {
  ensurePrivateDir(path.dirname(file));
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, { mode });
  fs.chmodSync(tmp, mode);
  fs.renameSync(tmp, file);
}

/** Browser-mode store: `<dataDir>/session.json`, readable by the owner only. */
export class FileTokenStore implements TokenStore {
  constructor(private readonly file: string) {}
  load(): StoredSession | null {
    try {
      restrictMode(this.file, PRIVATE_FILE_MODE);
      const parsed = StoredSession.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
  save(session: StoredSession): void {
    writeFileAtomic(this.file, JSON.stringify(session), PRIVATE_FILE_MODE);
  }
  clear(): void {
    fs.rmSync(this.file, { force: true });
  }
}
