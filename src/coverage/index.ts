/** Coverage: the ledger, per-worker parts, the gate and its reports. */
export { CoverageLedger } from './ledger.js';
export type { CoverageHit } from './ledger.js';
export { writePart, readParts, mergeParts, clearParts } from './parts.js';
export type { CoveragePart } from './parts.js';
export { evaluateCoverage, gateMessage } from './gate.js';
export type { CoverageSummary, OperationCoverage, Tally, GateOptions } from './gate.js';
export { coverageMarkdown, writeCoverageReports } from './coverageReport.js';
export { hitOf } from './hit.js';
