#!/usr/bin/env node
// The `pieces-conformance` bin: runs the CLI (compiled in the installed package, the TypeScript
// sources in a checkout: see entry.mjs), hands over the arguments and exits with the CLI's code.
import { loadEntry } from './entry.mjs';

const cli = await loadEntry('src/cli/main');
process.exitCode = await cli.main(process.argv.slice(2));
