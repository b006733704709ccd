/**
 * The run ledger: every id a run against a live target creates, written as it is created, outside
 * `reports/` (PIECES_LEDGER_DIR, else the user's state directory), keyed by target URL; and the
 * sweep that removes an interrupted run's leftovers — only those — and restores the models.
 */
export * from './entries.js';
export * from './ledger.js';
export * from './paths.js';
export * from './sweep.js';
export * from './clean.js';
