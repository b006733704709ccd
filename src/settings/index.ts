/**
 * The harness's settings: every PIECES_* variable, `pieces-conformance` flag and config-file key,
 * declared once (catalogue.ts) and parsed by one parser (parse.ts).
 */
export {
  COVERAGE_GATE_MODES,
  EMULATOR_PROFILES,
  HANDOFF_ENV,
  SETTINGS,
  SUITES,
  parseShard,
  parseTarget,
  type CoverageGateMode,
  type EmulatorProfile,
  type SettingKey,
  type Settings,
  type Shard,
  type Suite,
} from './catalogue.js';
export type { Group, Kind, Setting } from './define.js';
export {
  BUDGET_DEFAULTS,
  budgetLine,
  llmBacked,
  modelTestTimeoutMs,
  paceOf,
  restTimeoutOf,
  streamTestTimeoutMs,
  testTimeoutMs,
  timeBudgets,
  type Pace,
  type TimeBudgets,
} from './budgets.js';
export { settingsToEnv, type EnvVars } from './forward.js';
export { CONFIG_FILE, loadSettings, readConfigFile, spelledAs, type LoadedSettings } from './load.js';
export { acceptedText, formatSetting, parseKind, parseSetting, type Source } from './parse.js';
export {
  FILE_KEYS,
  SETTING_ENTRIES,
  defaultSettings,
  envLayer,
  envName,
  fileLayer,
  flagLayer,
  flagName,
  knownVariables,
  mergeLayers,
  readSetting,
  readSettings,
  unknownVariableWarnings,
  type FlagValue,
  type Resolved,
} from './resolve.js';
export { VALIDATION_MODES, type ValidationMode } from '../validate/mode.js';
