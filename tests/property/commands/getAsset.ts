/** getAsset: a live asset answers its name and its token; a deleted one is gone (use after delete). */
import fc from 'fast-check';
import { judgeGone, need, slot, type PiecesCommand, type PiecesModel, type PiecesReal } from '../model.js';
import { rawOf } from '../support/data.js';

/** GET /asset/{asset} of the asset at a position (deleted ones included). */
export class GetAssetCommand implements PiecesCommand {
  constructor(readonly position: number) {}

  check(m: Readonly<PiecesModel>): boolean {
    return m.assets.length > 0;
  }

  async run(m: PiecesModel, r: PiecesReal): Promise<void> {
    const i = slot(this.position, m.assets.length);
    const view = m.assets[i];
    const { id } = r.assets[i];
    r.property.begin(`${this}: #${i} ${id}`);
    if (view.deleted) {
      await judgeGone(r, 'deleteAsset', 'getAsset', 'asset', id);
      r.property.settle();
      return;
    }
    const read = await r.api.call('getAsset', { path: { asset: id }, query: { transferables: true } });
    r.judge('ensure_resource_availability', {
      operation: 'createAsset',
      via: 'getAsset',
      id,
      createdBy: 'createAsset',
      read: read.exchange,
    });
    const asset = need(r, read.data, 'getAsset');
    r.judge(
      view.renamed ? 'update_persisted' : 'references_consistent',
      view.renamed
        ? { operation: 'updateAsset', readBy: 'getAsset', id, field: 'name', sent: view.name, readBack: asset.name }
        : { operation: 'getAsset', id, field: 'name', source: 'createAsset', expected: view.name, actual: asset.name },
    );
    const raw = rawOf(asset);
    r.judge('references_consistent', {
      operation: 'getAsset',
      id,
      field: `content holds token ${view.token}`,
      source: 'createAsset',
      expected: true,
      actual: typeof raw === 'string' && raw.includes(view.token),
    });
    r.property.settle();
    r.assets[i].asset = asset;
  }

  toString(): string {
    return `getAsset(GET /asset/{#${this.position}})`;
  }
}

/** Generated getAsset commands. */
export function getAsset(): fc.Arbitrary<PiecesCommand> {
  return fc.nat().map((p) => new GetAssetCommand(p));
}
