/**
 * Compares the compat rules with openapi-diff (npm, Atlassian) on the three pairs of reduced upstream contracts.
 *
 * Usage: npm run bench:compat [-- --depth 2]
 *
 * openapi-diff cannot read the reduced documents as they are (their schemas are recursive: "Circular $ref
 * pointer found"), so both tools also run on copies whose schemas are inlined to a `$ref` depth (default 2;
 * 3 takes about a minute per pair); the rules additionally run on the full documents. Per pair it prints the
 * counts of each, then the places (operation + request body / response status / parameters) that only one
 * tool flags or that the tools grade differently, and finally the explanation of the differences.
 */
import openapiDiff from 'openapi-diff';
import { parseArgs } from 'node:util';
import { inlineSchemas } from '../src/compat/inline.js';
import { compareVersions, countChanges } from '../src/compat/compare.js';
import { operationKey } from '../src/compat/paths.js';
import type { Change, ContractVersion, Json } from '../src/compat/types.js';
import { loadVersions } from '../src/compat/versions.js';
const EXPLANATION = `## Why the two differ (details: src/compat/README.md, "Compared with openapi-diff")

1. openapi-diff cannot read the Pieces documents at all: their schemas are recursive (Asset -> Formats -> Format ->
   Asset ...) and json-schema-diff refuses circular $refs. Even made acyclic, the shared schemas expand
   exponentially (out of memory at 4 GB), so it only runs on copies inlined to a small $ref depth (2: seconds,
   3: about a minute per pair). The rules walk the real graph with a cycle guard, at any depth.
2. Everything deeper than that depth is invisible to it. The 28 breaking changes of 2024-09 -> 2025-01 are all
   deep: four TLP* schemas (TLPCodeFragmentClassification, ...Reclassification, ...DescriptiveStatistics,
   TLPCodeSnippetTagifyCode) gained required properties, reached from 7 request bodies 9 to 15 $refs down.
3. Keywords it does not compare: enum, format, pattern, nullable, parameters (any), requestBody.required,
   deprecated, non-JSON media types. So the 80 response-enum-widened warnings (UNKNOWN and new model
   foundations), the package_activities query parameter (2025-01 -> 2025-02) and the format/nullable probes are
   rules-only findings.
4. Granularity: openapi-diff reports at most one "scope" difference per body and direction (a set difference with
   the added/removed values as a schema); the rules report one change per property and rule. Where both look at
   the same body they agree on the grade: Model gained "score" -> openapi-diff response.body.scope.remove
   (non-breaking), rules response-property-added (non-breaking).
5. Set semantics vs structure: adding an unconstrained optional property ({}), with additional properties
   allowed, does not change the set of valid bodies, so openapi-diff reports nothing; the rules report a
   non-breaking response/request-property-added. openapi-diff compares anyOf/oneOf/not as sets of values; the
   rules compare anyOf/oneOf branches structurally (added, removed, keyword switched) and do not read not. Bounds both compare (the upstream pairs change none): a stricter request bound is
   breaking for both; a looser response bound is breaking for openapi-diff (set semantics) and a warning for the
   rules (only clients that validate or size for the old bound fail, as with a widened enum). A pattern added is
   a rules-only finding.`;

type OdDiff = {
  type: 'breaking' | 'non-breaking' | 'unclassified';
  code: string;
  sourceSpecEntityDetails: Array<{ location: string }>;
  destinationSpecEntityDetails: Array<{ location: string }>;
};
type OdResult = { breakingDifferences?: OdDiff[]; nonBreakingDifferences: OdDiff[]; unclassifiedDifferences: OdDiff[] };

const { values } = parseArgs({ options: { depth: { type: 'string', default: '2' } } });
const depth = Number(values.depth);
const PAIRS: Array<[string, string]> = [
  ['upstream-2024-09', 'upstream-2025-01'],
  ['upstream-2025-01', 'upstream-2025-02'],
  ['upstream-2024-09', 'upstream-2025-02'],
];

