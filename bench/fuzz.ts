/**
 * `npm run bench:fuzz`: the property harness's own cost. It starts an emulator (in its own
 * process, as a target runs; `--in-process` shares this one) and runs N property cases against it,
 * then sends the same N request bodies as plain requests, and prints both rates and their ratio
 * (the harness's overhead).
 *
 * A case is one single-request property case, as the search property runs it: fast-check generates
 * an AssetsSearchWithFiltersInput (queries full of search-engine and SQL metacharacters and
 * unicode), the typed client sends POST /assets/search, and the recorder judges the exchange with
 * every exchange check (status, content type, response schema, ...); a failure fails the case.
 * A plain request is a fetch of the same body (generated beforehand), with the answer read and
 * nothing else. Targets (issue 6): >= 1,000 cases/s and overhead <= 2x.
 *
 * Both are measured in alternating rounds and the medians are printed, so a busy machine skews
 * neither side. Options: --cases N per round (default 2000), --rounds R (default 5),
 * --concurrency C (default 4: C properties run side by side, and C plain loops), --seed S.
 */
import fc from 'fast-check';
import { ApiClient, fetchTransport } from '../src/client/index.js';
import { ScenarioRecorder } from '../src/checks/recorder.js';
import { loadSpec } from '../src/contract/load.js';
import { buildValidators } from '../src/validate/validators.js';
import { searchQuery, validSearchInput } from '../src/fuzz/index.js';
import { CaseFailure } from '../src/property/index.js';
import { startEmulator } from '../emulator/index.js';
import { ROOT, startBin } from './processes.js';

