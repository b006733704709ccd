#!/usr/bin/env node
// The `pieces-os-emulator` bin: runs the emulator's CLI (compiled in the installed package, the
// TypeScript sources in a checkout: see entry.mjs).
import { loadEntry } from './entry.mjs';

const cli = await loadEntry('emulator/cli');
await cli.main();
