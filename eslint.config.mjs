// Lint rules, including the architecture boundaries of docs/architecture.md («Boundaries»).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const bareBuiltins = ['fs', 'fs/promises', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'events', 'stream', 'worker_threads'];
const builtinPaths = (message) => bareBuiltins.map((name) => ({ name, message }));
const nodeBuiltins = ['node:*'];
const rawIpc = { name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Use the typed IPC wrappers (main/ipc/ipc-handlers.ts, main/electron/preload.ts).' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'coverage/**', '.data/**', 'test/tooling/fixtures/**', '**/*.cjs', 'test/tooling/summary-reporter.js', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [rawIpc] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'shared/ is pure: no electron.' }, ...builtinPaths('shared/ is pure: no Node built-ins.')],
        patterns: [
          { group: nodeBuiltins, message: 'shared/ is pure: no Node built-ins.' },
          { group: ['electron', 'react', 'react-dom', 'zustand', 'sip.js', 'better-sqlite3', 'pg', 'ws', 'fastify', '@electric-sql/*'], message: 'shared/ is pure: no environment-specific packages.' },
          { group: ['**/main', '**/main/**', '**/renderer', '**/renderer/**', '**/server', '**/server/**', '**/test/**', '**/bench/**'], message: 'shared/ imports no other folder.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'process', 'Buffer', 'require', '__dirname', 'fetch'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'renderer/ talks to main only through the typed api.' }, ...builtinPaths('renderer/ runs in a sandboxed page: no Node built-ins.')],
        patterns: [
          { group: ['**/main', '**/main/**', '**/server', '**/server/**'], message: 'renderer/ never imports main/ or server/.' },
          { group: nodeBuiltins, message: 'renderer/ runs in a sandboxed page: no Node built-ins.' },
          { group: ['better-sqlite3', 'pg', 'fastify', '@electric-sql/*'], message: 'renderer/ has no database access.' },
        ],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [rawIpc],
        patterns: [{ group: ['**/renderer', '**/renderer/**', '**/server', '**/server/**'], message: 'main/ never imports renderer/ or server/.' }],
      }],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [rawIpc],
        patterns: [{ group: ['**/renderer', '**/renderer/**', '**/main', '**/main/**', 'electron'], message: 'server/ imports only shared/.' }],
      }],
    },
  },
  {
    files: ['main/electron/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['*', '!electron', '!..', '!../..', '!../../shared', '!../../shared/**'], message: 'The preload imports only electron and shared/.' }],
      }],
    },
  },
  {
    files: ['main/ipc/ipc-handlers.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