async function runOpenapiDiff(a: Json, b: Json, la: string, lb: string): Promise<OdDiff[]> {
  const spec = (d: Json, location: string) => ({ content: JSON.stringify(d), location, format: 'openapi3' as const });
  const r = (await openapiDiff.diffSpecs({
    sourceSpec: spec(a, la),
    destinationSpec: spec(b, lb),
  })) as unknown as OdResult;
  return [...(r.breakingDifferences ?? []), ...r.nonBreakingDifferences, ...r.unclassifiedDifferences];
}

/** The place of one of our changes: operation, status, request body, response body, parameters. */
function ourSite(c: Change): string {
  const loc = c.location;
  if (loc === '' || loc === '/deprecated') return `${c.key} | operation`;
  if (loc.startsWith('/parameters')) return `${c.key} | parameters`;
  if (loc.startsWith('/requestBody')) return `${c.key} | request body`;
  const m = /^\/responses\/([^/]+)(\/.*)?$/.exec(loc);
  if (m) return m[2] ? `${c.key} | response ${m[1]} body` : `${c.key} | status ${m[1]}`;
  return `${c.key} | ${loc}`;
}

/** The places of an openapi-diff difference (its locations are `paths./x.get.responses.200...`). */
function odSites(d: OdDiff): string[] {
  const out = new Set<string>();
  for (const { location } of [...d.sourceSpecEntityDetails, ...d.destinationSpecEntityDetails]) {
    const m = /^paths\.(\/.*?)(?:\.(get|put|post|delete|options|head|patch|trace)(?:\.(.*))?)?$/.exec(location);
    if (!m) {
      out.add(`? | ${location}`);
      continue;
    }
    const key = m[2] ? operationKey(m[2], m[1]) : `* ${m[1]}`;
    const rest = m[3] ?? '';
    const st = /^responses\.([^.]+)(\.(.*))?$/.exec(rest);
    if (!rest) out.add(`${key} | operation`);
    else if (rest.startsWith('requestBody')) out.add(`${key} | request body`);
    else if (st)
      out.add(
        st[2]
          ? st[3]?.startsWith('headers')
            ? `${key} | response ${st[1]} headers`
            : `${key} | response ${st[1]} body`
          : `${key} | status ${st[1]}`,
      );
    else out.add(`${key} | ${rest}`);
  }
  return [...out];
}

/** Hand-made one-change documents: what each tool says about a single kind of change. */
const PROBES: Array<[string, Json, Json, Json, Json]> = (() => {
  const o = (props: Json = {}, extra: Json = {}): Json => ({ type: 'object', properties: props, ...extra });
  const s = (extra: Json = {}): Json => ({ type: 'string', ...extra });
  return [
    ['request property newly required', o({ a: s() }), o(), o({ a: s() }, { required: ['a'] }), o()],
    ['request enum narrowed', o({ a: s({ enum: ['A', 'B'] }) }), o(), o({ a: s({ enum: ['A'] }) }), o()],
    ['response enum widened', o(), o({ a: s({ enum: ['A'] }) }), o(), o({ a: s({ enum: ['A', 'B'] }) })],
    ['response property removed', o(), o({ a: s() }), o(), o()],
    ['response property no longer required', o(), o({ a: s() }, { required: ['a'] }), o(), o({ a: s() })],
    ['response property became nullable', o(), o({ a: s() }), o(), o({ a: s({ nullable: true }) })],
    ['response format changed', o(), o({ a: s({ format: 'date-time' }) }), o(), o({ a: s({ format: 'date' }) })],
    ['response property added, unconstrained', o(), o(), o(), o({ a: {} })],
    ['request maxLength lowered', o({ a: s({ maxLength: 100 }) }), o(), o({ a: s({ maxLength: 50 }) }), o()],
    ['request pattern added', o({ a: s() }), o(), o({ a: s({ pattern: '^[a-z]+$' }) }), o()],
    [
      'response maximum raised',
      o(),
      o({ n: { type: 'integer', maximum: 10 } }),
      o(),
      o({ n: { type: 'integer', maximum: 20 } }),
    ],
    [
      'request anyOf branch removed',
      o({ a: s(), b: s() }, { anyOf: [{ required: ['a'] }, { required: ['b'] }] }),
      o(),
      o({ a: s(), b: s() }, { anyOf: [{ required: ['a'] }] }),
      o(),
    ],
  ];
})();

