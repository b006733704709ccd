/**
 * Every setting of the harness, declared once: its value kind, default and doc line. The config-file
 * key is the key below; the variable is `PIECES_` + SCREAMING_SNAKE of the key unless `env` names
 * it; settings with `flag` are `pieces-conformance` flags (kebab-case key unless named). The CLI,
 * playwright.config.ts, the fixtures and the property suite all read them through resolve.ts, and
 * README.md's settings table is generated from this list (`npm run docs:settings`).
 */
import { SECURITY_MODES } from '../security/mode.js';
import { VALIDATION_MODES } from '../validate/mode.js';
import { ASSUMPTION_MODES } from '../checks/basis.js';
import { bool, custom, int, list, oneOf, text } from './define.js';
import { COVERAGE_GATE_MODES, EMULATOR_PROFILES, SUITES, parseShard, parseTarget } from './values.js';

export { COVERAGE_GATE_MODES, EMULATOR_PROFILES, SUITES, parseShard, parseTarget };
export type { CoverageGateMode, EmulatorProfile, Shard, Suite } from './values.js';

const ms = (doc: string, defaultText: string) => int({ group: 'stream', min: 1, doc, defaultText });
const budget = (doc: string, defaultText: string, envAliases?: string[]) =>
  int({
    group: 'budgets',
    min: 1,
    flag: true,
    placeholder: 'N',
    doc,
    defaultText,
    ...(envAliases ? { envAliases } : {}),
  });

