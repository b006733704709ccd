/**
 * Contract failures recovered from test error messages. Every ContractFailure's message is one
 * line `[check] operation: Title. facts` (src/core/errors.ts); a failing test's error carries one
 * or more of them. Anything else that failed a test (a timeout, a plain assertion) is kept as an
 * "other" failure with its first line.
 */
import type { TestOutcome } from './results.js';
import { testName } from './results.js';

/** One distinct failure, with the tests that showed it. */
export interface FailureGroupItem {
  check: string;
  operation: string;
  title: string;
  facts: string;
  tests: string[];
}

/** Failures of one check, grouped by operation. */
export interface FailureGroup {
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
export function parseFailureLines(message: string): Array<Omit<FailureGroupItem, 'tests'>> {
  const out: Array<Omit<FailureGroupItem, 'tests'>> = [];
  for (const m of message.matchAll(LINE)) {
    out.push({ check: m[1], operation: m[2], title: m[3].trim(), facts: m[4].trim() });
  }
  return out;
}

/** The first meaningful line of an error message. */
export function firstLine(message: string): string {
  const line = message.split('\n').map((s) => s.trim()).find((s) => s && !/^Error:\s*$/.test(s)) ?? message.trim();
  return line.replace(/^Error:\s*/, '').slice(0, 300);
}

/**
 * Groups the failures of failed tests by check, then by operation and facts (duplicates across
 * tests collapse into one item listing the tests). Groups and items are sorted by name.
 */
export function groupFailures(tests: readonly TestOutcome[]): { groups: FailureGroup[]; other: OtherFailure[] } {
  const items = new Map<string, FailureGroupItem>();
  const other: OtherFailure[] = [];
  for (const t of tests) {
    if (t.status !== 'failed') continue;
    const name = testName(t);
    const lines = t.errors.flatMap(parseFailureLines);
    if (lines.length === 0) {
      other.push({ test: name, message: firstLine(t.errors[0] ?? 'failed without an error message') });
      continue;
    }
    for (const l of lines) {
      const key = `${l.check}|${l.operation}|${l.facts}`;
      const item = items.get(key) ?? { ...l, tests: [] };
      if (!item.tests.includes(name)) item.tests.push(name);
      items.set(key, item);
    }
  }
  const byCheck = new Map<string, FailureGroup>();
  for (const item of items.values()) {
    const g = byCheck.get(item.check) ?? { check: item.check, title: item.title, items: [] };
    g.items.push(item);
    byCheck.set(item.check, g);
  }
  const groups = [...byCheck.values()].sort((a, b) => a.check.localeCompare(b.check));
  for (const g of groups) g.items.sort((a, b) => a.operation.localeCompare(b.operation) || a.facts.localeCompare(b.facts));
  return { groups, other };
}
