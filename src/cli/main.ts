/**
 * The `pieces-conformance` entry point: picks the subcommand from the registry, parses its options,
 * runs it, and turns anything that escapes into exit code 2 with one line on stderr (never a stack,
 * unless PIECES_DEBUG=1).
 */
import { readSetting } from '../settings/index.js';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError } from '../core/errors.js';
import type { CommandIO } from './command.js';
import { commands, findCommand } from './commands/index.js';
import { EXIT, errorLine } from './exit.js';
import { renderCommandHelp, renderMainHelp } from './help.js';
import { parseArgs } from './options.js';

/** The process's IO: stdout/stderr, the repository root as cwd, the real environment. */
export function processIO(): CommandIO {
  // A closed pipe (`pieces-conformance run --list | head`) ends the output, not the process with a stack.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
  }
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
    env: { ...process.env },
  };
}

/** Runs the CLI on argv (without `node` and the script) and resolves to the exit code. */
export async function main(argv: readonly string[], io: CommandIO = processIO()): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      const cmd = topic ? findCommand(topic) : undefined;
      if (topic && !cmd) throw unknownCommand(topic);
      io.out(cmd ? renderCommandHelp(cmd) : renderMainHelp(commands));
      return name === undefined ? EXIT.harness : EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
      io.out(await packageVersion());
      return EXIT.ok;
    }
    const cmd = findCommand(name);
    if (!cmd) throw unknownCommand(name);
    if (cmd.passthrough && cmd.runRaw) {
      if (rest.includes('--help') || rest.includes('-h')) {
        // The forwarded bin prints its own flags; ours first, so both are visible.
        io.out(renderCommandHelp(cmd));
        io.out('');
      }
      return await cmd.runRaw([...rest], io);
    }
    const args = parseArgs(cmd.name, rest, cmd.options);
    if (args.help) {
      io.out(renderCommandHelp(cmd));
      return EXIT.ok;
    }
    if (!cmd.args && args.positionals.length)
      throw new HarnessError(
        'usage',
        `${cmd.name} takes no positional arguments, got "${args.positionals[0]}"`,
        cmd.positionalHint ?? `see: pieces-conformance ${cmd.name} --help`,
      );
    if (!cmd.run) throw new HarnessError('internal', `command ${cmd.name} has no run()`);
    return await cmd.run(args, io);
  } catch (err) {
    if (debugOn(io.env) && err instanceof Error) io.err(err.stack ?? String(err));
    io.err(errorLine(err));
    return EXIT.harness;
  }
}

/** The debug setting (PIECES_DEBUG); a bad value there must not hide the error being reported. */
function debugOn(env: NodeJS.ProcessEnv): boolean {
  try {
    return readSetting('debug', env);
  } catch {
    return false;
  }
}

function unknownCommand(name: string): HarnessError {
  return new HarnessError(
    'usage',
    `unknown command "${name}"`,
    `commands: ${commands.map((c) => c.name).join(', ')}; see: pieces-conformance --help`,
  );
}

async function packageVersion(): Promise<string> {
  const { packageJson } = await import('../process/tools.js');
  return `pieces-conformance ${packageJson().version}`;
}

// Run when executed directly (tsx src/cli/main.ts ..., or node dist/src/cli/main.js).
// process.exitCode (not process.exit) so piped stdout is flushed before the process ends.
const invoked = process.argv[1] ? fileURLToPath(import.meta.url) === resolve(process.argv[1]) : false;
if (invoked) process.exitCode = await main(process.argv.slice(2));
