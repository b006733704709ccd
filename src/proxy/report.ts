/**
 * The proxy's reports, in the same files a `run` writes: `summary.md` (the run summary writer, one
 * "test" per operation or channel the traffic used, failures grouped by check and operation),
 * `coverage.json`/`coverage.md`, Allure results (one result per operation, failing samples with
 * their cURL attached), `environment.json`, and `proxy.json` with every failure and its samples.
 */
import { randomUUID, createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateCoverage } from '../coverage/gate.js';
import { writeCoverageReports } from '../coverage/coverageReport.js';
import { writeEnvironment, type RunEnvironment } from '../report/environment.js';
import { reportPaths } from '../report/paths.js';
import type { RunResults, TestOutcome } from '../report/results.js';
import { formatMs, renderSummary } from '../report/summary.js';
import type { LoadedSpec } from '../contract/types.js';
import type { ProxyMonitor, SampleRecord } from './monitor.js';

/** What the report header says about the proxy. */
export interface ProxyReportMeta {
  proxyUrl: string;
  target: string;
  targetVersion?: string;
  validation: string;
  spec: LoadedSpec;
  /** How the contract is named (`--contract`); default: its title and version. */
  contractLabel?: string;
}

/** The files written. */
export interface ProxyReportFiles {
  dir: string;
  summary: string;
  coverageJson: string;
  coverageMd: string;
  allureResults: string;
  json: string;
  /** 0: nothing broke the contract; 1: failures. */
  exitCode: 0 | 1;
}

/** How many sample exchanges the summary shows. */
const SUMMARY_SAMPLES = 10;

/** The traffic as the summary writer's input: one outcome per operation or channel, unknown routes as skipped. */
export function proxyResults(m: ProxyMonitor): RunResults {
  const tests: TestOutcome[] = [];
  for (const s of [...m.operations.values()].sort((a, b) => a.operationId.localeCompare(b.operationId))) {
    const failures = [...s.failures.values()];
    tests.push({
      project: 'proxy',
      file: '',
      line: 0,
      titlePath: [s.tag || 'Other', s.operationId],
      tags: s.tag ? [`@${s.tag.replace(/\s+/g, '')}`] : [],
      status: failures.length ? 'failed' : 'passed',
      durationMs: s.totalMs,
      errors: failures.length ? [failures.map((r) => r.failure.message).join('\n')] : [],
    });
  }
  for (const [route] of m.unknown) {
    tests.push({
      project: 'proxy',
      file: '',
      line: 0,
      titlePath: ['Outside the contract', route],
      tags: [],
      status: 'skipped',
      durationMs: 0,
      errors: [],
      skipReason: 'not in the contract',
    });
  }
  const failed = tests.filter((t) => t.status === 'failed').length;
  const skipped = tests.filter((t) => t.status === 'skipped').length;
  return {
    tests,
    stats: {
      startTime: new Date(m.startedAt).toISOString(),
      duration: Date.now() - m.startedAt,
      expected: tests.length - failed - skipped,
      unexpected: failed,
      flaky: 0,
      skipped,
    },
    globalErrors: [],
  };
}

function sampleLine(check: string, operationId: string, s: SampleRecord): string {
  return `- \`${check}\` · ${operationId} · ${s.label} (${s.at})${s.curl ? `\n  \`\`\`sh\n  ${s.curl}\n  \`\`\`` : ''}`;
}

/** The proxy's own section under the run summary: traffic, routes outside the contract, client-side findings, samples. */
export function trafficSection(m: ProxyMonitor): string {
  const out = [
    '## Traffic',
    '',
    '| exchanges | outside the contract | stream frames | streams judged | cut short by the client | in flight | bodies too large to validate |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    `| ${m.exchanges} | ${[...m.unknown.values()].reduce((a, b) => a + b, 0)} | ${m.frames} | ${[...m.operations.values()].filter((s) => s.websocket).reduce((a, s) => a + s.judged, 0)} | ${m.abandoned} | ${m.inFlight} | ${m.unvalidatedBodies} |`,
    '',
  ];
  if (m.exchanges === 0 && m.frames === 0)
    out.push('No traffic yet: the verdict above says nothing about the target.', '');
  if (m.unknown.size) {
    out.push(
      'Requests outside the contract (forwarded, not judged): ' +
        [...m.unknown]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 15)
          .map(([r, n]) => `\`${r}\` ×${n}`)
          .join(', ') +
        (m.unknown.size > 15 ? `, … ${m.unknown.size - 15} more` : '') +
        '.',
      '',
    );
  }
  if (m.requestFindings.size) {
    out.push(
      "### Requests that break the contract (the client's side)",
      '',
      'Judged as invalid requests: the target must refuse them with a 4xx.',
      '',
    );
    for (const [op, r] of m.requestFindings) out.push(`- **${op}** ×${r.count}: ${r.first}`);
    out.push('');
  }
  const all = m.allFailures();
  if (all.length) {
    out.push(
      `### Failing exchanges (first sample of each failure${all.length > SUMMARY_SAMPLES ? `, ${SUMMARY_SAMPLES} of ${all.length}` : ''}; all in proxy.json)`,
      '',
    );
    for (const r of all.slice(0, SUMMARY_SAMPLES)) out.push(sampleLine(r.failure.check, r.operationId, r.samples[0]));
    out.push('');
  }
  return out.join('\n');
}

