// Allure 3 configuration (read by `allure generate`, which pieces-conformance runs after each run):
// one self-contained offline HTML file, reports/allure-report/index.html, grouped by suite
// (Playwright project), contract tag and operation, with the run's environment block from
// reports/environment.json (written by the CLI) shown as report variables.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'allure';

const reportsDir = process.env.PIECES_REPORTS_DIR || 'reports';
const envFile = join(reportsDir, 'environment.json');
const variables = existsSync(envFile) ? JSON.parse(readFileSync(envFile, 'utf8')) : {};

export default defineConfig({
  name: 'Pieces OS conformance',
  output: join(reportsDir, 'allure-report'),
  variables,
  plugins: {
    awesome: {
      options: {
        reportName: 'Pieces OS conformance',
        singleFile: true,
        reportLanguage: 'en',
        // suite (contract, stream, property) > contract tag > operationId (a test that exercised several
        // operations is listed under each of them).
        groupBy: ['parentSuite', 'tag', 'operationId'],
      },
    },
  },
});
