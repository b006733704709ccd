/** The property suite's library: settings, depth and replay parameters, failure reports. */
export { readPropertyConfig, type PropertyConfig } from './config.js';
export {
  runsFor,
  maxCommandsFor,
  replayParameters,
  commandsConstraints,
  type Budget,
  type CommandBudget,
} from './depth.js';
export { CaseFailure, failingExchanges } from './caseFailure.js';
export {
  buildReport,
  formatReport,
  replayLine,
  replayPathOf,
  clip,
  type PropertyReport,
} from './counterexampleReport.js';
export { reportingPlugin, PropertyFailedError, type ReportingOptions } from './plugin.js';
