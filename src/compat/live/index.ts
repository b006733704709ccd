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
export { liveCell } from './cell.js';
export { frameExchanges, httpUrl, type FrameSource } from './frames.js';
export {
  fixPatterns,
  prepareVersions,
  unicodeSafePattern,
  versionContract,
  type PreparedVersion,
  type VersionContract,
} from './versionContracts.js';
export {
  applyLive,
  judgeVersion,
  judgeVersions,
  liveVerdicts,
  relativePath,
  type JudgeOptions,
  type LiveResult,
  type OperationTally,
  type VersionLive,
} from './verdicts.js';
export { judgeExchange, type ExchangeJudgement, type ProblemRank } from './judgeExchange.js';
