/**
 * The only list of checks, and the typed map of their subjects. To add a check: write
 * `src/checks/<kind>/<name>.ts` whose default export is `defineCheck({...})` (its `run` annotated with
 * the subject type, e.g. its facts interface), import it below and append it to `REGISTERED`: the
 * name → subject map (`CheckSubjects`) follows, so `judge('its_name', facts)` is type-checked.
 */
import { Registry } from '../core/registry.js';
import type { Check, CheckKind } from './types.js';

// ---- exchange checks: run on every HTTP exchange, in this order ------------------------------
import targetResponded from './exchange/targetResponded.js';
import notAServerError from './exchange/notAServerError.js';
import statusCodeConformance from './exchange/statusCodeConformance.js';
import contentTypeConformance from './exchange/contentTypeConformance.js';
import bodyMatchesHeaders from './exchange/bodyMatchesHeaders.js';
import responseSchemaConformance from './exchange/responseSchemaConformance.js';
import requestAcceptedAsDocumented from './exchange/requestAcceptedAsDocumented.js';
import negativeDataRejection from './exchange/negativeDataRejection.js';
import listingConsistent from './exchange/listingConsistent.js';

// ---- scenario checks: judged by the test that ran the lifecycle, from its facts --------------
import useAfterDelete from './scenario/useAfterDelete.js';
import ensureResourceAvailability from './scenario/ensureResourceAvailability.js';
import updatePersisted from './scenario/updatePersisted.js';
import noStateChangeOnRejection from './scenario/noStateChangeOnRejection.js';
import contentRoundTrip from './scenario/contentRoundTrip.js';
import searchFindsCreated from './scenario/searchFindsCreated.js';
import relevanceSorted from './scenario/relevanceSorted.js';
import modelStateMachine from './scenario/modelStateMachine.js';
import sessionLifecycle from './scenario/sessionLifecycle.js';
import conversationMessagesRecorded from './scenario/conversationMessagesRecorded.js';
import referencesConsistent from './scenario/referencesConsistent.js';
import searchReflectsWrites from './scenario/searchReflectsWrites.js';
import updateInvariants from './scenario/updateInvariants.js';
import noCollateralDamage from './scenario/noCollateralDamage.js';
import queryFlagsHonoured from './scenario/queryFlagsHonoured.js';

// ---- stream checks: judged on a streamed request's frames (src/checks/stream/) ---------------
import frameSchema from './stream/frameSchema.js';
import grammar from './stream/grammar.js';
import requestEchoed from './stream/requestEchoed.js';
import conversationPresent from './stream/conversationPresent.js';
import noCrosstalk from './stream/noCrosstalk.js';
import chunkOrder from './stream/chunkOrder.js';
import requestAccepted from './stream/requestAccepted.js';
import inBandError from './stream/inBandError.js';
import timingBudget from './stream/timingBudget.js';
import downloadProgressMonotonic from './stream/downloadProgressMonotonic.js';
import downloadProgressTerminal from './stream/downloadProgressTerminal.js';

// ---- security checks: judged on probes with a foreign Host or Origin (src/security); findings --
// ---- are their own verdict (--security enforce|report) ------------------------------------------
import hostAllowlistRest from './security/hostAllowlistRest.js';
import hostAllowlistWebsocket from './security/hostAllowlistWebsocket.js';
import crossSiteWebsocketHijacking from './security/crossSiteWebsocketHijacking.js';
import corsForeignOrigin from './security/corsForeignOrigin.js';

/** Every check, in the order they run (exchange checks run on every HTTP exchange in this order). */
const REGISTERED = [
  targetResponded,
  notAServerError,
  statusCodeConformance,
  contentTypeConformance,
  bodyMatchesHeaders,
  responseSchemaConformance,
  requestAcceptedAsDocumented,
  negativeDataRejection,
  listingConsistent,
  useAfterDelete,
  ensureResourceAvailability,
  updatePersisted,
  noStateChangeOnRejection,
  contentRoundTrip,
  searchFindsCreated,
  relevanceSorted,
  modelStateMachine,
  sessionLifecycle,
  conversationMessagesRecorded,
  referencesConsistent,
  searchReflectsWrites,
  updateInvariants,
  noCollateralDamage,
  queryFlagsHonoured,
  frameSchema,
  grammar,
  requestEchoed,
  conversationPresent,
  noCrosstalk,
  chunkOrder,
  requestAccepted,
  inBandError,
  timingBudget,
  downloadProgressMonotonic,
  downloadProgressTerminal,
  hostAllowlistRest,
  hostAllowlistWebsocket,
  crossSiteWebsocketHijacking,
  corsForeignOrigin,
] as const;

/** One registered check, with its literal name, kind and subject type. */
type Registered = (typeof REGISTERED)[number];

/** Every check's name. */
export type CheckName = Registered['name'];

/** The names of the checks of some kind(s). */
export type CheckNameOfKind<K extends CheckKind> = Extract<Registered, { kind: K }>['name'];

/** The checks a test judges on the facts it gathered (scenario, stream and security checks; exchange checks run on every exchange). */
export type JudgedCheckName = CheckNameOfKind<'scenario' | 'stream' | 'security'>;

/** The security checks' names. */
export type SecurityCheckName = CheckNameOfKind<'security'>;

/** What each check judges, by name: its facts (scenario), its subject (stream) or an Exchange. */
export type CheckSubjects = {
  [C in Registered as C['name']]: C extends Check<infer S, string, CheckKind> ? S : never;
};

/** Every registered check, in registration order; a duplicate name is refused. */
export const checks = new Registry<Check<any>>('check');

/** Registers a check and returns it (REGISTERED is registered on import; a duplicate name is refused). */
export function registerCheck<C extends Check<any>>(check: C): C {
  checks.register(check);
  return check;
}

for (const check of REGISTERED) registerCheck(check);

/** The registered checks of one kind. */
export function checksOfKind<K extends CheckKind>(kind: K): Check<any, string, K>[] {
  return checks.all().filter((c): c is Check<any, string, K> => c.kind === kind);
}

/** The check called `name` (an unknown name at run time is a usage error listing the known ones). */
export function checkNamed<N extends CheckName>(name: N): Check<CheckSubjects[N], N> {
  return checks.byNames([name])[0] as Check<CheckSubjects[N], N>;
}
