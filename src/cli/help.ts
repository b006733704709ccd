/** `--help` text, rendered from the command descriptions (one source for parsing and help). */
import type { Command } from './command.js';
import type { OptionSpec } from './options.js';

const BIN = 'pieces-conformance';

function optionLabel(o: OptionSpec): string {
  if (o.type === 'boolean') return `--${o.name}`;
  const ph = o.placeholder ?? (o.choices ? o.choices.join('|') : o.type === 'int' ? 'N' : 'VALUE');
  return `--${o.name} ${ph}${o.repeatable ? ' ...' : ''}`;
}

/** Splits text into lines of at most `width` characters, at spaces. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function table(rows: Array<[string, string]>, indent = '  ', total = 100): string[] {
  const width = Math.min(30, Math.max(...rows.map(([a]) => a.length)));
  const pad = `${indent}${' '.repeat(width)}  `;
  return rows.flatMap(([a, b]) => {
    const text = wrap(b, Math.max(30, total - pad.length));
    if (a.length > width) return [`${indent}${a}`, ...text.map((t) => `${pad}${t}`)];
    return [`${indent}${a.padEnd(width)}  ${text[0] ?? ''}`, ...text.slice(1).map((t) => `${pad}${t}`)];
  });
}

/** The top-level help: what the tool is, the commands, the exit codes. */
export function renderMainHelp(commands: readonly Command[]): string {
  return [
    `${BIN}: contract tests and conformance gate for the Pieces OS Local API`,
    '',
    `Usage: ${BIN} <command> [options]`,
    '       (npx pieces-conformance ..., or npm run conformance -- [run options])',
    '',
    'Commands:',
    ...table(commands.map((c) => [c.name, c.summary])),
    '',
    'Exit codes:',
    '  0  every test conformant',
    '  1  conformance failures (see reports/summary.md)',
    '  2  harness or usage error: bad flag or config, broken contract, unreachable target (one line on stderr)',
    '',
    `Run "${BIN} <command> --help" for a command's options.`,
  ].join('\n');
}

/** One command's help: usage, details, every option with its description, examples. */
export function renderCommandHelp(c: Command): string {
  const lines = [
    `Usage: ${BIN} ${c.name}${c.options.length ? ' [options]' : ''}${c.args ? ` ${c.args}` : ''}`,
    '',
    c.summary,
  ];
  if (c.details) lines.push('', c.details);
  if (c.options.length) {
    lines.push('', 'Options:');
    const rows: Array<[string, string]> = c.options.map((o) => {
      const extra = [
        o.defaultText ? `default: ${o.defaultText}` : '',
        o.repeatable ? 'repeatable, comma-separated' : '',
      ]
        .filter(Boolean)
        .join('; ');
      return [optionLabel(o), extra ? `${o.description} (${extra})` : o.description];
    });
    rows.push(['--help, -h', 'Show this help']);
    lines.push(...table(rows));
  }
  if (c.examples?.length) {
    lines.push('', 'Examples:');
    for (const [ex, comment] of c.examples) lines.push(`  # ${comment}`, `  ${BIN} ${c.name} ${ex}`.trimEnd());
  }
  return lines.join('\n');
}
