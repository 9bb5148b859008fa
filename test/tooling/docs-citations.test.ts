/**
 * The repository explains itself: code and tests point to the project's own `docs/`, never to
 * briefing files that live outside the repository, and every `docs/<name>.md` they cite exists.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const scanned = ['shared', 'server', 'main', 'renderer', 'test', 'bench', 'resources', 'eslint.config.mjs', 'jest.config.js'];
const codeFile = /\.(ts|tsx|mjs|cjs|js|sh|cfg)$/;

function filesUnder(path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [path];
  return readdirSync(full).flatMap((name) => (name === 'node_modules' ? [] : filesUnder(join(path, name))));
}

const files = scanned.flatMap(filesUnder).filter((f) => codeFile.test(f));

// Built from parts so this file does not match itself.
const outside = new RegExp(['\\b(DOMAIN', 'DESIGN', 'UI)\\.md\\b', '\\bseeds\\/', '\\/work\\/shared\\b', 'manual slides?\\b', '\\bseed 00\\d'].join('|'));

describe('citations in code', () => {
  it('scans the code base', () => {
    expect(files.length).toBeGreaterThan(200);
  });

  it('never cite the briefing outside the repository', () => {
    const offenders = files.filter((f) => f !== relative(root, __filename)).flatMap((f) =>
      readFileSync(join(root, f), 'utf8').split('\n').flatMap((line, i) => (outside.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])));
    expect(offenders).toEqual([]);
  });

  it('cite only docs files that exist', () => {
    const missing = files.flatMap((f) =>
      [...readFileSync(join(root, f), 'utf8').matchAll(/\bdocs\/([a-z0-9-]+\.md)/g)]
        .map((m) => m[1] as string)
        .filter((name) => !existsSync(join(root, 'docs', name)))
        .map((name) => `${f}: docs/${name}`));
    expect(missing).toEqual([]);
  });
});
