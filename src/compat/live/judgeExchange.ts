/**
 * The verdict on one answered exchange against one contract version's operation: the registry's
 * exchange checks with that version's operation and validators (status, media type and body, or
 * the status only), and for a request the suite sent invalid on purpose, the refusal judged alike in
 * every version (negative_data_rejection, not_a_server_error) plus the one real difference a
 * refusal can show (a body this version's own schema accepts).
 */
import type { ValidatorSet } from '../../validate/validators.js';
import type { Operation } from '../../contract/types.js';
import { checkNamed } from '../../checks/registry.js';
import { runExchangeChecks } from '../../checks/run.js';
import type { LoggedExchange } from './log.js';
import { isFrameExchange } from './frames.js';

/** What kind of problem an exchange showed, most telling first: 0 body or media type, 1 status of a valid request, 2 a refusal's. */
export type ProblemRank = 0 | 1 | 2;

/** The verdict on one answered exchange against one operation. */
export interface ExchangeJudgement {
  /** Failure lines ([] when conformant). */
  problems: string[];
  /** How telling the problems are (see ProblemRank). */
  rank: ProblemRank;
  /** Lenient-only findings. */
  warnings: string[];
  /** Only the status was judged (a refusal, or a truncated body). */
  statusOnly: boolean;
}

/** The registry's checks a version asks of an answer: its status, media type and body, or its status only. */
const STATUS = 'status_code_conformance';
const WHOLE_ANSWER = [
  checkNamed(STATUS),
  checkNamed('content_type_conformance'),
  checkNamed('response_schema_conformance'),
];
const STATUS_ONLY = [checkNamed(STATUS)];
/** How a refusal of an invalid request is judged, in every version alike: a 4xx, never a 2xx or a 5xx. */
const REFUSAL = [checkNamed('negative_data_rejection'), checkNamed('not_a_server_error')];

/**
 * A refused request body (invalid for the baseline) that this version's own schema accepts: a client
 * of the version may send it and be refused, the one real difference a refusal can show (the note
 * says what the suite broke).
 */
function refusedButValidHere(validators: ValidatorSet, op: Operation, exchange: LoggedExchange): string | undefined {
  const { request, response } = exchange;
  if (!response || response.status < 400 || response.status >= 500) return undefined;
  const v = validators.validateRequestBody(op.operationId, request.headers['content-type'], request.body);
  if (!v.checked || v.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const why = exchange.note ? ` (${exchange.note})` : '';
  return `Valid request rejected. Received: ${response.status} for a request body this version's schema accepts${why}`;
}

/** The problems of one answered exchange against one operation ([] when conformant), and its warnings. */
export function judgeExchange(
  validators: ValidatorSet,
  op: Operation,
  exchange: LoggedExchange,
  /** Whether the baseline refuses this exchange's request body (see JudgeOptions.baseline). */
  bodyInvalidInBaseline = false,
): ExchangeJudgement {
  const res = exchange.response!;
  const negative = exchange.intent === 'negative';
  const where = `${op.method.toUpperCase()} ${op.path}`;
  if (negative && !op.websocket && !isFrameExchange(exchange)) {
    const { failures } = runExchangeChecks(exchange, { validators, operation: op }, REFUSAL);
    const valid = failures.length || !bodyInvalidInBaseline ? undefined : refusedButValidHere(validators, op, exchange);
    const problems = [
      ...failures.map((f) => `${where}: ${f.title}. ${f.facts}`),
      ...(valid ? [`${where}: ${valid}`] : []),
    ];
    return { problems, rank: 2, warnings: [], statusOnly: true };
  }
  const statusOnly = negative || exchange.truncated?.response !== undefined;
  // A WebSocket operation's logged exchanges are its frames, each judged as the documented GET answer (frames.ts).
  const operation = op.websocket ? { ...op, websocket: false } : op;
  const { failures } = runExchangeChecks(exchange, { validators, operation }, statusOnly ? STATUS_ONLY : WHOLE_ANSWER);
  const undocumented = failures.some((f) => f.check === STATUS);
  const refusal = undocumented && negative ? ' (refusing an invalid request)' : '';
  // Warnings are not failures: the lenient validation's own findings, for the cell's reason.
  const warnings =
    statusOnly || undocumented
      ? []
      : validators
          .validateResponse(op.operationId, res.status, res.headers['content-type'], res.body)
          .diagnostics.filter((d) => d.severity === 'warning')
          .map((w) => `${where} ${res.status}: ${w.message}`);
  return {
    problems: failures.map((f) => `${where}: ${f.title}. ${f.facts}${refusal}`),
    rank: undocumented ? (negative ? 2 : 1) : 0,
    warnings,
    statusOnly,
  };
}
