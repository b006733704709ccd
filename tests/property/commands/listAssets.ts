/** getAssetsSnapshot: every live asset of the run is listed, no deleted one is. */
import fc from 'fast-check';
import { iterable, type PiecesCommand, type PiecesModel, type PiecesReal } from '../model.js';

/** GET /assets, compared with the model's positions. */
export class ListAssetsCommand implements PiecesCommand {
  check(m: Readonly<PiecesModel>): boolean {
    return m.assets.length > 0;
  }

  async run(m: PiecesModel, r: PiecesReal): Promise<void> {
    r.property.begin(this.toString());
    const res = await r.api.call('getAssetsSnapshot', { query: { transferables: false } });
    const items = iterable(res.data);
    if (items) {
      const listed = new Set(items.map((a) => a.id));
      m.assets.forEach((view, i) => {
        const { id } = r.assets[i];
        if (view.deleted)
          r.judge('use_after_delete', {
            operation: 'getAssetsSnapshot',
            id,
            deletedBy: 'deleteAsset',
            listed: listed.has(id),
          });
        else
          r.judge('ensure_resource_availability', {
            operation: 'getAssetsSnapshot',
            id,
            createdBy: 'createAsset',
            listed: listed.has(id),
          });
      });
    }
    r.property.settle();
  }

  toString(): string {
    return 'getAssetsSnapshot(GET /assets)';
  }
}

/** The snapshot command (it takes no generated value). */
export function listAssets(): fc.Arbitrary<PiecesCommand> {
  return fc.constant(new ListAssetsCommand());
}
