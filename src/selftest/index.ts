/** The harness self-test: every emulator fault switch must be caught, the clean emulator must pass. */
export { parseFaultCatalogue, readFaultCatalogue } from './catalogue.js';
export type { FaultEntry } from './catalogue.js';
export { selectionFor, describeSelection, tagOf, unionSelection, EVERY_SUITE, FAST_FAULTS } from './select.js';
export type { Selection } from './select.js';
export { runConformance, outcomeOf, runArgs, cleanEnv } from './runOne.js';
export type { RunOutcome, RunRequest } from './runOne.js';
export { faultVerdict, cleanVerdict, scoreOf, selftestExitCode } from './verdict.js';
export type { FaultRow, FaultVerdict, CleanVerdict, Score } from './verdict.js';
export {
  textTable,
  renderSelftestMarkdown,
  selftestJson,
  writeSelftestReports,
  scoreLine,
  caughtByCell,
} from './selftestReport.js';
export type { SelftestResult } from './selftestReport.js';
export { runSelftest, pickFaults, pool } from './run.js';
export type { SelftestOptions } from './run.js';
