/**
 * Benchmark: validating a 100-asset `GET /assets` body with the compiled validator, against
 * `JSON.parse` of the same body. Prints validations per second and the ratio of validation time
 * to parse time (target: ratio <= 1). Run: npm run bench:validate
 */
import { randomUUID } from 'node:crypto';
import { buildValidators, loadSpec } from '../src/index.js';

const ts = () => ({ value: new Date().toISOString(), readable: 'just now' });
const schema = { migration: 0, semantic: 'MAJOR_0_MINOR_0_PATCH_1' };
const application = {
  id: randomUUID(),
  name: 'VS_CODE',
  version: '2.1.0',
  platform: 'LINUX',
  onboarded: true,
  privacy: 'OPEN',
  schema,
};

/** One realistic asset: a ~1 KB TypeScript snippet in one original format. */
function asset(i: number) {
  const id = randomUUID();
  const formatId = randomUUID();
  const raw =
    `export function handler${i}(input: string[]): Map<string, number> {\n` +
    '  const counts = new Map<string, number>();\n  for (const word of input) counts.set(word, (counts.get(word) ?? 0) + 1);\n'.repeat(
      8,
    ) +
    '  return counts;\n}\n';
  const flat = {
    id: formatId,
    creator: 'bench',
    classification: { generic: 'CODE', specific: 'ts' },
    role: 'ORIGINAL',
    application,
    asset: id,
    bytes: { value: raw.length, readable: `${raw.length} B` },
    created: ts(),
    updated: ts(),
    fragment: { string: { raw }, metadata: { ext: 'ts' } },
    schema,
  };
  return {
    id,
    creator: 'bench',
    name: `Snippet ${i}`,
    created: ts(),
    updated: ts(),
    mechanism: 'MANUAL',
    schema,
    formats: { iterable: [{ ...flat, asset: { id, name: `Snippet ${i}` } }] },
    preview: { base: { id: formatId, reference: flat } },
    original: { id: formatId, reference: flat },
  };
}

const spec = await loadSpec('spec/pieces-os.openapi.yaml');
const validators = buildValidators(spec, 'strict');
const body = JSON.stringify({ iterable: Array.from({ length: 100 }, (_, i) => asset(i)), schema });

/** Runs fn for about `ms` milliseconds (after a warm-up) and answers the mean time per call in µs. */
function time(fn: () => void, ms = 2000): { perCallUs: number; calls: number } {
  for (let i = 0; i < 50; i++) fn();
  let calls = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(ms) * 1_000_000n;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 20; i++) fn();
    calls += 20;
    now = process.hrtime.bigint();
  }
  return { perCallUs: Number(now - start) / 1000 / calls, calls };
}

const check = validators.validateResponse('getAssetsSnapshot', 200, 'application/json', body);
if (check.diagnostics.length) throw new Error(`bench body is not valid: ${check.diagnostics[0].message}`);

const parse = time(() => JSON.parse(body));
const parsed = JSON.parse(body);
// validateAt on the already-parsed value measures validation alone; validateResponse = parse + validate.
const validateOnly = time(() => validators.validateAt('#/components/schemas/Assets', parsed, 'response body'));
const full = time(() => validators.validateResponse('getAssetsSnapshot', 200, 'application/json', body));

const kb = (body.length / 1024).toFixed(0);
console.log(`body: GET /assets with 100 assets, ${kb} KiB`);
console.log(
  `JSON.parse:                       ${parse.perCallUs.toFixed(1)} µs/op  (${(1e6 / parse.perCallUs).toFixed(0)} ops/s)`,
);
console.log(
  `validate (parsed value):          ${validateOnly.perCallUs.toFixed(1)} µs/op  (${(1e6 / validateOnly.perCallUs).toFixed(0)} validations/s)`,
);
console.log(
  `validateResponse (parse+validate): ${full.perCallUs.toFixed(1)} µs/op  (${(1e6 / full.perCallUs).toFixed(0)} ops/s)`,
);
const ratio = validateOnly.perCallUs / parse.perCallUs;
console.log(`ratio validation / JSON.parse: ${ratio.toFixed(2)} (target <= 1: ${ratio <= 1 ? 'met' : 'NOT met'})`);
