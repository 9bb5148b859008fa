// Bundles the Node side with esbuild into dist/: the browser-mode host, the CRM server, the
// Electron main process and the preload. Native/heavy packages stay external.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const external = ['better-sqlite3', '@electric-sql/pglite', 'electron', 'pg-native', 'bufferutil', 'utf-8-validate'];
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, external, logLevel: 'warning', absWorkingDir: root };

const entries = [
  { in: 'main/browser-host/start-web.ts', out: 'dist/host/start-web.js' },
  { in: 'server/index.ts', out: 'dist/server/index.js', optional: true },
  { in: 'main/electron/electron-main.ts', out: 'dist/main/electron-main.js' },
];

for (const e of entries) {
  if (e.optional && !fs.existsSync(path.join(root, e.in))) {
    console.warn(`build-node: ${e.in} not found, skipped`);
    continue;
  }
  await build({ ...common, entryPoints: [e.in], outfile: e.out });
}
// The preload runs in a sandboxed renderer: one self-contained CommonJS file, only `electron` external.
await build({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: 'dist/main/preload.js', external: ['electron'], platform: 'node' });
console.log('build-node: dist/host/start-web.js dist/server/index.js dist/main/electron-main.js dist/main/preload.js');
