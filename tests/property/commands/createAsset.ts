/** createAsset: a generated seed whose content holds a fresh unique token; the answer round-trips it. */
import fc from 'fast-check';
import type { Contract } from '../../../src/client/index.js';
import { uniqueToken, validSeed, type OpenApiDocument } from '../../../src/fuzz/index.js';
import { excerpt, need, type PiecesCommand, type PiecesModel, type PiecesReal } from '../model.js';
import { marked, namedSeed, rawOf, seedName, seedRaw, withRaw, withToken } from '../support/data.js';

/** POST /assets/create with a generated seed and a unique token in its content. */
export class CreateAssetCommand implements PiecesCommand {
  constructor(
    readonly seed: Record<string, any>,
    readonly token: string,
  ) {}

  check(): boolean {
    return true;
  }

  async run(m: PiecesModel, r: PiecesReal): Promise<void> {
    r.property.begin(this.toString());
    const name = marked(r.nonce, seedName(this.seed));
    const raw = withToken(seedRaw(this.seed), this.token);
    const body = namedSeed(withRaw(this.seed, raw), name) as Contract.Seed;
    const asset = need(
      r,
      (await r.api.call('createAsset', { body, query: { transferables: true } })).data,
      'createAsset',
    );
    r.judge('content_round_trip', {
      operation: 'createAsset',
      id: asset.id,
      field: 'original.reference.fragment.string.raw',
      sent: raw,
      received: rawOf(asset),
    });
    r.judge('content_round_trip', {
      operation: 'createAsset',
      id: asset.id,
      field: 'name',
      sent: name,
      received: asset.name,
    });
    r.property.settle();
    m.assets.push({ name, token: this.token, renamed: false, deleted: false });
    r.assets.push({ id: asset.id, asset });
  }

  toString(): string {
    return `createAsset(POST /assets/create name=${excerpt(seedName(this.seed))} content=${excerpt(seedRaw(this.seed))} token=${this.token})`;
  }
}

/** Generated createAsset commands. */
export function createAsset(spec: OpenApiDocument): fc.Arbitrary<PiecesCommand> {
  return fc.tuple(validSeed({ spec }), uniqueToken()).map(([seed, token]) => new CreateAssetCommand(seed, token));
}
