/** updateAsset: a live asset renamed (the rest of the Asset sent back as read); the new name persists. */
import fc from 'fast-check';
import { assetName } from '../../../src/fuzz/index.js';
import { excerpt, liveAssets, need, slot, type PiecesCommand, type PiecesModel, type PiecesReal } from '../model.js';
import { marked } from '../support/data.js';

/** POST /asset/update renaming the live asset at a position. */
export class UpdateAssetNameCommand implements PiecesCommand {
  constructor(
    readonly position: number,
    readonly name: string,
  ) {}

  check(m: Readonly<PiecesModel>): boolean {
    return liveAssets(m).length > 0;
  }

  async run(m: PiecesModel, r: PiecesReal): Promise<void> {
    const live = liveAssets(m);
    const i = live[slot(this.position, live.length)];
    const { id, asset } = r.assets[i];
    const name = marked(r.nonce, this.name);
    r.property.begin(`${this}: #${i} ${id}`);
    const updated = await r.api.call('updateAsset', { body: { ...asset, name }, query: { transferables: false } });
    r.judge('update_persisted', {
      operation: 'updateAsset',
      id,
      field: 'name',
      sent: name,
      readBack: need(r, updated.data, 'updateAsset').name,
    });
    const read = await r.api.call('getAsset', { path: { asset: id }, query: { transferables: true } });
    const reread = need(r, read.data, 'getAsset after updateAsset');
    r.judge('update_persisted', {
      operation: 'updateAsset',
      readBy: 'getAsset',
      id,
      field: 'name',
      sent: name,
      readBack: reread.name,
    });
    r.property.settle();
    m.assets[i] = { ...m.assets[i], name, renamed: true };
    r.assets[i].asset = reread;
  }

  toString(): string {
    return `updateAsset(POST /asset/update #${this.position} name=${excerpt(this.name)})`;
  }
}

/** Generated rename commands. */
export function updateAssetName(): fc.Arbitrary<PiecesCommand> {
  return fc.tuple(fc.nat(), assetName()).map(([p, name]) => new UpdateAssetNameCommand(p, name));
}
