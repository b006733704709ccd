/**
 * The Allure HTML report: `allure generate` (Allure 3, pure JS, offline) over one or more
 * allure-results directories, with allurerc.mjs (single file, grouping, environment variables).
 * Shards' results are combined by passing every shard's directory at once.
 */
import { envName } from '../settings/index.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from '../core/errors.js';
import { runNode } from '../process/spawn.js';
import { allureCli } from '../process/tools.js';

/** Options of generateAllure. */
export interface AllureOptions {
  /** Results directories (each shard's allure-results, or the run's one). */
  resultsDirs: string[];
  /** Output directory: index.html lands here. */
  output: string;
  /** The reports directory allurerc.mjs reads environment.json from. */
  reportsDir: string;
  /** Repository root (where allurerc.mjs is). */
  root: string;
  env: NodeJS.ProcessEnv;
}

/** What Allure's summary.json says about the report it generated. */
export interface AllureSummary {
  stats: Record<string, number>;
  status: string;
}

/** Generates the single-file HTML report; resolves to its summary. Failing to generate is a harness error. */
export async function generateAllure(
  o: AllureOptions,
): Promise<{ index: string; summary?: AllureSummary; durationMs: number }> {
  const dirs = o.resultsDirs.filter((d) => existsSync(d));
  if (dirs.length === 0)
    throw new HarnessError(
      'internal',
      `no Allure results in ${o.resultsDirs.join(', ')}`,
      'the run wrote no results; see its output above',
    );
  const r = await runNode(
    allureCli(),
    ['generate', ...dirs, '--config', join(o.root, 'allurerc.mjs'), '--output', o.output],
    {
      cwd: o.root,
      env: { ...o.env, [envName('reportsDir')]: o.reportsDir },
      capture: true,
      timeoutMs: 120_000,
    },
  );
  const index = join(o.output, 'index.html');
  if (r.code !== 0 || !existsSync(index)) {
    const why = (r.stderr || r.stdout).trim().split('\n').pop() ?? `exit ${r.code}`;
    throw new HarnessError(
      'internal',
      `allure generate failed: ${why}`,
      'the JUnit file and summary are still written',
    );
  }
  let summary: AllureSummary | undefined;
  try {
    summary = JSON.parse(readFileSync(join(o.output, 'summary.json'), 'utf8'));
  } catch {
    summary = undefined;
  }
  return { index, summary, durationMs: r.durationMs };
}
