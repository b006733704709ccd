/**
 * The direction of dependencies: nothing in src/ outside src/cli imports src/cli (the CLI is the top
 * layer: contract → core → validate → checks/client/coverage → compat/proxy/drift/selftest → cli),
 * and src/ never imports emulator/ or tests/. Static imports, re-exports and dynamic import() alike.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { repoRoot } from '../../../src/process/tools.js';

const ROOT = repoRoot();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** The relative specifiers a file imports, as repository-relative paths. */
export function importsOf(file: string, text = readFileSync(file, 'utf8')): string[] {
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map(
    (m) => m[1],
  );
  return specs.map((s) =>
    relative(ROOT, resolve(dirname(file), s))
      .split(sep)
      .join('/'),
  );
}

const files = sources(join(ROOT, 'src')).map((f) => ({ file: relative(ROOT, f).split(sep).join('/'), abs: f }));

test('the scan finds imports (it would pass vacuously otherwise)', () => {
  assert.ok(files.length > 100);
  const cliMain = files.find((f) => f.file === 'src/cli/main.ts');
  assert.ok(cliMain && importsOf(cliMain.abs).length > 0);
  assert.deepEqual(
    importsOf(join(ROOT, 'src/x/y.ts'), "import a from '../cli/z.js';\nconst b = await import('../../tests/q.js');"),
    ['src/cli/z.js', 'tests/q.js'],
  );
});

test('nothing outside src/cli imports src/cli', () => {
  const offenders = files
    .filter((f) => !f.file.startsWith('src/cli/'))
    .flatMap((f) =>
      importsOf(f.abs)
        .filter((t) => t.startsWith('src/cli/'))
        .map((t) => `${f.file} → ${t}`),
    );
  assert.deepEqual(offenders, []);
});

test('src/ never imports emulator/ or tests/', () => {
  const offenders = files.flatMap((f) =>
    importsOf(f.abs)
      .filter((t) => t.startsWith('emulator/') || t.startsWith('tests/'))
      .map((t) => `${f.file} → ${t}`),
  );
  assert.deepEqual(offenders, []);
});