/** The environment block of the proxy's reports. */
export function proxyEnvironment(meta: ProxyReportMeta): RunEnvironment {
  return {
    'Target URL': meta.target,
    'Target kind': 'live traffic through the validation proxy',
    'Target version': meta.targetVersion ?? 'unknown',
    Contract: meta.contractLabel ?? `${meta.spec.title} ${meta.spec.version}`,
    'Contract version': meta.spec.version,
    'Contract file': meta.spec.file.replace(`${process.cwd()}/`, ''),
    'Validation mode': meta.validation,
    Suites: 'proxy',
    'Proxy URL': meta.proxyUrl,
  };
}

const SEVERITY = { critical: 'blocker', high: 'critical', medium: 'normal', low: 'minor' } as const;

/** Allure results: one per operation or channel, failing ones with their samples (exchange JSON and cURL) attached. */
export function writeAllureResults(dir: string, m: ProxyMonitor): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const now = Date.now();
  for (const s of m.operations.values()) {
    const uuid = randomUUID();
    const failures = [...s.failures.values()];
    const attachments: Array<{ name: string; source: string; type: string }> = [];
    for (const r of failures) {
      for (const [i, sample] of r.samples.entries()) {
        const base = `${r.failure.check} #${i + 1} ${sample.label}`;
        const json = `${randomUUID()}-attachment.json`;
        writeFileSync(join(dir, json), JSON.stringify({ failure: r.failure.message, ...sample }, null, 2));
        attachments.push({ name: `${base} exchange`, source: json, type: 'application/json' });
        if (sample.curl) {
          const txt = `${randomUUID()}-attachment.txt`;
          writeFileSync(join(dir, txt), `${sample.curl}\n`);
          attachments.push({ name: `${base} cURL`, source: txt, type: 'text/plain' });
        }
      }
    }
    const worst = (['critical', 'high', 'medium', 'low'] as const).find((sev) =>
      failures.some((r) => r.failure.severity === sev),
    );
    const labels = [
      { name: 'suite', value: 'proxy' },
      { name: 'parentSuite', value: 'proxy' },
      { name: 'subSuite', value: s.tag || 'Other' },
      { name: 'tag', value: s.tag || 'Other' },
      { name: 'operationId', value: s.operationId },
      ...[...new Set(failures.map((r) => r.failure.check))].map((c) => ({ name: 'check', value: c })),
      ...(worst ? [{ name: 'severity', value: SEVERITY[worst] }] : []),
    ];
    const result = {
      uuid,
      historyId: createHash('md5').update(`proxy:${s.operationId}`).digest('hex'),
      testCaseId: createHash('md5').update(`proxy:${s.operationId}`).digest('hex'),
      name: `${s.operationId}: ${s.judged} ${s.websocket ? 'streams' : 'exchanges'} seen, ${s.failedSubjects} failing`,
      fullName: `proxy:${s.operationId}`,
      status: failures.length ? 'failed' : 'passed',
      stage: 'finished',
      statusDetails: failures.length
        ? { message: failures.map((r) => `${r.failure.message} (×${r.count})`).join('\n') }
        : {},
      start: m.startedAt,
      stop: now,
      labels,
      attachments,
      steps: [],
      parameters: [],
    };
    writeFileSync(join(dir, `${uuid}-result.json`), JSON.stringify(result, null, 2));
  }
}

/** Writes every report of the proxy into dir. */
export function writeProxyReports(dir: string, m: ProxyMonitor, meta: ProxyReportMeta): ProxyReportFiles {
  const p = reportPaths(dir, '/');
  mkdirSync(p.dir, { recursive: true });
  const coverage = evaluateCoverage(meta.spec.operations.values(), m.ledger, []);
  const written = writeCoverageReports(p.dir, coverage, {
    target: meta.target,
    contract: meta.contractLabel ?? `${meta.spec.title} ${meta.spec.version}`,
  });
  writeAllureResults(p.allureResults, m);
  const environment = proxyEnvironment(meta);
  writeEnvironment(environment, p.allureResults, p.environment);
  const results = proxyResults(m);
  const exitCode: 0 | 1 = results.stats.unexpected > 0 ? 1 : 0;
  const summary = renderSummary({
    results,
    coverage,
    environment,
    exitCode,
    partialRun: 'live traffic through the proxy',
    timing: { wallMs: Date.now() - m.startedAt },
    links: { coverage: 'coverage.md', failures: 'proxy.json', 'Allure results': 'allure-results/' },
  });
  const [head, ...rest] = summary.split('\n## Coverage');
  writeFileSync(
    p.summary,
    `${head.trimEnd()}\n\n${trafficSection(m)}\n${rest.length ? `## Coverage${rest.join('\n## Coverage')}` : ''}`,
  );
  const json = join(p.dir, 'proxy.json');
  writeFileSync(
    json,
    `${JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        ...proxyEnvironment(meta),
        uptime: formatMs(Date.now() - m.startedAt),
        counts: {
          exchanges: m.exchanges,
          frames: m.frames,
          cutShort: m.abandoned,
          inFlight: m.inFlight,
          unvalidatedBodies: m.unvalidatedBodies,
        },
        failures: m.allFailures().map((r) => ({
          check: r.failure.check,
          operation: r.operationId,
          title: r.failure.title,
          facts: r.failure.facts,
          severity: r.failure.severity,
          count: r.count,
          samples: r.samples,
        })),
        outsideContract: Object.fromEntries(m.unknown),
        requestFindings: Object.fromEntries(m.requestFindings),
      },
      null,
      2,
    )}\n`,
  );
  return {
    dir: p.dir,
    summary: p.summary,
    coverageJson: written.json,
    coverageMd: written.md,
    allureResults: p.allureResults,
    json,
    exitCode,
  };
}