/** `--name value` from the command line, as a number. */
function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const n = Number(process.argv[at + 1]);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--${name} needs a positive integer (got ${process.argv[at + 1]})`);
  return n;
}

const CASES = option('cases', 2000);
const ROUNDS = option('rounds', 5);
const CONCURRENCY = option('concurrency', 4);
const SEED = option('seed', 42);
/** Cases per property run: a Playwright property test runs about this many, with its own recorder. */
const PER_PROPERTY = 100;
const WARMUP = 300;

// Snippets made of words searchQuery() draws, so that generated queries find a few assets.
const CORPUS = [
  'function useEffect(hook) { return react.async(await hook); }',
  'docker compose up; SELECT * FROM error WHERE pointer IS NULL;',
  'fn lifetime<a>(rust: &a str) -> list { python.comprehension(map) }',
  'git rebase -i; how to sort and map or not',
];
const APP = { id: 'bench', name: 'OPEN_SOURCE', version: '1.0.0', platform: 'LINUX', onboarded: true, privacy: 'OPEN' };

const IN_PROCESS = process.argv.includes('--in-process');

const spec = await loadSpec(`${ROOT}spec/pieces-os.openapi.yaml`);
const validators = buildValidators(spec, 'strict');
const emulator = IN_PROCESS
  ? await startEmulator({ port: 0, memory: true })
  : await startBin('pieces-os-emulator', ['--port', '0', '--memory']);
const url = emulator.url.replace(/\/+$/, '');

try {
  for (const [i, raw] of CORPUS.entries()) {
    const seed = {
      type: 'SEEDED_ASSET',
      asset: {
        application: APP,
        format: { fragment: { string: { raw }, metadata: { ext: 'js' } } },
        metadata: { name: `corpus ${i}` },
      },
    };
    const res = await fetch(`${url}/assets/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(seed),
    });
    if (!res.ok) throw new Error(`could not create the corpus: ${res.status} ${await res.text()}`);
  }
  const bodies = validSearchInput({ spec: spec.dereferenced, query: searchQuery() });
  const transport = fetchTransport();

  /** Runs `count` property cases in runs of PER_PROPERTY, each run with a fresh client and recorder. */
  async function propertyCases(count: number, seed: number): Promise<void> {
    for (let done = 0, run = 0; done < count; done += PER_PROPERTY, run++) {
      const recorder = new ScenarioRecorder({ validators });
      const api = new ApiClient({
        baseUrl: url,
        spec,
        transport,
        middleware: [
          {
            onExchange: (ex, op) => {
              recorder.record(ex, op);
            },
          },
        ],
      });
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const res = await api.call('searchAssets', { body: body as any, query: { transferables: false } });
          const failures = recorder.verdictOf(res.exchange.id)?.failures ?? [];
          if (failures.length > 0) throw new CaseFailure(failures, [res.exchange], 'searchAssets');
        }),
        { numRuns: Math.min(PER_PROPERTY, count - done), seed: seed + run },
      );
    }
  }

  /** Sends the given bodies with plain fetch, `CONCURRENCY` at a time, reading each answer. */
  async function plainRequests(texts: string[]): Promise<void> {
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < texts.length) {
          const body = texts[next++];
          const res = await fetch(`${url}/assets/search?transferables=false`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          await res.text();
        }
      }),
    );
  }

  /** `CONCURRENCY` property loops sharing `count` cases. */
  async function properties(count: number, seed: number): Promise<void> {
    const share = Math.ceil(count / CONCURRENCY);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, (_, k) => propertyCases(Math.min(share, count - k * share), seed + k * 1000)),
    );
  }

  // Wall time per phase, and this process's CPU time (the harness's own work, which a busy
  // machine slows down but does not inflate the way it inflates waiting).
  const cpu = { cases: 0, plain: 0 };
  const time = async (fn: () => Promise<void>, side: keyof typeof cpu) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    const c = process.cpuUsage(c0);
    cpu[side] += (c.user + c.system) / 1e6;
    return (performance.now() - t0) / 1000;
  };

  // The same bodies the cases generate (same arbitrary, same seeds), serialised beforehand.
  const texts = fc.sample(bodies, { numRuns: CASES, seed: SEED }).map((b) => JSON.stringify(b));

  await properties(WARMUP, SEED + 7);
  await plainRequests(texts.slice(0, WARMUP));
  const caseTimes: number[] = [];
  const plainTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    caseTimes.push(await time(() => properties(CASES, SEED), 'cases'));
    plainTimes.push(await time(() => plainRequests(texts), 'plain'));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const caseSeconds = median(caseTimes);
  const plainSeconds = median(plainTimes);

  const casesPerSecond = CASES / caseSeconds;
  const plainPerSecond = CASES / plainSeconds;
  const overhead = caseSeconds / plainSeconds;
  const rates = (xs: number[]) => xs.map((t) => (CASES / t).toFixed(0)).join(', ');
  console.log(
    `bench:fuzz: emulator (${IN_PROCESS ? 'in this process' : 'own process'}) at ${url} holding ${CORPUS.length} assets; ${ROUNDS} rounds of ${CASES} of each, ${CONCURRENCY} at a time, after ${WARMUP} to warm up`,
  );
  console.log(
    'a case: generate an AssetsSearchWithFiltersInput (metacharacters, unicode), POST /assets/search through the typed client,',
  );
  console.log(
    '        record the exchange and run every exchange check on it (status, content type, response schema, ...)',
  );
  console.log(
    'a plain request: fetch POST /assets/search with the same body (generated beforehand) and read the answer',
  );
  console.log(
    `property cases: ${casesPerSecond.toFixed(0)} cases/s median (${((caseSeconds * 1000) / CASES).toFixed(2)} ms each; rounds: ${rates(caseTimes)})`,
  );
  console.log(
    `plain requests: ${plainPerSecond.toFixed(0)} requests/s median (${((plainSeconds * 1000) / CASES).toFixed(2)} ms each; rounds: ${rates(plainTimes)})`,
  );
  console.log(`overhead (case time / plain request time): ${overhead.toFixed(2)}x`);
  const perCase = (cpu.cases / (ROUNDS * CASES)) * 1e6;
  const perPlain = (cpu.plain / (ROUNDS * CASES)) * 1e6;
  console.log(
    `this process's CPU: ${perCase.toFixed(0)} µs per case, ${perPlain.toFixed(0)} µs per plain request (${(perCase / perPlain).toFixed(2)}x; ${IN_PROCESS ? "the emulator's CPU is counted too" : "the emulator's own CPU is not counted"})`,
  );
  console.log(
    `targets: >= 1,000 cases/s ${casesPerSecond >= 1000 ? 'met' : 'NOT met'}; overhead <= 2x ${overhead <= 2 ? 'met' : 'NOT met'}`,
  );
} finally {
  await emulator.close();
}
