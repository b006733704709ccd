/**
 * The summary's security section: the security verdict apart from conformance. One row per
 * security check of the registry (severity, basis, what it guards, verdict), then every finding with
 * its evidence and test. Read from the annotations the fixtures leave on each test
 * (`security-check`, `security-finding`, `security-mode`; tests/fixtures/security.ts), which are
 * also the JUnit properties.
 */
import { checksOfKind } from '../checks/registry.js';
import { parseFailureLines } from './failures.js';
import type { TestOutcome } from './results.js';
import { testName } from './results.js';

/** One finding: the check, the operation, its evidence, the tests that showed it. */
export interface SecurityFinding {
  check: string;
  operation: string;
  evidence: string;
  tests: string[];
}

/** What the run's tests say about security. */
export interface SecurityVerdict {
  /** enforce or report, as the fixtures resolved it (undefined when no security check ran). */
  mode?: string;
  /** The security checks judged at least once. */
  judged: Set<string>;
  findings: SecurityFinding[];
}

/** Collects the security annotations of every test. */
export function securityVerdictOf(tests: readonly TestOutcome[]): SecurityVerdict {
  const judged = new Set<string>();
  const byKey = new Map<string, SecurityFinding>();
  let mode: string | undefined;
  for (const t of tests) {
    for (const a of t.annotations ?? []) {
      if (a.type === 'security-mode') mode ??= a.description;
      else if (a.type === 'security-check' && a.description) judged.add(a.description);
      else if (a.type === 'security-finding' && a.description) {
        for (const l of parseFailureLines(a.description)) {
          const key = `${l.check}|${l.operation}|${l.facts}`;
          const f = byKey.get(key) ?? { check: l.check, operation: l.operation, evidence: l.facts, tests: [] };
          if (!f.tests.includes(testName(t))) f.tests.push(testName(t));
          byKey.set(key, f);
        }
      }
    }
  }
  const findings = [...byKey.values()].sort(
    (a, b) => a.check.localeCompare(b.check) || a.operation.localeCompare(b.operation),
  );
  return { mode, judged, findings };
}

/** The names of the registry's security checks (the summary leaves them out of its conformance failures). */
export function securityCheckNames(): Set<string> {
  return new Set(checksOfKind('security').map((c) => c.name));
}

// Markdown table cells: a pipe would end the cell, a newline the row.
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The section's markdown lines (empty when no security check ran). */
export function renderSecuritySection(tests: readonly TestOutcome[]): string[] {
  const v = securityVerdictOf(tests);
  if (v.judged.size === 0) return [];
  const n = v.findings.length;
  const effect =
    v.mode === 'enforce'
      ? 'enforce: findings fail the run'
      : v.mode === 'report'
        ? 'report: findings are listed, the exit code ignores them'
        : `mode ${v.mode ?? 'unknown'}`;
  const head = n === 0 ? '✅ no finding' : `⚠️ ${n} finding${n === 1 ? '' : 's'}`;
  const out = [`## Security: ${head} (${effect})`, ''];
  out.push('| check | severity | basis | what it guards | verdict |', '|---|---|---|---|---|');
  for (const c of checksOfKind('security')) {
    const found = v.findings.filter((f) => f.check === c.name);
    const verdict = !v.judged.has(c.name)
      ? 'not run'
      : found.length
        ? `✗ ${found.length} finding${found.length === 1 ? '' : 's'}`
        : '✓ refused';
    out.push(`| \`${c.name}\` | ${c.severity} | ${c.basis} | ${cell(c.description)} | ${verdict} |`);
  }
  out.push('');
  for (const f of v.findings) {
    const tests = f.tests.length === 1 ? f.tests[0] : `${f.tests[0]} (+${f.tests.length - 1} more)`;
    out.push(`- \`${f.check}\` **${f.operation}**: ${cell(f.evidence)} (test: ${cell(tests)})`);
  }
  if (n) out.push('');
  return out;
}
