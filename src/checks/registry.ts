/**
 * The only list of checks. Each line imports one check module, which registers its check on
 * import (duplicate names are refused). To add a check: write `src/checks/<kind>/<name>.ts` that
 * does `export default registerCheck(defineCheck({...}))`, then append one import line below.
 */
import { checkRegistry } from './store.js';
import type { Check, CheckKind } from './types.js';

// ---- exchange checks: run on every HTTP exchange, in this order ------------------------------
import './exchange/targetResponded.js';
import './exchange/notAServerError.js';
import './exchange/statusCodeConformance.js';
import './exchange/contentTypeConformance.js';
import './exchange/responseSchemaConformance.js';
import './exchange/requestAcceptedAsDocumented.js';
import './exchange/negativeDataRejection.js';

// ---- scenario checks: judged by the test that ran the lifecycle, from its facts --------------
import './scenario/useAfterDelete.js';
import './scenario/ensureResourceAvailability.js';
import './scenario/updatePersisted.js';
import './scenario/noStateChangeOnRejection.js';
import './scenario/contentRoundTrip.js';
import './scenario/searchFindsCreated.js';
import './scenario/relevanceSorted.js';
import './scenario/modelStateMachine.js';
import './scenario/sessionLifecycle.js';
import './scenario/conversationMessagesRecorded.js';
import './scenario/referencesConsistent.js';

// ---- stream checks: judged on a streamed request's frames (src/checks/stream/) ---------------
import './stream/frameSchema.js';
import './stream/grammar.js';
import './stream/requestEchoed.js';
import './stream/conversationPresent.js';
import './stream/noCrosstalk.js';
import './stream/chunkOrder.js';
import './stream/requestAccepted.js';
import './stream/inBandError.js';
import './stream/timingBudget.js';
import './stream/downloadProgressMonotonic.js';
import './stream/downloadProgressTerminal.js';
import './stream/upgradeGuarded.js';

/** Every registered check, in registration order. */
export const checks = checkRegistry;

/** The registered checks of one kind. */
export function checksOfKind(kind: CheckKind): Check<any>[] {
  return checkRegistry.all().filter((c) => c.kind === kind);
}

/** The check called `name`; an unknown name is a usage error listing the known ones. */
export function checkNamed<S = unknown>(name: string): Check<S> {
  return checkRegistry.byNames([name])[0] as Check<S>;
}
