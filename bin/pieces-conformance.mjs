#!/usr/bin/env node
// The `pieces-conformance` bin. In the installed package it runs the compiled CLI
// (dist/src/cli/main.js) with plain node; in a checkout (src/ beside this file) it registers tsx
// and runs the TypeScript sources as they are. It hands over the arguments and exits with the CLI's code.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
let cli;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(source.href);
} else {
  cli = await import('../dist/src/cli/main.js');
}
process.exitCode = await cli.main(process.argv.slice(2));
