#!/usr/bin/env node
// The `pieces-conformance` bin: registers tsx so the TypeScript sources run as they are, then
// hands the arguments to the CLI (src/cli/main.ts) and exits with its code.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
