/** Live half of the compatibility report: the exchange log of a conformance run and the verdicts per version. */
export {
  clearExchangeLog,
  EXCHANGE_LOG_DIR,
  EXCHANGE_LOG_ENV,
  exchangeLogDir,
  exchangeLogEnabled,
  ExchangeLogWriter,
  MAX_LOGGED_BODY,
  readExchangeLog,
  toLogged,
  type ExchangeLogRead,
  type LogContext,
  type LoggedExchange,
} from './log.js';
export { frameExchanges, httpUrl, type FrameSource } from './frames.js';
export { fixPatterns, unicodeSafePattern, versionSpec, type VersionSpec } from './spec.js';
export {
  applyLive,
  judgeExchange,
  judgeVersion,
  judgeVersions,
  liveCell,
  liveVerdicts,
  prepareVersions,
  relativePath,
  type ExchangeJudgement,
  type JudgeOptions,
  type LiveResult,
  type OperationTally,
  type PreparedVersion,
  type ProblemRank,
  type VersionLive,
} from './verdicts.js';
