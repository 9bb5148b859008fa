/**
 * Proves the architecture boundaries of docs/architecture.md are enforced by `npm run lint`: each fixture is
 * linted through the ESLint Node API (`new ESLint({ cwd: repo root })`, `lintText` with a
 * `filePath` inside the repository) with the repository's own eslint.config.mjs. The API runs in a
 * child Node process (fixtures/lint-runner.mjs) because Jest's VM cannot import the ESM config.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

interface LintMessage { ruleId: string | null; severity: number; message: string }

const violations: [fixture: string, filePath: string, rule: string, messagePart: string][] = [
  ['shared-node-fs.ts', 'shared/domain/__fixture__.ts', 'no-restricted-imports', 'shared/ is pure: no Node built-ins'],
  ['shared-bare-fs.ts', 'shared/domain/__fixture__.ts', 'no-restricted-imports', 'shared/ is pure: no Node built-ins'],
  ['shared-imports-main.ts', 'shared/domain/__fixture__.ts', 'no-restricted-imports', 'shared/ imports no other folder'],
  ['shared-imports-electron.ts', 'shared/domain/__fixture__.ts', 'no-restricted-imports', 'no electron'],
  ['shared-uses-window.ts', 'shared/domain/__fixture__.ts', 'no-restricted-globals', 'window'],
  ['renderer-imports-server.tsx', 'renderer/components/__Fixture__.tsx', 'no-restricted-imports', 'never imports main/ or server/'],
  ['renderer-imports-main.tsx', 'renderer/components/__Fixture__.tsx', 'no-restricted-imports', 'never imports main/ or server/'],
  ['raw-ipc-renderer.ts', 'renderer/state/__fixture__.ts', 'no-restricted-imports', 'electron'],
  ['raw-ipc-renderer.ts', 'main/services/x.ts', 'no-restricted-imports', 'typed IPC wrappers'],
  ['raw-ipc-main.ts', 'main/services/x.ts', 'no-restricted-imports', 'typed IPC wrappers'],
  ['raw-ipc-main.ts', 'server/__fixture__.ts', 'no-restricted-imports', 'typed IPC wrappers'],
  ['main-imports-renderer.ts', 'main/services/__fixture__.ts', 'no-restricted-imports', 'never imports renderer/ or server/'],
  ['server-imports-main.ts', 'server/__fixture__.ts', 'no-restricted-imports', 'imports only shared/'],
];
const clean: [fixture: string, filePath: string][] = [
  ['shared-clean.ts', 'shared/domain/__fixture__.ts'],
  ['shared-node-fs.ts', 'main/services/__fixture__.ts'],
];

let results: LintMessage[][] = [];

beforeAll(() => {
  const input = [...violations, ...clean].map(([name, filePath]) => ({ code: fixture(name), filePath: join(root, filePath) }));
  const run = spawnSync(process.execPath, [join(__dirname, 'fixtures', 'lint-runner.mjs'), root], {
    input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`lint runner failed: ${run.stderr}`);
  results = (JSON.parse(run.stdout) as { messages: LintMessage[] }[]).map((r) => r.messages);
});

const errorsOf = (i: number): LintMessage[] => (results[i] ?? []).filter((m) => m.severity === 2);

describe('lint boundaries', () => {
  test.each(violations.map((row, i) => [...row, i] as const))('%s as %s is a %s error', (_name, _path, rule, messagePart, i) => {
    const errors = errorsOf(i);
    expect(errors.map((m) => m.ruleId)).toContain(rule);
    expect(errors.map((m) => m.message).join('\n')).toContain(messagePart);
  });

  test('a clean shared file has no error', () => {
    expect(results[violations.length]).toEqual([]);
  });

  test('node:fs is allowed in main/: the built-in ban is scoped to shared/ and renderer/', () => {
    expect(errorsOf(violations.length + 1)).toEqual([]);
  });
});