export const SETTINGS = {
  // What is judged and how.
  target: custom({
    group: 'run',
    env: 'PIECES_BASE_URL',
    flag: true,
    placeholder: 'URL|auto',
    parse: parseTarget,
    accepts: 'an http(s) base URL such as http://127.0.0.1:39300, or auto (leave it unset for the embedded emulator)',
    doc: 'The Pieces OS to judge: a base URL, or auto to discover one on 39300-39333, 1000, 5323',
    defaultText: 'the embedded emulator',
  }),
  suites: list({
    group: 'run',
    choices: SUITES,
    default: [...SUITES],
    flag: 'suite',
    placeholder: SUITES.join(','),
    repeatable: true,
    forward: 'cli',
    doc: 'Suites to run',
    defaultText: 'all',
  }),
  grep: text({
    group: 'run',
    flag: true,
    placeholder: 'REGEX',
    forward: 'cli',
    doc: 'Only tests whose title matches (Playwright --grep)',
  }),
  grepInvert: text({
    group: 'run',
    flag: true,
    placeholder: 'REGEX',
    forward: 'cli',
    doc: 'Leave out tests whose title matches',
  }),
  shard: custom({
    group: 'run',
    flag: true,
    placeholder: 'i/n',
    parse: parseShard,
    format: (s) => `${s.index}/${s.total}`,
    accepts: 'i/n with 1 <= i <= n, e.g. 1/2',
    doc: 'Run shard i of n (Playwright sharding); writes a blob report for `pieces-conformance merge`',
  }),
  validation: oneOf(VALIDATION_MODES, {
    group: 'run',
    default: 'strict',
    flag: true,
    doc: 'strict, or lenient for targets newer than the contract: extra fields and unknown enum values are warnings',
  }),
  security: oneOf(SECURITY_MODES, {
    group: 'run',
    flag: true,
    doc: 'The security verdict (foreign Host, foreign Origin, CORS): enforce fails the run on a finding, report lists findings and keeps the exit code',
    defaultText: 'enforce on the embedded emulator, report on other targets',
  }),
  allowDownloads: bool({
    group: 'run',
    flag: true,
    doc: 'Let the suites download models on a live target; otherwise those steps are skipped',
  }),
  readonly: bool({
    group: 'run',
    flag: true,
    doc: 'Only reads: nothing is created, changed or deleted on the target (no streamed question either: it starts a conversation)',
  }),
  faults: list({
    group: 'run',
    env: 'PIECES_EMULATOR_FAULTS',
    flag: 'fault',
    repeatable: true,
    placeholder: 'NAME',
    pattern: /^[a-z0-9-]+$/,
    accepts: 'fault names (pieces-conformance emulator --list-faults)',
    doc: 'Emulator fault switches (embedded emulator only; names checked against `emulator --list-faults`)',
  }),
  timeoutMs: int({
    group: 'budgets',
    min: 1,
    default: 10_000,
    flag: true,
    placeholder: 'N',
    doc: 'Budget of a REST read or write, in milliseconds (the per-request timeout)',
  }),
  timeoutLlmMs: budget(
    'Budget of an LLM-backed REST call (question, relevance with a question, reprompt), in milliseconds',
    'instant emulator 10000, otherwise 120000',
  ),
  timeoutFirstFrameMs: budget(
    'Budget from a streamed question to its first frame, in milliseconds',
    'instant emulator 3000, otherwise 60000',
  ),
  timeoutAnswerMs: budget(
    'Budget of a whole streamed answer, in milliseconds',
    'instant emulator 10000, otherwise 180000',
    ['PIECES_STREAM_TIMEOUT_MS'],
  ),
  timeoutDownloadMs: budget(
    'Budget of a model download, in milliseconds',
    'instant emulator 10000, otherwise 1800000 (30 min)',
    ['PIECES_DOWNLOAD_WAIT_MS'],
  ),
  timeoutLoadMs: budget('Budget of a model load, in milliseconds', 'instant emulator 10000, otherwise 120000'),
  consistencyMs: int({
    group: 'budgets',
    min: 0,
    flag: true,
    placeholder: 'N',
    doc: 'How long "created, so found/listed" and "deleted, so gone" poll before failing, in milliseconds',
    defaultText: 'instant emulator 0, otherwise 5000',
  }),
  streamConcurrency: int({
    group: 'budgets',
    min: 1,
    flag: true,
    placeholder: 'N',
    doc: 'Streamed questions in flight at once',
    defaultText: 'instant emulator 20, otherwise 3',
  }),
  rankWithin: int({
    group: 'budgets',
    min: 1,
    doc: 'Relevance judges the expected asset within the first k results (1 where the target is deterministic)',
    defaultText: 'instant emulator 1, otherwise 3',
  }),
  emulatorProfile: oneOf(EMULATOR_PROFILES, {
    group: 'run',
    default: 'instant',
    flag: 'profile',
    doc: "The embedded emulator's pace: instant, or realistic (local-LLM latency, index lag, varying answers, slow downloads)",
  }),
  workers: int({
    group: 'run',
    min: 1,
    flag: true,
    placeholder: 'N',
    forward: 'cli',
    doc: 'Playwright workers',
    defaultText: "the suite's 2",
  }),
  ledgerDir: text({
    group: 'run',
    flag: true,
    placeholder: 'DIR',
    doc: 'Where run ledgers go (what a run against a live target created, for `pieces-conformance clean`); outside reports/',
    defaultText: 'the user state directory: $XDG_STATE_HOME (or ~/.local/state)/pieces-conformance/ledger',
  }),
  contract: text({
    group: 'run',
    flag: true,
    placeholder: 'ID|FILE',
    envAliases: ['PIECES_SPEC'],
    doc: 'The contract that judges: an id of spec/versions/index.yaml (seed, upstream-2024-09, upstream-2025-01, upstream-2025-02, refined) or an OpenAPI 3.0/3.1 file',
    defaultText: 'refined (spec/pieces-os.openapi.yaml)',
  }),
  assumptions: oneOf(ASSUMPTION_MODES, {
    group: 'run',
    flag: true,
    doc: 'enforce: an unmet assumed expectation fails; warn: it is a warning with its facts (listed in summary.md) and the exit code stays 0 when nothing else failed',
    defaultText: 'enforce on the embedded emulator, warn on any other target',
  }),
  stopWhenCaught: text({
    group: 'run',
    flag: true,
    placeholder: 'CHECK',
    doc: "Skip the tests not yet started once a failure of this check is recorded (the self-test's fault runs: the planted bug is caught, the rest of the run would only restart workers)",
  }),
  // The property suite.
  deep: bool({
    group: 'property',
    flag: true,
    envAliases: ['PIECES_FC_DEEP'],
    doc: 'Nightly depth: many more property-test runs',
  }),
  fcRuns: int({
    group: 'property',
    min: 1,
    flag: true,
    placeholder: 'N',
    doc: 'Runs per property, over every default and --deep',
  }),
  fcSeed: int({
    group: 'property',
    min: -0x80000000,
    max: 0xffffffff,
    flag: true,
    placeholder: 'N',
    doc: 'Seed to replay (as a failure prints it)',
  }),
  fcPath: text({
    group: 'property',
    flag: true,
    placeholder: 'PATH',
    pattern: /^\d+(:\d+)*$/,
    accepts: 'the counterexample path a failure prints, e.g. 3:1:0',
    doc: 'Counterexample path to replay, with the seed',
  }),
  fcReplayPath: text({
    group: 'property',
    flag: true,
    placeholder: 'PATH',
    pattern: /^[A-Za-z0-9+/=:_-]+$/,
    accepts: 'the replayPath a failing stateful property prints',
    doc: 'replayPath of a failed stateful command sequence',
  }),
  // The stream suite.
  streamConnectMs: ms('WebSocket connect timeout in milliseconds', '5000'),
  streamIdleMs: ms(
    'Longest silence within a streamed answer after its first frame, in milliseconds',
    'instant emulator 3000, otherwise 30000',
  ),
  streamSettleMs: ms('How long to keep listening after the last answer ended, in milliseconds', '150'),
  streamTtfcMs: ms('Budget for the time to the first chunk (check stream_timing_budget)', 'no budget'),
  streamGapMs: ms('Budget for the largest gap between frames', 'no budget'),
  streamTotalMs: ms('Budget for the total time of an answer', 'no budget'),
  streamDeterministic: bool({
    group: 'stream',
    doc: 'The live target answers deterministically: chunk order is judged as on the emulator',
  }),
  // Reports.
  reportsDir: text({
    group: 'reports',
    default: 'reports',
    flag: true,
    placeholder: 'DIR',
    doc: 'Where the reports go',
  }),
  html: bool({
    group: 'reports',
    default: true,
    flag: 'no-html',
    negatedFlag: true,
    forward: 'cli',
    doc: 'Generate the Allure HTML report (results, JUnit and the summary are always written)',
  }),
  coverageGate: oneOf(COVERAGE_GATE_MODES, {
    group: 'reports',
    default: 'auto',
    doc: 'auto (enforce on whole runs, report on shards and filtered runs), enforce, report or off',
  }),
  exchangeLog: bool({
    group: 'reports',
    doc: 'Write every exchange to reports/exchanges/ (read by `pieces-conformance compat`)',
  }),
  keepCoverageParts: bool({
    group: 'reports',
    doc: "Keep earlier runs' coverage parts (the CLI sets it when it merges shards)",
  }),
  // The CLI and the harness's own tests.
  config: text({
    group: 'cli',
    flag: true,
    placeholder: 'FILE',
    file: false,
    forward: 'cli',
    doc: 'Config file',
    defaultText: 'pieces-conformance.config.json if present',
  }),
  debug: bool({ group: 'cli', forward: 'cli', doc: 'Show the stack of an internal error' }),
  chromium: text({
    group: 'cli',
    doc: "The Chromium of the e2e tests' browser checks (else Playwright's, then Debian's)",
  }),
  keepE2e: bool({ group: 'cli', doc: "Keep the e2e tests' scratch directories (to look at a failure's reports)" }),
} as const;

/** The name of a setting (its config-file key). */
export type SettingKey = keyof typeof SETTINGS;

/** Every setting's value. */
export type Settings = { -readonly [K in SettingKey]: (typeof SETTINGS)[K]['default'] };

/**
 * Variables that are not settings: how global setup hands the resolved target and contract to the
 * workers, and names the CI workflow uses. Known, so the unknown-variable warning stays quiet.
 */
export const HANDOFF_ENV = {
  targetUrl: 'PIECES_TARGET_URL',
  targetKind: 'PIECES_TARGET_KIND',
  targetVersion: 'PIECES_TARGET_VERSION',
  contractVersion: 'PIECES_CONTRACT_VERSION',
  /** The run's ledger file (src/ledger), which the workers append to; unset on the embedded emulator. */
  ledgerFile: 'PIECES_LEDGER_FILE',
  /** The one model a live run with downloads allowed may download (the smallest), chosen by global setup. */
  downloadModel: 'PIECES_DOWNLOAD_MODEL',
} as const;

/** Variables of the CI workflow (.github/workflows), not read by the harness. */
export const WORKFLOW_ENV = ['PIECES_OS_START', 'PIECES_OS_URL'] as const;
