#!/usr/bin/env node
// The package bin: registers tsx so that the TypeScript CLI runs as is, then starts it.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../emulator/cli.ts');
await main();
