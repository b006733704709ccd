/**
 * The scenario recorder (schemathesis `ScenarioRecorder`): it keeps every exchange of one test in
 * order, judges each with the exchange checks as it arrives, judges scenario facts on request,
 * and collects every failure so the test can be failed once, at its end, with all of them.
 * It reports each verdict to `onVerdict`, which is how coverage is fed (no import of coverage).
 */
import { HarnessError, type ContractFailure } from '../core/errors.js';
import type { Exchange } from '../core/types.js';
import type { Operation } from '../contract/types.js';
import type { ValidatorSet } from '../validate/validators.js';
import { checkNamed, checksOfKind } from './registry.js';
import { judge, runExchangeChecks, type Verdict } from './run.js';
import type { Check } from './types.js';

/** How a recorder is wired. */
export interface RecorderOptions {
  validators: ValidatorSet;
  /** The exchange checks to run (default: every registered exchange check). */
  checks?: Check<Exchange>[];
  /** Called once per judged exchange (coverage) and per judged scenario. */
  onVerdict?: (verdict: Verdict, exchange: Exchange | undefined, operation: Operation | undefined) => void;
}

/** One test's exchanges, verdicts and failures. */
export class ScenarioRecorder {
  readonly exchanges: Exchange[] = [];
  private readonly verdicts = new Map<string, Verdict>();
  private readonly found = new Map<string, ContractFailure>();
  private readonly exchangeChecks: Check<Exchange>[];

  constructor(private readonly opts: RecorderOptions) {
    this.exchangeChecks = opts.checks ?? (checksOfKind('exchange') as Check<Exchange>[]);
  }

  /** Records and judges one finished exchange; answers its verdict. */
  record(exchange: Exchange, operation: Operation | undefined): Verdict {
    const history = [...this.exchanges];
    this.exchanges.push(exchange);
    const verdict = runExchangeChecks(
      exchange,
      { validators: this.opts.validators, operation, history },
      this.exchangeChecks,
    );
    this.verdicts.set(exchange.id, verdict);
    this.add(verdict.failures);
    this.opts.onVerdict?.(verdict, exchange, operation);
    return verdict;
  }

  /** Judges a scenario (or stream) check by name on the facts the test gathered; answers its failures. */
  judge<S>(checkName: string, facts: S): ContractFailure[] {
    const check = checkNamed<S>(checkName);
    if (check.kind === 'exchange')
      throw new HarnessError('usage', `${checkName} is an exchange check; the recorder runs it on every exchange`);
    const verdict = judge(check, facts, { validators: this.opts.validators, history: this.exchanges });
    this.add(verdict.failures);
    this.opts.onVerdict?.(verdict, undefined, undefined);
    return verdict.failures;
  }

  /** Adds failures found elsewhere (e.g. by a stream test), collapsing duplicates. */
  add(failures: readonly ContractFailure[]): void {
    for (const f of failures) if (!this.found.has(f.key)) this.found.set(f.key, f);
  }

  /** The verdict of one recorded exchange. */
  verdictOf(exchangeId: string): Verdict | undefined {
    return this.verdicts.get(exchangeId);
  }

  /** Every failure so far, in the order found. */
  get failures(): ContractFailure[] {
    return [...this.found.values()];
  }
}
