/** Public surface of the compatibility report: contract versions, breaking-change rules, the matrix and its writers. */
export type {
  Change,
  CompatMatrix,
  CompatRule,
  ContractVersion,
  Json,
  MatrixCell,
  MatrixColumn,
  MatrixRow,
  PairChanges,
  Severity,
  SeverityCounts,
  Verdict,
} from './types.js';
export { SEVERITIES } from './types.js';
export { compareAll, comparedPairs, compareVersions, countChanges, type CompareOptions } from './compare.js';
export { BUILTIN_RULES, defaultRegistry, RuleRegistry } from './registry.js';
export { defineRule, makeChange } from './rule.js';
export { DEFAULT_INDEX, loadDocument, loadVersions } from './versions.js';
export { addRow, DEFAULT_SDK_ROW, setCell, staticCell, staticMatrix, type StaticMatrixOptions } from './matrix.js';
export { collectNotes, type KnownNotes } from './notes.js';
export { viewOf, type DocView, type OperationView } from './view.js';
export { normalizePath, operationKey } from './paths.js';
export { inlineSchemas } from './inline.js';
export { reduceUpstream, wantedOperations } from './reduce/reduce.js';
export { renderHtml } from './report/html.js';
export { renderMarkdown } from './report/markdown.js';
export { renderJson } from './report/json.js';
export { DEFAULT_REPORT_DIR, writeCompatReports, type WrittenReports } from './report/write.js';
