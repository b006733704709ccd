/**
 * Property: create(any valid seed) answers a schema-valid Asset, and get returns exactly the raw
 * content and the name it was created with (every unicode string round-trips byte for byte). The
 * exchange checks judge every answer's schema; the round trip is `content_round_trip`.
 */
import fc from 'fast-check';
import type { Contract } from '../../src/client/index.js';
import { longString, seedContent, validSeed } from '../../src/fuzz/index.js';
import { test } from './support/test.js';
import { marked, namedSeed, rawOf, seedName, testNonce, withId } from './support/data.js';

const RAW = 'original.reference.fragment.string.raw';

test.describe('Properties: content round trip', { tag: '@property' }, () => {
  test('create(any valid seed) → get answers the same raw content and name', async ({
    api,
    property,
    judge,
    spec,
    safety,
    props,
  }) => {
    safety.writes();
    const nonce = testNonce();
    // Mostly realistic content (code in many languages, unicode of every kind, prose); now and
    // then a long string (up to 64 KiB, 512 KiB in the deep mode) to probe size handling.
    const long = longString({ minBytes: 1, maxBytes: props.deep ? 512 * 1024 : 64 * 1024 }).map((raw) => ({
      raw,
      ext: 'txt',
    }));
    const content = fc.oneof({ arbitrary: seedContent(spec.dereferenced), weight: 9 }, { arbitrary: long, weight: 1 });
    const seeds = validSeed({ spec: spec.dereferenced, content });

    await fc.assert(
      fc.asyncProperty(
        seeds,
        property.case(async (generated) => {
          const name = marked(nonce, seedName(generated));
          const body = namedSeed(generated, name) as Contract.Seed;
          const sent = String(generated.asset.format.fragment.string.raw);
          const created = await api.call('createAsset', { body, query: { transferables: true } });
          const asset = withId(created.data);
          if (!asset) return; // refused or unreadable: the exchange checks have judged it
          const id = asset.id;
          judge('content_round_trip', { operation: 'createAsset', id, field: RAW, sent, received: rawOf(asset) });
          judge('content_round_trip', {
            operation: 'createAsset',
            id,
            field: 'name',
            sent: name,
            received: asset.name,
          });

          const read = await api.call('getAsset', { path: { asset: id }, query: { transferables: true } });
          judge('ensure_resource_availability', {
            operation: 'createAsset',
            via: 'getAsset',
            id,
            createdBy: 'createAsset',
            read: read.exchange,
          });
          judge('content_round_trip', {
            operation: 'getAsset',
            id,
            field: RAW,
            sent,
            received: rawOf(read.data),
          });
          judge('content_round_trip', {
            operation: 'getAsset',
            id,
            field: 'name',
            sent: name,
            received: withId(read.data)?.name,
          });

          // Keeps the target small while the property runs (the fixtures would delete it at the end anyway).
          await api.call('deleteAsset', { path: { asset: id } });
        }),
      ),
      property.parameters({ runs: 60, deepRuns: 600 }),
    );
  });
});
