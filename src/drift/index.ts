/** Drift between the emulator and a live target: one seeded scenario on both, compared by status, shape and stream sequence. */
export { shapeOf, bodyShape, compareShapes, mergeShapes } from './shape.js';
export type { Shape, ShapeDifference, JsonType } from './shape.js';
export { runScenario, collapseSequence } from './scenario.js';
export type { ScenarioRecord, StepRecord, StreamRecord, ScenarioOptions } from './scenario.js';
export { compareRuns } from './compare.js';
export type { Drift } from './compare.js';
export { spawnEmulator } from './emulator.js';
export type { SpawnedEmulator } from './emulator.js';
export { renderDriftMarkdown, writeDriftReports } from './driftReport.js';
export type { DriftResult } from './driftReport.js';
export { runDrift } from './run.js';
export type { DriftOptions } from './run.js';
export { compareSteps, compareStreams } from './compare.js';
export { runHarDiff } from './har/run.js';
export type { HarDiffOptions, HarDiffResult } from './har/run.js';
export { replayHar } from './har/replay.js';
export type { ReplayResult } from './har/replay.js';
export { IdMap } from './har/ids.js';
