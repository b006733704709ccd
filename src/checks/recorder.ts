/**
 * The scenario recorder (schemathesis `ScenarioRecorder`), the one way a suite judges: it keeps
 * every exchange of one test in order, judges each with the exchange checks as it arrives, judges
 * scenario and stream checks on the facts and subjects the test gathered, and collects every
 * failure so the test can be failed once, at its end, with all of them. It reports each verdict to
 * `onVerdict`, which is how coverage is fed (no import of coverage).
 */
import { HarnessError, type ContractFailure } from '../core/errors.js';
import type { Exchange } from '../core/types.js';
import type { Operation } from '../contract/types.js';
import type { StreamSubject } from '../stream/types.js';
import type { ValidatorSet } from '../validate/validators.js';
import { checkNamed, checksOfKind, type CheckSubjects, type JudgedCheckName } from './registry.js';
import { judge, judgeStreams, runExchangeChecks, type StreamVerdict, type Verdict } from './run.js';
import type { Check } from './types.js';
import { relabel, type ExpectationId } from './basis.js';

/** How a recorder is wired. */
export interface RecorderOptions {
  validators: ValidatorSet;
  /** The exchange checks to run (default: every registered exchange check). */
  checks?: Check<Exchange>[];
  /**
   * Whether an operation is outside the contract that judges (`--contract`): failures on it are
   * not kept (the operation is reported as not in the contract, never failed). Default: none.
   */
  outOfContract?: (operation: string) => boolean;
  /** Called once per judged exchange (coverage) and per judged scenario. */
  onVerdict?: (verdict: Verdict, exchange: Exchange | undefined, operation: Operation | undefined) => void;
}

/** One test's exchanges, verdicts and failures. */
export class ScenarioRecorder {
  readonly exchanges: Exchange[] = [];
  private readonly verdicts = new Map<string, Verdict>();
  private readonly found = new Map<string, ContractFailure>();
  private readonly exchangeChecks: Check<Exchange>[];
  private readonly findings = new Map<string, ContractFailure>();
  /** The security checks judged, in order (with or without a finding). */
  readonly securityJudged: string[] = [];
  /** Where judged failures go instead of the test's verdict, while held (see `holdJudged`). */
  private held: ContractFailure[] | undefined;

  constructor(private readonly opts: RecorderOptions) {
    this.exchangeChecks = opts.checks ?? checksOfKind('exchange');
  }

  /** Records and judges one finished exchange; answers its verdict. */
  record(exchange: Exchange, operation: Operation | undefined): Verdict {
    this.exchanges.push(exchange);
    const verdict = runExchangeChecks(exchange, { validators: this.opts.validators, operation }, this.exchangeChecks);
    this.verdicts.set(exchange.id, verdict);
    this.add(verdict.failures);
    this.opts.onVerdict?.(verdict, exchange, operation);
    return verdict;
  }

  /**
   * Judges a scenario, stream or security check by name on the facts the test gathered; answers
   * its failures. The name picks the facts type: a wrong shape or an unknown name does not compile.
   * `expectation` holds these facts to a named expectation beyond the check's own (its basis:
   * src/checks/basis.ts), e.g. a refusal the contract in force does not document. A security
   * check's failures are findings (`securityFindings`), not the test's contract failures: the
   * security mode decides what they do to the run.
   */
  judge<N extends JudgedCheckName>(
    checkName: N,
    facts: CheckSubjects[N],
    expectation?: ExpectationId,
  ): ContractFailure[] {
    const check = checkNamed(checkName) as Check<CheckSubjects[N]>;
    if (check.kind === 'exchange')
      throw new HarnessError('usage', `${checkName} is an exchange check; the recorder runs it on every exchange`);
    const judged = judge(check, facts, { validators: this.opts.validators });
    const verdict = expectation ? { ...judged, failures: judged.failures.map((f) => relabel(f, expectation)) } : judged;
    if (check.kind === 'security') {
      this.securityJudged.push(...verdict.ran);
      for (const f of verdict.failures) if (!this.findings.has(f.key)) this.findings.set(f.key, f);
    } else this.keep(verdict.failures);
    this.opts.onVerdict?.(verdict, undefined, undefined);
    return verdict.failures;
  }

  /** Judges stream subjects (requests, download watches, upgrades) with every stream check; answers the verdicts. */
  judgeStreams(subjects: readonly StreamSubject[]): StreamVerdict[] {
    const verdicts = judgeStreams(subjects, { validators: this.opts.validators });
    for (const v of verdicts) this.keep(v.failures);
    return verdicts;
  }

  /**
   * From now on, judged failures go to `into` instead of the test's verdict (`undefined`: back to
   * the verdict). A property case holds them: its cases' failures are the counterexample's, and only
   * the shrunk one reaches the verdict (tests/property/support). Exchange failures are not held.
   */
  holdJudged(into: ContractFailure[] | undefined): void {
    this.held = into;
  }

  /** Adds failures found elsewhere (e.g. a property's shrunk counterexample), collapsing duplicates. */
  add(failures: readonly ContractFailure[]): void {
    for (const f of failures) {
      if (this.opts.outOfContract?.(f.operation)) continue;
      if (!this.found.has(f.key)) this.found.set(f.key, f);
    }
  }

  /** The verdict of one recorded exchange. */
  verdictOf(exchangeId: string): Verdict | undefined {
    return this.verdicts.get(exchangeId);
  }

  /** Every failure so far, in the order found. */
  get failures(): ContractFailure[] {
    return [...this.found.values()];
  }

  /** Every security finding so far, in the order found. */
  get securityFindings(): ContractFailure[] {
    return [...this.findings.values()];
  }

  private keep(all: readonly ContractFailure[]): void {
    const failures = this.opts.outOfContract ? all.filter((f) => !this.opts.outOfContract!(f.operation)) : all;
    if (this.held) this.held.push(...failures);
    else this.add(failures);
  }
}
