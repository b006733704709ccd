// How the bins find their code. In the installed package a bin runs the compiled module under dist/
// with plain node; in a checkout (the TypeScript source beside bin/) it registers tsx and runs the
// source as it is.
import { existsSync } from 'node:fs';

/** The module at `path` (from the package root, without its extension): `path.ts` in a checkout, else `dist/path.js`. */
export async function loadEntry(path) {
  const source = new URL(`../${path}.ts`, import.meta.url);
  if (!existsSync(source)) return import(new URL(`../dist/${path}.js`, import.meta.url).href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(source.href);
}
