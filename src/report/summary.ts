/**
 * `reports/summary.md`: what the engineer who must act on a red run reads first, short enough to
 * paste into a pull request — verdict, counts, failures grouped by check and operation with their
 * one-line facts, the coverage table (folded), timing figures.
 */
import type { CoverageSummary } from '../coverage/gate.js';
import { collectWarnings, groupFailures } from './failures.js';
import { renderSecuritySection, securityCheckNames } from './securitySection.js';
import type { RunResults, TestOutcome } from './results.js';
import { testName } from './results.js';

/** Everything the summary is made of. */
export interface SummaryInput {
  results: RunResults;
  coverage?: CoverageSummary;
  /** The environment block (target, versions, validation). */
  environment: Record<string, string>;
  /** The run's verdict as the exit code gives it. */
  exitCode: number;
  /** A harness error line, when the run could not be judged. */
  harnessError?: string;
  /** Wall-clock figures, ms. */
  timing: { wallMs: number; playwrightMs?: number; reportsMs?: number };
  /** Relative paths of the other reports, for the closing links. */
  links?: Record<string, string>;
  /** Why the coverage gate does not apply to this run (a --grep or a shard), if it does not. */
  partialRun?: string;
  /** Cap on failure lines (the rest is counted), default 25. */
  maxFailures?: number;
}

/** `1.2 s`, `340 ms`, `2 min 05 s`. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

// Markdown table cells: a pipe would end the cell, a newline the row.
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

const VERDICT: Record<number, string> = {
  0: '✅ PASS: the target conforms to the contract',
  1: '❌ FAIL: conformance failures',
  2: '⚠️ ERROR: the harness could not judge the target',
};

/** What each basis means, as the failures section heads it. */
const BASIS_HEADINGS: Record<string, string> = {
  contract: 'the contract in force documents it',
  upstream: 'a real Pieces OS contract documents it (spec/versions/upstream/)',
  assumed: "this project's reading (README: assumptions)",
};

/** What each kind of warning means. */
const WARNING_HEADINGS: Record<string, string> = {
  assumed: 'assumed expectations the target does not meet (--assumptions warn; README: assumptions)',
};

/** Test counts, as Playwright counts them. */
export function counts(tests: readonly TestOutcome[]): Record<TestOutcome['status'] | 'total', number> {
  const c = { total: tests.length, passed: 0, failed: 0, flaky: 0, skipped: 0 };
  for (const t of tests) c[t.status]++;
  return c;
}