function probeDoc(req: Json, res: Json, extra: Json = {}): Json {
  return {
    openapi: '3.0.0',
    info: { title: 'probe', version: '1' },
    paths: {
      '/a': {
        post: {
          operationId: 'a',
          ...extra,
          requestBody: { content: { 'application/json': { schema: req } } },
          responses: { '200': { description: 'OK', content: { 'application/json': { schema: res } } } },
        },
      },
    },
  };
}

async function probes(): Promise<void> {
  console.log('## Probes: one change each\n\n| Change | openapi-diff | rules |\n|---|---|---|');
  const rows: Array<[string, Json, Json]> = PROBES.map(([name, r1, s1, r2, s2]) => [
    name,
    probeDoc(r1, s1),
    probeDoc(r2, s2),
  ]);
  rows.push([
    'query parameter added as required',
    probeDoc({}, {}),
    probeDoc({}, {}, { parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }] }),
  ]);
  rows.push([
    'request body newly required',
    probeDoc({}, {}),
    {
      ...probeDoc({}, {}),
      paths: {
        '/a': {
          post: {
            operationId: 'a',
            requestBody: { required: true, content: { 'application/json': { schema: {} } } },
            responses: { '200': { description: 'OK', content: { 'application/json': { schema: {} } } } },
          },
        },
      },
    },
  ]);
  rows.push(['operation deprecated', probeDoc({}, {}), probeDoc({}, {}, { deprecated: true })]);
  for (const [name, a, b] of rows) {
    const od = await runOpenapiDiff(a, b, 'old', 'new');
    const ours = compareVersions(a, b);
    console.log(
      `| ${name} | ${od.map((d) => `${d.code} (${d.type})`).join(', ') || 'nothing'} | ${ours.map((c) => `${c.rule} (${c.severity})`).join(', ') || 'nothing'} |`,
    );
  }
  console.log('');
}

const RANK: Record<string, number> = { breaking: 3, warning: 2, unclassified: 2, 'non-breaking': 1 };
const worst = (a: string | undefined, b: string): string => (!a || RANK[b] > RANK[a] ? b : a);

function describeOurs(changes: Change[]): string {
  const rules = new Map<string, number>();
  for (const c of changes) rules.set(`${c.rule} (${c.severity})`, (rules.get(`${c.rule} (${c.severity})`) ?? 0) + 1);
  return [...rules].map(([r, n]) => (n > 1 ? `${r} x${n}` : r)).join(', ');
}

