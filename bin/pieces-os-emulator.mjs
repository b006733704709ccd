#!/usr/bin/env node
// The `pieces-os-emulator` bin. In the installed package it runs the compiled emulator
// (dist/emulator/cli.js) with plain node; in a checkout (emulator/ beside this file) it registers
// tsx and runs the TypeScript sources as they are.
import { existsSync } from 'node:fs';

const source = new URL('../emulator/cli.ts', import.meta.url);
let cli;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(source.href);
} else {
  cli = await import('../dist/emulator/cli.js');
}
await cli.main();
