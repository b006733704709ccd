/**
 * The property harness turns the fixtures' recorder into property verdicts. A case (or one command
 * of a stateful case) is a step: the exchanges recorded since it began and the scenario checks it
 * judged (with the suites' one `judge`, which the recorder holds for the step) are its failures,
 * and `settle()` throws them as a CaseFailure so fast-check shrinks on them. The harness also
 * builds each `fc.assert`'s parameters (depth, replay, time limit and the reporting plugin that
 * attaches the counterexample and the failing exchange's cURL).
 */
import type { TestInfo } from '@playwright/test';
import fc from 'fast-check';
import type { ContractFailure } from '../../../src/core/errors.js';
import type { Exchange } from '../../../src/core/types.js';
import type { ScenarioRecorder } from '../../../src/checks/recorder.js';
import {
  CaseFailure,
  commandsConstraints,
  failingExchanges,
  formatReport,
  replayParameters,
  reportingPlugin,
  type Budget,
  type CommandBudget,
  type PropertyConfig,
  type PropertyReport,
} from '../../../src/property/index.js';

/** The share of the test's timeout a property may use (the rest is setup and cleanup). */
const TIME_SHARE = 0.7;

interface Step {
  label?: string;
  from: number;
  judged: ContractFailure[];
}

/** One test's property verdicts. */
export class PropertyHarness {
  private current: Step = { from: 0, judged: [] };
  private inflight: Promise<unknown> | undefined;

  constructor(
    private readonly recorder: ScenarioRecorder,
    private readonly testInfo: TestInfo,
    readonly config: PropertyConfig,
  ) {
    // Judged scenarios belong to the current step; only the shrunk counterexample's reach the verdict.
    recorder.holdJudged(this.current.judged);
  }

  /** The parameters of `fc.assert` for this test: runs, replay, time limit and reporting. */
  parameters<T>(budget: Budget): fc.Parameters<T> {
    const limit = this.testInfo.timeout > 0 ? Math.round(this.testInfo.timeout * TIME_SHARE) : 0;
    return {
      ...replayParameters<T>(this.config, budget),
      plugins: [
        reportingPlugin({ title: this.testInfo.title, onFailure: (r) => this.attach(r) }),
        () => ({
          onAllRunsComplete: (d) => {
            this.annotate(d);
          },
        }),
        ...(limit > 0 ? [fc.interruptAfterTimeLimit(limit)] : []),
      ],
    };
  }

  /** The `fc.commands` constraints of a stateful property (command budget, replay path). */
  commands(budget: CommandBudget): fc.CommandsContraints {
    return commandsConstraints(this.config, budget);
  }

  /** Wraps a predicate: every call is one case, settled at its end (its failures fail the case). */
  case<A extends unknown[]>(predicate: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
    return (...args: A) => {
      const run = (async () => {
        this.begin('case');
        await predicate(...args);
        this.settle();
      })();
      this.inflight = run.catch(() => undefined);
      return run;
    };
  }

  /**
   * Starts a step: what is recorded and judged from now on belongs to it. Judged failures reach the
   * test's verdict only for the shrunk counterexample (see `attach`): the cases fast-check tried
   * while shrinking would list the same bug once per attempt.
   */
  begin(label?: string): void {
    this.current = { label, from: this.recorder.exchanges.length, judged: [] };
    this.recorder.holdJudged(this.current.judged);
  }

  /** The exchanges recorded since the current step began. */
  get exchanges(): Exchange[] {
    return this.recorder.exchanges.slice(this.current.from);
  }

  /** Throws the current step's failures (exchange checks and judged scenarios) as a CaseFailure. */
  settle(): void {
    const exchanges = this.exchanges;
    const failures = [
      ...exchanges.flatMap((ex) => this.recorder.verdictOf(ex.id)?.failures ?? []),
      ...this.current.judged,
    ];
    if (failures.length === 0) return;
    const failing = failingExchanges(failures, exchanges);
    throw new CaseFailure(
      failures,
      [...failing, ...exchanges.filter((ex) => !failing.includes(ex))],
      this.current.label,
    );
  }

  /** Waits for a case still running after fast-check stopped (a time limit does not stop a predicate). */
  async idle(): Promise<void> {
    await this.inflight;
  }

  private async attach(r: PropertyReport): Promise<void> {
    this.recorder.add(r.failures);
    await this.testInfo.attach('property failure', {
      body: `${formatReport(r, { maxCounterexample: Infinity, maxCurl: Infinity })}\n`,
      contentType: 'text/plain',
    });
    if (r.counterexample !== undefined)
      await this.testInfo.attach('counterexample', { body: `${r.counterexample}\n`, contentType: 'text/plain' });
    for (const [i, curl] of r.curls.entries()) {
      await this.testInfo.attach(`failing exchange ${i + 1} cURL`, { body: `${curl}\n`, contentType: 'text/plain' });
    }
  }

  private annotate<T>(d: fc.RunDetails<T>): void {
    const how = d.interrupted ? `, stopped at its time limit after ${d.numRuns} runs` : '';
    this.testInfo.annotations.push({ type: 'property', description: `${d.numRuns} runs, seed ${d.seed}${how}` });
  }
}