const versions = await loadVersions();
const byId = (id: string): ContractVersion => versions.find((v) => v.id === id)!;
console.log(
  `openapi-diff 0.24.1 vs the compat rules on the reduced upstream contracts (schemas inlined to $ref depth ${depth} for the like-for-like run)\n`,
);
try {
  await runOpenapiDiff(byId(PAIRS[0][0]).doc, byId(PAIRS[0][1]).doc, PAIRS[0][0], PAIRS[0][1]);
  console.log('openapi-diff on the documents as they are: ran');
} catch (e) {
  console.log(
    `openapi-diff on the documents as they are: FAILS (${String((e as Error).message)
      .split('\n')[0]
      .replace(/ at \/.*$/, '')})\n`,
  );
}
await probes();
const summary: string[] = [];
for (const [from, to] of PAIRS) {
  const [a, b] = [byId(from), byId(to)];
  const [ia, ib] = [inlineSchemas(a.doc, depth), inlineSchemas(b.doc, depth)];
  const t0 = Date.now();
  const od = await runOpenapiDiff(ia.doc, ib.doc, from, to);
  const odMs = Date.now() - t0;
  const oursInlined = compareVersions(ia.doc, ib.doc);
  const oursFull = compareVersions(a.doc, b.doc);
  const odCount = { breaking: 0, 'non-breaking': 0, unclassified: 0 };
  for (const d of od) odCount[d.type]++;
  const ci = countChanges(oursInlined);
  const cf = countChanges(oursFull);
  summary.push(
    `| ${from} -> ${to} | ${odCount.breaking} / ${odCount['non-breaking']} / ${odCount.unclassified} | ` +
      `${ci.breaking} / ${ci.warning} / ${ci['non-breaking']} | ${cf.breaking} / ${cf.warning} / ${cf['non-breaking']} |`,
  );

  const odBySite = new Map<string, { sev?: string; codes: string[] }>();
  for (const d of od)
    for (const s of odSites(d)) {
      const e = odBySite.get(s) ?? { codes: [] };
      e.sev = worst(e.sev, d.type);
      e.codes.push(`${d.code} (${d.type})`);
      odBySite.set(s, e);
    }
  const ourBySite = new Map<string, { sev?: string; changes: Change[] }>();
  for (const c of oursInlined) {
    const s = ourSite(c);
    const e = ourBySite.get(s) ?? { changes: [] };
    e.sev = worst(e.sev, c.severity);
    e.changes.push(c);
    ourBySite.set(s, e);
  }
  const both = [...odBySite.keys()].filter((s) => ourBySite.has(s));
  const onlyOd = [...odBySite.keys()].filter((s) => !ourBySite.has(s));
  const onlyOurs = [...ourBySite.keys()].filter((s) => !odBySite.has(s));
  const graded = both.filter((s) => (odBySite.get(s)!.sev === 'breaking') !== (ourBySite.get(s)!.sev === 'breaking'));
  console.log(`## ${from} -> ${to}`);
  console.log(
    `openapi-diff (inlined, ${odMs} ms): ${odCount.breaking} breaking, ${odCount['non-breaking']} non-breaking, ${odCount.unclassified} unclassified`,
  );
  console.log(
    `rules (inlined): ${ci.breaking} breaking, ${ci.warning} warning, ${ci['non-breaking']} non-breaking; ` +
      `rules (full documents): ${cf.breaking} breaking, ${cf.warning} warning, ${cf['non-breaking']} non-breaking`,
  );
  console.log(
    `places flagged: ${both.length} by both (${graded.length} graded differently), ${onlyOd.length} only by openapi-diff, ${onlyOurs.length} only by the rules`,
  );
  for (const s of both) {
    const tag = graded.includes(s) ? 'graded differently' : 'both              ';
    console.log(
      `  ${tag}  ${s}: openapi-diff ${odBySite.get(s)!.codes.join(', ')}; rules ${describeOurs(ourBySite.get(s)!.changes)}`,
    );
  }
  for (const s of onlyOd) console.log(`  only openapi-diff   ${s}: ${odBySite.get(s)!.codes.join(', ')}`);
  for (const s of onlyOurs) console.log(`  only rules          ${s}: ${describeOurs(ourBySite.get(s)!.changes)}`);
  const inlinedKeys = new Set(oursInlined.map((x) => `${x.rule} ${x.key} ${x.location}`));
  const fullOnly = countChanges(oursFull.filter((c) => !inlinedKeys.has(`${c.rule} ${c.key} ${c.location}`)));
  console.log(
    `rules on the full documents find beyond the inlined run: ${fullOnly.breaking} breaking, ${fullOnly.warning} warning, ` +
      `${fullOnly['non-breaking']} non-breaking (deeper than $ref depth ${depth})\n`,
  );
}
console.log(
  '## Summary (breaking / non-breaking / unclassified for openapi-diff; breaking / warning / non-breaking for the rules)\n',
);
console.log('| Pair | openapi-diff (inlined) | rules (inlined) | rules (full) |\n|---|---|---|---|');
console.log(summary.join('\n'));
console.log(`\n${EXPLANATION}`);
