/**
 * Contract failures recovered from test error messages. Every ContractFailure's message is one
 * line `[check] operation: Title. facts` (src/core/errors.ts); a failing test's error carries one
 * or more of them. Anything else that failed a test (a timeout, a plain assertion) is kept as an
 * "other" failure with its first line.
 */
import type { Basis } from '../core/errors.js';
import type { TestOutcome } from './results.js';
import { testName } from './results.js';
import { BASIS_ANNOTATION, parseKindLine, WARNING_ANNOTATION } from './verdicts.js';

const BASES: readonly string[] = ['contract', 'upstream', 'assumed'];

/** The basis of each failure line a test's annotations name. */
function basesOf(t: TestOutcome): Map<string, Basis> {
  const out = new Map<string, Basis>();
  for (const a of t.annotations ?? []) {
    if (a.type !== BASIS_ANNOTATION) continue;
    const { kind, line } = parseKindLine(a.description ?? '');
    if (BASES.includes(kind)) out.set(line.trim(), kind as Basis);
  }
  return out;
}

/** One distinct failure (facts of the same shape collapsed), with the tests that showed it. */
export interface FailureGroupItem {
  /** How sure the broken expectation is (from the test's failure-basis annotations; default contract). */
  basis: Basis;
  check: string;
  operation: string;
  title: string;
  /** The facts of the first occurrence. */
  facts: string;
  /** How many distinct facts of this shape were collapsed into this item (1: just this one). */
  occurrences: number;
  tests: string[];
}

/** Failures of one check and basis, grouped by operation. */
export interface FailureGroup {
  basis: Basis;
  check: string;
  title: string;
  items: FailureGroupItem[];
}

/** A failing test whose error carries no contract failure line. */
export interface OtherFailure {
  test: string;
  message: string;
}

// `[check_name] operationId: Fixed title. facts` (operation may be a channel such as /qgpt/stream).
const LINE = /\[([a-z][a-z0-9_]*)\] ([^\s:]+): ([^.\n]+)\. ?([^\n]*)/g;

/** Every `[check] operation: title. facts` line in a message. */
export function parseFailureLines(
  message: string,
): Array<Omit<FailureGroupItem, 'tests' | 'occurrences' | 'basis'> & { line: string }> {
  const out: Array<Omit<FailureGroupItem, 'tests' | 'occurrences' | 'basis'> & { line: string }> = [];
  for (const m of message.matchAll(LINE)) {
    out.push({ check: m[1], operation: m[2], title: m[3].trim(), facts: m[4].trim(), line: m[0].trim() });
  }
  return out;
}

/** The first meaningful line of an error message. */
export function firstLine(message: string): string {
  const line =
    message
      .split('\n')
      .map((s) => s.trim())
      .find((s) => s && !/^Error:\s*$/.test(s)) ?? message.trim();
  return line.replace(/^Error:\s*/, '').slice(0, 300);
}

/**
 * The shape of a facts line: ids (UUIDs, `r-12`) and measures (`3000 ms`, `36 frames`) become
 * placeholders, while the statuses after `Received:`, `Expected:` and `Documented:` are kept — so
 * twenty sockets failing the same way collapse into one item, and a 500 never hides behind a 404.
 */
export function factShape(facts: string): string {
  const kept: string[] = [];
  // Placeholders hold no digit (a letter per kept part), so the number rule below leaves them alone.
  const mark = (i: number) => `\u0000${String.fromCharCode(65 + (i % 26)).repeat(1 + Math.floor(i / 26))}\u0000`;
  const text = facts.replace(/\b(Received|Expected|Documented):\s*[\dxX, ]*\d[xX]*/g, (m) => mark(kept.push(m) - 1));
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/\b[A-Za-z]+-\d+\b/g, '<id>')
    .replace(/\d+(\.\d+)?/g, '#')
    .replace(/\u0000([A-Z]+)\u0000/g, (_, m: string) => kept[(m.length - 1) * 26 + (m.charCodeAt(0) - 65)] ?? '');
}

/**
 * Groups the failures of failed tests by check, then by operation and the shape of their facts
 * (the same failure in several tests, or for several requests, is one item that counts them).
 * Groups and items are sorted by name.
 */
export function groupFailures(tests: readonly TestOutcome[]): { groups: FailureGroup[]; other: OtherFailure[] } {
  const items = new Map<string, FailureGroupItem>();
  const seen = new Map<string, Set<string>>();
  const other: OtherFailure[] = [];
  for (const t of tests) {
    if (t.status !== 'failed') continue;
    const name = testName(t);
    const bases = basesOf(t);
    const lines = t.errors.flatMap(parseFailureLines);
    if (lines.length === 0) {
      other.push({ test: name, message: firstLine(t.errors[0] ?? 'failed without an error message') });
      continue;
    }
    for (const { line, ...l } of lines) {
      const basis = bases.get(line) ?? 'contract';
      const key = `${basis}|${l.check}|${l.operation}|${factShape(l.facts)}`;
      let item = items.get(key);
      if (!item) {
        item = { ...l, basis, occurrences: 0, tests: [] };
        items.set(key, item);
        seen.set(key, new Set());
      }
      const facts = seen.get(key)!;
      if (!facts.has(l.facts)) {
        facts.add(l.facts);
        item.occurrences++;
      }
      if (!item.tests.includes(name)) item.tests.push(name);
    }
  }
  const byCheck = new Map<string, FailureGroup>();
  for (const item of items.values()) {
    const key = `${item.basis}|${item.check}`;
    const g = byCheck.get(key) ?? { basis: item.basis, check: item.check, title: item.title, items: [] };
    g.items.push(item);
    byCheck.set(key, g);
  }
  const groups = [...byCheck.values()].sort(
    (a, b) => BASES.indexOf(a.basis) - BASES.indexOf(b.basis) || a.check.localeCompare(b.check),
  );
  for (const g of groups)
    g.items.sort((a, b) => a.operation.localeCompare(b.operation) || a.facts.localeCompare(b.facts));
  return { groups, other };
}

/** One warning of the run (a finding that did not fail its test), with the tests that showed it. */
export interface WarningItem {
  /** What made it a warning: `assumed` (an unmet assumed expectation under --assumptions warn), or another verdict's kind. */
  kind: string;
  line: string;
  tests: string[];
}

/** Every warning annotation of the run, distinct lines in first-seen order. */
export function collectWarnings(tests: readonly TestOutcome[]): WarningItem[] {
  const items = new Map<string, WarningItem>();
  for (const t of tests) {
    for (const a of t.annotations ?? []) {
      if (a.type !== WARNING_ANNOTATION) continue;
      const { kind, line } = parseKindLine(a.description ?? '');
      const key = `${kind}|${line}`;
      const item = items.get(key) ?? { kind, line, tests: [] };
      if (!item.tests.includes(testName(t))) item.tests.push(testName(t));
      items.set(key, item);
    }
  }
  return [...items.values()];
}
