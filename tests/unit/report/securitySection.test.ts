/** The summary's security section, from the annotations the fixtures leave on tests. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TestOutcome } from '../../../src/report/results.js';
import { renderSecuritySection, securityVerdictOf } from '../../../src/report/securitySection.js';
import { renderSummary } from '../../../src/report/summary.js';

const FINDING =
  "[cors_foreign_origin] getAssetsSnapshot: CORS lets a foreign web page use the user's data. GET /assets with Origin: https://a.invalid → HTTP 200 with access-control-allow-origin: *: any web page can read the answer";

function outcome(
  title: string,
  status: TestOutcome['status'],
  annotations: TestOutcome['annotations'],
  errors: string[] = [],
): TestOutcome {
  return {
    project: 'contract',
    file: 'security.spec.ts',
    line: 1,
    titlePath: ['Security: REST', title],
    tags: [],
    status,
    durationMs: 5,
    errors,
    annotations,
  };
}

const reported = [
  outcome('cors', 'passed', [
    { type: 'security-check', description: 'cors_foreign_origin' },
    { type: 'security-finding', description: FINDING },
    { type: 'security-mode', description: 'report' },
  ]),
  outcome('host', 'passed', [
    { type: 'security-check', description: 'host_allowlist_rest' },
    { type: 'security-mode', description: 'report' },
  ]),
];

test('the verdict: mode, judged checks, findings with their evidence and test', () => {
  const v = securityVerdictOf(reported);
  assert.equal(v.mode, 'report');
  assert.deepEqual([...v.judged].sort(), ['cors_foreign_origin', 'host_allowlist_rest']);
  assert.equal(v.findings.length, 1);
  assert.equal(v.findings[0].operation, 'getAssetsSnapshot');
  assert.match(v.findings[0].evidence, /access-control-allow-origin: \*/);
  assert.deepEqual(v.findings[0].tests, ['contract › Security: REST › cors']);
});

test('the section: one row per security check (finding, refused, not run), then each finding', () => {
  const md = renderSecuritySection(reported).join('\n');
  assert.match(md, /## Security: ⚠️ 1 finding \(report: findings are listed, the exit code ignores them\)/);
  assert.match(md, /\| `cors_foreign_origin` \| high \| assumed \| .* \| ✗ 1 finding \|/);
  assert.match(md, /\| `host_allowlist_rest` \| critical \| assumed \| .* \| ✓ refused \|/);
  assert.match(md, /\| `cross_site_websocket_hijacking` \| critical \| .* \| not run \|/);
  assert.match(md, /- `cors_foreign_origin` \*\*getAssetsSnapshot\*\*: GET \/assets with Origin/);
});

test('no security check run: no section', () => {
  assert.deepEqual(renderSecuritySection([outcome('x', 'passed', [])]), []);
});

test('enforced findings are in the security section, not among the conformance failures', () => {
  const failed = outcome(
    'cors',
    'failed',
    [
      { type: 'security-check', description: 'cors_foreign_origin' },
      { type: 'security-finding', description: FINDING },
      { type: 'security-mode', description: 'enforce' },
    ],
    [`1 failure:\n✗ ${FINDING}`],
  );
  const md = renderSummary({
    results: {
      tests: [failed],
      stats: { startTime: '', duration: 0, expected: 0, unexpected: 1, flaky: 0, skipped: 0 },
      globalErrors: [],
    },
    environment: {},
    exitCode: 1,
    timing: { wallMs: 10 },
  });
  assert.doesNotMatch(md, /## Failures/);
  assert.match(md, /## Security: ⚠️ 1 finding \(enforce: findings fail the run\)/);
});
