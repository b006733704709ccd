/**
 * query_flags_honoured: transferables=false leaves payloads out, pseudo assets only with
 * pseudo=true, the saved asset in the normal snapshot; only the test's own assets are judged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkNamed, type CheckSubjects } from '../../../src/checks/registry.js';
import { transferablePayloads } from '../../../src/checks/scenario/queryFlagsHonoured.js';
import { ctxFor } from './helpers.js';

type Facts = CheckSubjects['query_flags_honoured'];

const withPayload = (id: string) => ({
  id,
  original: { reference: { fragment: { string: { raw: 'const x = 1;' } } } },
  formats: { iterable: [{ id: `${id}f`, fragment: { string: { raw: 'const x = 1;' } } }] },
});
const lite = (id: string) => ({
  id,
  original: { reference: { fragment: { string: {} } } },
  formats: { iterable: [{ id: `${id}f`, fragment: { string: {} } }] },
});
const facts = (flags: Facts['flags'], items: unknown[], over: Partial<Facts> = {}): Facts => ({
  operation: 'getAssetsSnapshot',
  flags,
  items,
  saved: 's',
  pseudo: 'p',
  ...over,
});

const rows: [string, Facts, RegExp[]][] = [
  ['no flags: the saved asset, no pseudo one', facts({}, [withPayload('s')]), []],
  ['transferables=false without payloads', facts({ transferables: false }, [lite('s')]), []],
  [
    'transferables=false still carrying payloads',
    facts({ transferables: false }, [withPayload('s')]),
    [/GET \/assets\?transferables=false still carries the payloads of s: original\.reference\.fragment\.string\.raw/],
  ],
  [
    "a user's asset with payloads is never judged",
    facts({ transferables: false }, [lite('s'), withPayload('users')]),
    [],
  ],
  ['pseudo=true lists both', facts({ pseudo: true }, [lite('s'), lite('p')]), []],
  [
    'pseudo=true missing the pseudo asset',
    facts({ pseudo: true }, [lite('s')], { waitedMs: 2000 }),
    [/does not list the pseudo asset p \(after waiting 2000 ms\)/],
  ],
  [
    'no flags listing the pseudo asset',
    facts({}, [lite('s'), lite('p')]),
    [/GET \/assets \(no flags\) lists the pseudo asset p, which only pseudo=true includes/],
  ],
  [
    'pseudo=false listing the pseudo asset',
    facts({ pseudo: false, suggested: false }, [lite('s'), lite('p')]),
    [/\?pseudo=false&suggested=false lists the pseudo asset p/],
  ],
  ['the normal snapshot without the saved asset', facts({ suggested: false }, []), [/does not list the saved asset s/]],
  ['suggested=true may leave the saved asset out', facts({ suggested: true }, []), []],
];

for (const [title, f, expected] of rows) {
  test(`query_flags_honoured: ${title}`, () => {
    const check = checkNamed('query_flags_honoured');
    const failures = check.applies(f, ctxFor('getAssetsSnapshot')) ? check.run(f, ctxFor('getAssetsSnapshot')) : [];
    assert.equal(failures.length, expected.length, failures.map((x) => x.facts).join('\n'));
    expected.forEach((re, i) => assert.match(failures[i].facts, re));
    for (const x of failures) assert.equal(x.basis, 'upstream');
  });
}

test('transferablePayloads names every encoding a format carries, and nothing of an empty one', () => {
  assert.deepEqual(transferablePayloads(lite('a')), []);
  assert.deepEqual(
    transferablePayloads({
      formats: { iterable: [{ file: { bytes: { raw: [1, 2] } } }, { file: { bytes: { raw: [] } } }] },
    }),
    ['formats.iterable[0].file.bytes.raw = [1,2]'],
  );
});
