/** Electron TokenStore: the session encrypted with `safeStorage` (OS keychain) in the data folder. */
import { safeStorage } from 'electron';
import fs from 'node:fs';
import { StoredSession, writeFileAtomic, type TokenStore } from '../sync/token-store';

export class SafeStorageTokenStore implements TokenStore {
  constructor(private readonly file: string) {}

  load(): StoredSession | null {
    try {
      if (!safeStorage.isEncryptionAvailable()) return null;
      const json = safeStorage.decryptString(fs.readFileSync(this.file));
      const parsed = StoredSession.safeParse(JSON.parse(json));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Keeps the session only when the OS offers encryption (otherwise the operator logs in again). */
  save(session: StoredSession): void {
    if (!safeStorage.isEncryptionAvailable()) return;
    writeFileAtomic(this.file, safeStorage.encryptString(JSON.stringify(session)), 0o600);
  }

  clear(): void {
    fs.rmSync(this.file, { force: true });
  }
}