/** Renders the summary markdown. */
export function renderSummary(input: SummaryInput): string {
  const { results, coverage, environment } = input;
  const max = input.maxFailures ?? 25;
  const c = counts(results.tests);
  const out: string[] = [`# Pieces OS conformance: ${VERDICT[input.exitCode] ?? `exit ${input.exitCode}`}`, ''];
  const env = Object.entries(environment).filter(([, v]) => v !== '');
  if (env.length) out.push(env.map(([k, v]) => `**${k}:** ${v}`).join(' · '), '');
  if (input.harnessError) out.push('```', input.harnessError, '```', '');
  if (results.shard) out.push(`Shard ${results.shard.current} of ${results.shard.total}.`, '');

  out.push('| tests | passed | failed | flaky | skipped | coverage |', '|---:|---:|---:|---:|---:|---|');
  out.push(
    `| ${c.total} | ${c.passed} | ${c.failed} | ${c.flaky} | ${c.skipped} | ${coverage ? cell(coverage.line) : 'not written'} |`,
    '',
  );

  const globalErrors = results.globalErrors.filter(
    (e) => !input.harnessError?.includes(e.replace(/^(Error: )+/, '').replace(/^pieces-conformance: /, '')),
  );
  if (globalErrors.length) {
    out.push('## Errors outside tests', '');
    for (const e of globalErrors.slice(0, 5)) out.push(`- ${cell(e)}`);
    out.push('');
  }

  // Security findings are their own verdict: the security section lists them (enforced or not).
  const security = securityCheckNames();
  const grouped = groupFailures(results.tests);
  const groups = grouped.groups.filter((g) => !security.has(g.check));
  const other = grouped.other;
  if (groups.length || other.length) {
    const n = groups.reduce((k, g) => k + g.items.length, 0) + other.length;
    out.push(`## Failures (${n} distinct, in ${c.failed} failed test${c.failed === 1 ? '' : 's'})`, '');
    let shown = 0;
    const total = groups.reduce((k, g) => k + g.items.length, 0) + other.length;
    let basis: string | undefined;
    for (const g of groups) {
      if (shown >= max) break;
      if (g.basis !== basis) {
        basis = g.basis;
        const n = groups.filter((x) => x.basis === basis).reduce((k, x) => k + x.items.length, 0);
        out.push(`### Basis \`${basis}\` (${n}): ${BASIS_HEADINGS[g.basis]}`, '');
      }
      out.push(`#### \`${g.check}\`: ${g.title}`, '');
      for (const item of g.items.slice(0, max - shown)) {
        const tests = item.tests.length === 1 ? item.tests[0] : `${item.tests[0]} (+${item.tests.length - 1} more)`;
        const times = item.occurrences > 1 ? ` (×${item.occurrences} alike; first shown)` : '';
        out.push(`- **${item.operation}**: ${item.facts || item.title}${times} (test: ${tests})`);
        shown++;
      }
      out.push('');
    }
    if (other.length && shown < max) {
      out.push('### Other failures', '');
      for (const o of other.slice(0, max - shown)) {
        out.push(`- ${o.test}: ${o.message}`);
        shown++;
      }
      out.push('');
    }
    if (total > shown) out.push(`… ${total - shown} more: see junit.xml or the Allure report.`, '');
  }

  out.push(...renderSecuritySection(results.tests));
  // Findings that did not fail their test (unmet assumed expectations under --assumptions warn).
  const warnings = collectWarnings(results.tests);
  if (warnings.length) {
    out.push(`## Warnings (${warnings.length}, not failures)`, '');
    for (const kind of [...new Set(warnings.map((w) => w.kind))]) {
      const mine = warnings.filter((w) => w.kind === kind);
      out.push(`### \`${kind}\` (${mine.length}): ${WARNING_HEADINGS[kind] ?? 'warnings'}`, '');
      for (const w of mine.slice(0, max)) {
        const tests = w.tests.length === 1 ? w.tests[0] : `${w.tests[0]} (+${w.tests.length - 1} more)`;
        out.push(`- ⚠ ${cell(w.line)} (test: ${tests})`);
      }
      if (mine.length > max) out.push(`- … ${mine.length - max} more: see junit.xml or the Allure report.`);
      out.push('');
    }
  }

  const skipReasons = new Map<string, number>();
  for (const t of results.tests)
    if (t.status === 'skipped')
      skipReasons.set(t.skipReason ?? 'no reason given', (skipReasons.get(t.skipReason ?? 'no reason given') ?? 0) + 1);
  if (skipReasons.size) {
    out.push(`Skipped: ${[...skipReasons].map(([why, n]) => `${n} × ${why}`).join('; ')}.`, '');
  }

  if (coverage) {
    const verdict = coverage.passed
      ? ''
      : input.partialRun
        ? ` (partial run, ${input.partialRun}: not gated)`
        : ' (gate failed)';
    out.push(`## Coverage: ${coverage.line}${verdict}`, '');
    if (coverage.missing.length && !input.partialRun) out.push(`Never exercised: ${coverage.missing.join(', ')}.`, '');
    if (coverage.unknown?.length)
      out.push(`Not in the contract (exercised by the suites, not judged): ${coverage.unknown.join(', ')}.`, '');
    if (coverage.refusalsOnly?.length)
      out.push(
        `⚠ Only refusals seen, no success answer (the success path was never judged): ${coverage.refusalsOnly.join(', ')}.`,
        '',
      );
    out.push('<details><summary>Operations: statuses seen and documented, checks run</summary>', '');
    out.push('| operation | statuses seen | documented | checks run | failed checks |', '|---|---|---|---|---|');
    for (const r of coverage.operations) {
      const seen =
        r.statusesSeen.map((s) => (s === 0 ? 'no response' : String(s))).join(', ') ||
        (r.exercised ? '—' : 'not exercised');
      out.push(
        `| ${r.operationId}${r.websocket ? ' (ws)' : ''} | ${seen} | ${r.statusesDocumented.join(', ')} | ${r.checks.length} | ${r.failed.join(', ') || '—'} |`,
      );
    }
    out.push('', '</details>', '');
  }

  out.push('## Timing', '');
  const t = input.timing;
  const parts = [`wall ${formatMs(t.wallMs)}`];
  if (t.playwrightMs !== undefined) parts.push(`suites ${formatMs(t.playwrightMs)}`);
  if (t.reportsMs !== undefined) parts.push(`reports ${formatMs(t.reportsMs)}`);
  out.push(`- ${parts.join(' · ')}`);
  const byProject = new Map<string, { n: number; ms: number }>();
  for (const test of results.tests) {
    const p = byProject.get(test.project) ?? { n: 0, ms: 0 };
    p.n++;
    p.ms += test.durationMs;
    byProject.set(test.project, p);
  }
  if (byProject.size) {
    out.push(
      `- per suite (test time): ${[...byProject].map(([p, v]) => `${p || 'default'} ${v.n} tests ${formatMs(v.ms)}`).join(' · ')}`,
    );
  }
  const slowest = [...results.tests]
    .filter((x) => x.status !== 'skipped')
    .sort((a, b) => b.durationMs - a.durationMs)
    .slice(0, 3);
  if (slowest.length)
    out.push(`- slowest: ${slowest.map((x) => `${testName(x)} (${formatMs(x.durationMs)})`).join(' · ')}`);
  out.push('');

  if (input.links && Object.keys(input.links).length) {
    out.push(
      `Reports: ${Object.entries(input.links)
        .map(([k, v]) => `${k} \`${v}\``)
        .join(' · ')}`,
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}
